<?php
/**
 * Outbound email: agent replies and acknowledgements.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Sends through wp_mail() (so SMTP plugins and the phpmailer_init hook apply): multipart/alternative
 * HTML (styled like WooCommerce's emails when WooCommerce is active) plus text, From the mailbox,
 * Reply-To the signed reply address, a signed Message-ID, In-Reply-To/References of the thread.
 * A mailbox with its own SMTP server (smtp_host set) sends through that server: PHPMailer is
 * pointed at it for that one send, last in phpmailer_init so site-wide SMTP plugins do not win,
 * and put back as it was afterwards.
 */
final class Mailer {

	/**
	 * Most delivery attempts before a reply stays "failed".
	 */
	public const MAX_ATTEMPTS = 5;

	/**
	 * Headers PHPMailer should set for the mail being sent (consumed by configure()).
	 *
	 * @var array<string, string>|null
	 */
	private ?array $pending = null;

	/**
	 * The mailbox SMTP server for the mail being sent (consumed by use_smtp()).
	 *
	 * @var array{host: string, port: int, security: string, user: string, password: string}|null
	 */
	private ?array $smtp = null;

	/**
	 * PHPMailer settings replaced by use_smtp(), restored after the send.
	 *
	 * @var array<string, mixed>|null
	 */
	private ?array $saved = null;

	/**
	 * PHPMailer properties a mailbox SMTP server sets.
	 */
	/**
	 * Ticket meta holding automatic emails that failed and wait for a retry, by key.
	 */
	public const NOTICES_META = 'email_pending_notices';

	private const SMTP_PROPS = array( 'Mailer', 'Host', 'Port', 'SMTPSecure', 'SMTPAutoTLS', 'SMTPAuth', 'Username', 'Password', 'Timeout' );

	/**
	 * Delivers a public agent/bot reply on one of channels(). Hooked on switchboard_deliver_message.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( array $message, array $ticket ): void {
		if ( ! in_array( (string) ( $message['channel'] ?? '' ), self::channels(), true ) ) {
			return; // The core chose another channel for this reply.
		}
		( new Messages() )->set_delivery_status( (int) $message['id'], 'queued' );
		$this->send_reply( (int) $message['id'] );
	}

	/**
	 * The reply channels delivered as email: `email`, plus those other modules hand over (the
	 * web form and My Account tickets, see Frontend\ReplyMail) through `switchboard_email_reply_channels`.
	 *
	 * @return string[]
	 */
	public static function channels(): array {
		/**
		 * Filters the channels whose public replies the email channel sends (Mailer: styling,
		 * threading headers, mailbox SMTP, delivery status, retries).
		 *
		 * @since 0.1.0
		 *
		 * @param string[] $channels Channel slugs; always includes `email`.
		 */
		$channels = (array) apply_filters( 'switchboard_email_reply_channels', array( 'email' ) );
		return array_values( array_unique( array_merge( array( 'email' ), array_map( 'strval', $channels ) ) ) );
	}

	/**
	 * An agent's "retry now" of a failed reply: the scheduled background retry is dropped and the
	 * reply is sent at once (with a new retry scheduled if it fails again).
	 *
	 * @param int $message_id Message id.
	 */
	public function retry_now( int $message_id ): bool {
		Scheduler::cancel( Module::RETRY_HOOK, array( $message_id ) );
		( new Messages() )->set_delivery_status( $message_id, 'queued' );
		return $this->send_reply( $message_id );
	}

	/**
	 * Sends (or re-sends) a reply; records sent/failed and schedules a retry with backoff
	 * (1, 4, 16, 64 minutes; MAX_ATTEMPTS in all).
	 *
	 * @param int $message_id Message id.
	 */
	public function send_reply( int $message_id ): bool {
		$messages = new Messages();
		$message  = $messages->get( $message_id );
		if ( null === $message ) {
			return false;
		}
		$tickets = new TicketService();
		$ticket  = $tickets->get( (int) $message['ticket_id'] );
		if ( null === $ticket ) {
			return false;
		}
		$customer = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$to       = (string) ( $customer['email'] ?? '' );
		if ( ! is_email( $to ) ) {
			$messages->set_delivery_status( $message_id, 'failed', __( 'The customer has no email address.', 'switchboard' ) );
			return false;
		}
		$mailbox = $this->mailbox_for( $ticket );
		$signer  = Signer::from_wordpress();
		$secret  = (string) $ticket['secret'];
		$from    = (string) ( $mailbox['address'] ?? get_option( 'admin_email' ) );
		$host    = (string) ( wp_parse_url( home_url(), PHP_URL_HOST ) ?: 'localhost' );

		$thread = $messages->for_ticket( (int) $ticket['id'], true );
		$refs   = self::references( $thread, $message_id );

		$subject = (string) $ticket['subject'];
		if ( ! preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ) {
			$subject = 'Re: ' . $subject;
		}
		$subject .= ' ' . $signer->subject_tag( (int) $ticket['id'], $secret );

		$message_header = $signer->message_id( (int) $ticket['id'], $message_id, $secret, $host );
		$signature      = (string) ( $mailbox['settings']['signature'] ?? '' );
		$html_body      = (string) $message['body_html'];
		$text_body      = (string) $message['body_text'];
		/**
		 * Filters what an outgoing reply adds after its body (before the signature), e.g. the signed
		 * link to read and answer a web-form ticket online. Runs at every attempt.
		 *
		 * @since 0.1.0
		 *
		 * @param array{html: string, text: string} $extra   HTML (already safe) and text to append.
		 * @param array<string, mixed>              $message Message row.
		 * @param array<string, mixed>              $ticket  Ticket row.
		 */
		$extra = (array) apply_filters(
			'switchboard_email_reply_extra',
			array(
				'html' => '',
				'text' => '',
			),
			$message,
			$ticket
		);
		if ( '' === trim( $text_body ) ) {
			$text_body = trim( wp_strip_all_tags( $html_body ) );
		}
		$html_body .= (string) ( $extra['html'] ?? '' );
		$text_body .= (string) ( $extra['text'] ?? '' );
		if ( '' !== $signature ) {
			$html_body .= '<p>' . nl2br( esc_html( $signature ) ) . '</p>';
			$text_body .= "\n\n-- \n" . $signature;
		}
		if ( ! empty( $mailbox['settings']['quote_history'] ) ) {
			$quoted     = self::quote_previous( $thread, $message_id );
			$html_body .= $quoted['html'];
			$text_body .= $quoted['text'];
		}
		$files = array();
		foreach ( ( new Attachments() )->for_messages( array( $message_id ) )[ $message_id ] ?? array() as $attachment ) {
			$path = ( new Attachments() )->path( $attachment );
			if ( is_readable( $path ) ) {
				$files[ (string) $attachment['filename'] ] = $path;
			}
		}

		$ok = $this->send(
			array(
				'to'          => $to,
				'from'        => $from,
				'from_name'   => (string) ( $mailbox['name'] ?? '' ) !== '' ? (string) $mailbox['name'] : get_bloginfo( 'name' ),
				'reply_to'    => $signer->reply_address( $from, (int) $ticket['id'], $secret ),
				'subject'     => $subject,
				'html'        => Template::wrap( $html_body, $subject ),
				'text'        => $text_body,
				'message_id'  => $message_header,
				'in_reply_to' => (string) ( end( $refs ) ?: '' ),
				'references'  => implode( ' ', $refs ),
				'ticket_id'   => (int) $ticket['id'],
				'attachments' => $files,
				'auto'        => 'bot' === (string) $message['author_type'] ? 'auto-generated' : '',
				'smtp'        => null === $mailbox ? null : self::smtp_settings( $mailbox ),
			)
		);
		$messages->update_meta(
			$message_id,
			array(
				'email' => array(
					'message_id' => $message_header,
					'to'         => $to,
				),
			)
		);

		if ( true === $ok ) {
			$messages->set_delivery_status( $message_id, 'sent' );
			return true;
		}
		$messages->set_delivery_status( $message_id, 'failed', is_string( $ok ) ? $ok : __( 'The mail server refused the email.', 'switchboard' ) );
		$attempts = (int) ( ( $messages->get( $message_id ) )['delivery_attempts'] ?? self::MAX_ATTEMPTS );
		if ( $attempts < self::MAX_ATTEMPTS ) {
			Scheduler::cancel( Module::RETRY_HOOK, array( $message_id ) );
			Scheduler::later( Module::RETRY_HOOK, array( $message_id ), self::backoff( $attempts ) );
		}
		return false;
	}

	/**
	 * The Message-IDs of a thread (at most the last 20), for References and In-Reply-To.
	 *
	 * @param array<int, array<string, mixed>> $thread  Public messages, oldest first.
	 * @param int                              $exclude The message being sent (0: none).
	 * @return string[]
	 */
	private static function references( array $thread, int $exclude = 0 ): array {
		$refs = array();
		foreach ( $thread as $row ) {
			$id = (string) ( $row['meta']['email']['message_id'] ?? '' );
			if ( '' !== $id && (int) $row['id'] !== $exclude ) {
				$refs[] = $id;
			}
		}
		return array_slice( array_values( array_unique( $refs ) ), -20 );
	}

	/**
	 * Sends an automatic email about a ticket to its customer (Tickets\CustomerMail, hooked on
	 * `switchboard_pre_customer_mail`): from the ticket's mailbox and its SMTP server, styled like
	 * the store's emails with a plain-text part, the signed subject tag, Reply-To and Message-ID
	 * (an answer by email lands on the ticket), in the thread of the earlier mails, and marked
	 * `Auto-Submitted: auto-generated` (RFC 3834).
	 *
	 * @param bool|null            $sent   Null unless someone else sent it.
	 * @param array<string, mixed> $mail   to, subject, text, kind.
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return bool|null
	 */
	public function send_notice( $sent, $mail, $ticket ) {
		$mail   = (array) $mail;
		$ticket = (array) $ticket;
		if ( null !== $sent || empty( $ticket['id'] ) ) {
			return $sent;
		}
		$result = $this->deliver_notice( $mail, $ticket );
		if ( true === $result ) {
			return true;
		}
		$mail['key'] = wp_generate_password( 12, false, false );
		$this->notice_failed( $ticket, $mail, $result, 1 );
		return false;
	}

	/**
	 * A failed automatic email: shown on the ticket's timeline and, below MAX_ATTEMPTS, kept in
	 * the ticket's meta and retried with the replies' backoff.
	 *
	 * @param array<string, mixed> $ticket   Ticket row.
	 * @param array<string, mixed> $mail     The email (with its key).
	 * @param string               $error    What the mail server or wp_mail() said.
	 * @param int                  $attempts Attempts so far.
	 */
	private function notice_failed( array $ticket, array $mail, string $error, int $attempts ): void {
		$id      = (int) $ticket['id'];
		$key     = (string) $mail['key'];
		$service = new TicketService();
		$pending = (array) ( $service->get_meta( $id, self::NOTICES_META ) ?? array() );
		$retry   = $attempts < self::MAX_ATTEMPTS ? self::backoff( $attempts ) : 0;
		if ( $retry > 0 ) {
			$pending[ $key ] = array(
				'mail'     => $mail,
				'attempts' => $attempts,
			);
			Scheduler::cancel( Module::NOTICE_RETRY_HOOK, array( $id, $key ) );
			Scheduler::later( Module::NOTICE_RETRY_HOOK, array( $id, $key ), $retry );
		} else {
			unset( $pending[ $key ] );
		}
		$service->update_meta( $id, self::NOTICES_META, $pending );
		( new Events() )->record(
			$id,
			'email_failed',
			array(
				'kind'     => (string) ( $mail['kind'] ?? '' ),
				'to'       => (string) ( $mail['to'] ?? '' ),
				'error'    => $error,
				'attempts' => $attempts,
				'retry_in' => $retry,
			),
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
	}

	/**
	 * Sends a failed automatic email again (the scheduled retry). Nothing when it was sent or
	 * given up meanwhile, so a retry never sends a second copy.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $key       The email's key in the ticket's pending notices.
	 */
	public function retry_notice( int $ticket_id, string $key ): bool {
		$service = new TicketService();
		$ticket  = $service->get( $ticket_id );
		$pending = (array) ( $service->get_meta( $ticket_id, self::NOTICES_META ) ?? array() );
		if ( null === $ticket || ! is_array( $pending[ $key ] ?? null ) ) {
			return false;
		}
		$mail     = (array) $pending[ $key ]['mail'];
		$attempts = (int) $pending[ $key ]['attempts'] + 1;
		$result   = $this->deliver_notice( $mail, $ticket );
		if ( true !== $result ) {
			$this->notice_failed( $ticket, $mail, $result, $attempts );
			return false;
		}
		unset( $pending[ $key ] );
		$service->update_meta( $ticket_id, self::NOTICES_META, $pending );
		( new Events() )->record(
			$ticket_id,
			'email_sent',
			array(
				'kind'     => (string) ( $mail['kind'] ?? '' ),
				'to'       => (string) ( $mail['to'] ?? '' ),
				'attempts' => $attempts,
			),
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
		// A chat reply that went by email: its message shows "sent" now.
		if ( (int) ( $mail['message_id'] ?? 0 ) > 0 ) {
			( new Messages() )->set_delivery_status( (int) $mail['message_id'], 'sent' );
		}
		return true;
	}

	/**
	 * Builds and sends one automatic email (see send_notice()).
	 *
	 * @param array<string, mixed> $mail   to, subject, text, kind.
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return true|string True, or the error.
	 */
	private function deliver_notice( array $mail, array $ticket ) {
		$mailbox = $this->mailbox_for( $ticket );
		$signer  = Signer::from_wordpress();
		$secret  = (string) $ticket['secret'];
		$from    = (string) ( $mailbox['address'] ?? get_option( 'admin_email' ) );
		$host    = (string) ( wp_parse_url( home_url(), PHP_URL_HOST ) ?: 'localhost' );
		$subject = trim( (string) ( $mail['subject'] ?? '' ) ) . ' ' . $signer->subject_tag( (int) $ticket['id'], $secret );
		$text    = (string) ( $mail['text'] ?? '' );
		$refs    = self::references( ( new Messages() )->for_ticket( (int) $ticket['id'], true ) );
		// A notice is no message of the ticket: its Message-ID carries a unique number instead
		// (signed like the others, so an answer quoting only that header still finds the ticket).
		$number = (int) floor( microtime( true ) * 1000 ) * 10 + wp_rand( 0, 9 );

		$html = '';
		foreach ( preg_split( '/\R{2,}/', trim( $text ) ) ?: array() as $paragraph ) {
			$html .= '<p>' . make_clickable( nl2br( esc_html( $paragraph ) ) ) . "</p>\n";
		}
		$result = $this->send(
			array(
				'to'          => (string) ( $mail['to'] ?? '' ),
				'from'        => $from,
				'from_name'   => (string) ( $mailbox['name'] ?? '' ) !== '' ? (string) $mailbox['name'] : get_bloginfo( 'name' ),
				'reply_to'    => $signer->reply_address( $from, (int) $ticket['id'], $secret ),
				'subject'     => $subject,
				'html'        => Template::wrap( $html, $subject ),
				'text'        => $text,
				'message_id'  => $signer->message_id( (int) $ticket['id'], $number, $secret, $host ),
				'in_reply_to' => (string) ( end( $refs ) ?: '' ),
				'references'  => implode( ' ', $refs ),
				'ticket_id'   => (int) $ticket['id'],
				'auto'        => 'auto-generated',
				'smtp'        => null === $mailbox ? null : self::smtp_settings( $mailbox ),
			)
		);
		return true === $result ? true : (string) $result;
	}

	/**
	 * The customer's last message before this reply, quoted ("On …, … wrote:"), for mailboxes that
	 * send the history along; empty strings when there is none.
	 *
	 * @param array<int, array<string, mixed>> $thread     Public messages of the ticket, oldest first.
	 * @param int                              $message_id The reply.
	 * @return array{html: string, text: string}
	 */
	private static function quote_previous( array $thread, int $message_id ): array {
		$previous = null;
		foreach ( $thread as $row ) {
			if ( (int) $row['id'] < $message_id && 'in' === (string) $row['direction'] ) {
				$previous = $row;
			}
		}
		if ( null === $previous ) {
			return array(
				'html' => '',
				'text' => '',
			);
		}
		$from = (array) ( $previous['meta']['email']['from'] ?? array() );
		$who  = (string) ( $from['name'] ?? '' ) !== '' ? (string) $from['name'] : (string) ( $from['address'] ?? __( 'the customer', 'switchboard' ) );
		$when = wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), (int) strtotime( (string) $previous['created_at'] . ' UTC' ) );
		/* translators: 1: date and time, 2: sender name */
		$intro = sprintf( __( 'On %1$s, %2$s wrote:', 'switchboard' ), (string) $when, $who );
		$text  = trim( (string) $previous['body_text'] );
		$html  = '' !== trim( (string) $previous['body_html'] ) ? wp_kses_post( (string) $previous['body_html'] ) : nl2br( esc_html( $text ) );
		return array(
			'html' => '<p style="color:#777777;margin-top:24px;">' . esc_html( $intro ) . '</p><blockquote style="margin:0 0 0 8px;border-left:3px solid #dddddd;padding-left:12px;color:#777777;">' . $html . '</blockquote>',
			'text' => "\n\n" . $intro . "\n" . implode( "\n", array_map( static fn ( string $line ): string => '> ' . $line, explode( "\n", str_replace( "\r\n", "\n", $text ) ) ) ),
		);
	}

	/**
	 * Seconds before the next attempt after this many (1 min, 4 min, 16 min, 64 min).
	 *
	 * @param int $attempts Attempts so far.
	 */
	public static function backoff( int $attempts ): int {
		return (int) ( 60 * ( 4 ** max( 0, min( $attempts, self::MAX_ATTEMPTS ) - 1 ) ) );
	}

	/**
	 * Sends one email through wp_mail(). Returns true, or the error text.
	 *
	 * @param array<string, mixed> $mail to, from, from_name, reply_to, subject, html, text, message_id,
	 *                                   in_reply_to, references, ticket_id, attachments (name => path), auto.
	 * @return true|string
	 */
	public function send( array $mail ) {
		$headers = array(
			'Content-Type: text/html; charset=UTF-8',
			sprintf( 'From: %s <%s>', str_replace( array( '"', "\r", "\n", '<', '>' ), '', (string) $mail['from_name'] ), $mail['from'] ),
		);
		if ( ! empty( $mail['reply_to'] ) ) {
			$headers[] = 'Reply-To: ' . $mail['reply_to'];
		}
		$this->pending = array(
			'message_id'  => (string) ( $mail['message_id'] ?? '' ),
			'in_reply_to' => (string) ( $mail['in_reply_to'] ?? '' ),
			'references'  => (string) ( $mail['references'] ?? '' ),
			'text'        => (string) ( $mail['text'] ?? '' ),
			'ticket_id'   => (string) ( $mail['ticket_id'] ?? '' ),
			'auto'        => (string) ( $mail['auto'] ?? '' ),
			'sender'      => (string) $mail['from'],
		);
		$error         = '';
		$catch         = static function ( \WP_Error $e ) use ( &$error ): void {
			$error = $e->get_error_message();
		};
		$this->smtp    = is_array( $mail['smtp'] ?? null ) ? $mail['smtp'] : null;
		// Late: WooCommerce's WC_Email::handle_multipart (priority 10) blanks AltBody for any
		// wp_mail() after one of its emails was rendered but not sent, which dropped our text part.
		add_action( 'phpmailer_init', array( $this, 'configure' ), PHP_INT_MAX - 1 );
		add_action( 'phpmailer_init', array( $this, 'use_smtp' ), PHP_INT_MAX );
		add_action( 'wp_mail_failed', $catch );
		try {
			$ok = wp_mail( (string) $mail['to'], (string) $mail['subject'], (string) $mail['html'], $headers, array_values( (array) ( $mail['attachments'] ?? array() ) ) );
		} finally {
			remove_action( 'phpmailer_init', array( $this, 'configure' ), PHP_INT_MAX - 1 );
			remove_action( 'phpmailer_init', array( $this, 'use_smtp' ), PHP_INT_MAX );
			remove_action( 'wp_mail_failed', $catch );
			$this->restore_smtp();
			$this->pending = null;
			$this->smtp    = null;
		}
		return $ok ? true : ( '' !== $error ? $error : 'wp_mail failed' );
	}

	/**
	 * Sets threading headers and the text alternative on PHPMailer.
	 *
	 * @param \PHPMailer\PHPMailer\PHPMailer $phpmailer Mailer.
	 */
	public function configure( $phpmailer ): void {
		if ( null === $this->pending ) {
			return;
		}
		if ( '' !== $this->pending['message_id'] ) {
			$phpmailer->MessageID = $this->pending['message_id']; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		}
		if ( '' !== $this->pending['in_reply_to'] ) {
			$phpmailer->addCustomHeader( 'In-Reply-To', $this->pending['in_reply_to'] );
		}
		if ( '' !== $this->pending['references'] ) {
			$phpmailer->addCustomHeader( 'References', $this->pending['references'] );
		}
		if ( '' !== $this->pending['ticket_id'] ) {
			$phpmailer->addCustomHeader( 'X-Switchboard-Ticket', $this->pending['ticket_id'] );
		}
		if ( '' !== $this->pending['auto'] ) {
			$phpmailer->addCustomHeader( 'Auto-Submitted', $this->pending['auto'] );
			$phpmailer->addCustomHeader( 'X-Auto-Response-Suppress', 'All' );
		}
		$phpmailer->Sender  = $this->pending['sender']; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		$phpmailer->AltBody = $this->pending['text']; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
	}

	/**
	 * Points PHPMailer at the mailbox's own SMTP server for this send (remembering what it replaces).
	 *
	 * @param \PHPMailer\PHPMailer\PHPMailer $phpmailer Mailer.
	 */
	public function use_smtp( $phpmailer ): void {
		if ( null === $this->smtp || null === $this->pending ) {
			return;
		}
		$this->saved = array( 'object' => $phpmailer );
		foreach ( self::SMTP_PROPS as $prop ) {
			$this->saved[ $prop ] = $phpmailer->$prop;
		}
		self::apply_smtp( $phpmailer, $this->smtp );
	}

	/**
	 * Puts back the PHPMailer settings use_smtp() replaced (wp_mail() reuses one PHPMailer).
	 */
	private function restore_smtp(): void {
		if ( null === $this->saved ) {
			return;
		}
		$phpmailer = $this->saved['object'];
		foreach ( self::SMTP_PROPS as $prop ) {
			$phpmailer->$prop = $this->saved[ $prop ];
		}
		$this->saved = null;
	}

	/**
	 * Configures a PHPMailer for an SMTP server.
	 *
	 * @param \PHPMailer\PHPMailer\PHPMailer                                                   $phpmailer Mailer.
	 * @param array{host: string, port: int, security: string, user: string, password: string} $smtp      Server.
	 */
	private static function apply_smtp( $phpmailer, array $smtp ): void {
		// phpcs:disable WordPress.NamingConventions.ValidVariableName -- PHPMailer's property names.
		$phpmailer->isSMTP();
		$phpmailer->Host        = $smtp['host'];
		$phpmailer->Port        = $smtp['port'];
		$phpmailer->SMTPSecure  = 'ssl' === $smtp['security'] ? 'ssl' : ( 'starttls' === $smtp['security'] ? 'tls' : '' );
		$phpmailer->SMTPAutoTLS = 'starttls' === $smtp['security'];
		$phpmailer->SMTPAuth    = '' !== $smtp['user'];
		$phpmailer->Username    = $smtp['user'];
		$phpmailer->Password    = $smtp['password'];
		$phpmailer->Timeout     = 20;
		// phpcs:enable
	}

	/**
	 * A mailbox's own SMTP server, or null when it sends through the site's mail setup.
	 *
	 * @param array<string, mixed> $mailbox Decoded mailbox row.
	 * @return array{host: string, port: int, security: string, user: string, password: string}|null
	 */
	public static function smtp_settings( array $mailbox ): ?array {
		$settings = (array) ( $mailbox['settings'] ?? array() );
		$host     = trim( (string) ( $settings['smtp_host'] ?? '' ) );
		if ( '' === $host ) {
			return null;
		}
		$security = (string) ( $settings['smtp_security'] ?? '' );
		$security = in_array( $security, array( 'ssl', 'starttls', 'none' ), true ) ? $security : 'starttls';
		$port     = (int) ( $settings['smtp_port'] ?? 0 );
		$defaults = array(
			'ssl'      => 465,
			'starttls' => 587,
			'none'     => 25,
		);
		return array(
			'host'     => $host,
			'port'     => $port > 0 ? $port : $defaults[ $security ],
			'security' => $security,
			'user'     => (string) ( $settings['smtp_user'] ?? '' ),
			'password' => ( new Mailboxes() )->setting_secret( $mailbox, 'smtp_password' ),
		);
	}

	/**
	 * Connects (and authenticates) to an SMTP server without sending anything.
	 *
	 * @param array{host: string, port: int, security: string, user: string, password: string} $smtp Server.
	 * @return true|string True, or the server's error.
	 */
	public static function test_smtp( array $smtp ) {
		if ( ! class_exists( \PHPMailer\PHPMailer\PHPMailer::class ) ) {
			require_once ABSPATH . WPINC . '/PHPMailer/PHPMailer.php';
			require_once ABSPATH . WPINC . '/PHPMailer/SMTP.php';
			require_once ABSPATH . WPINC . '/PHPMailer/Exception.php';
		}
		$phpmailer = new \PHPMailer\PHPMailer\PHPMailer( true );
		self::apply_smtp( $phpmailer, $smtp );
		$phpmailer->Timeout = 10; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		try {
			$phpmailer->smtpConnect();
			$phpmailer->smtpClose();
			return true;
		} catch ( \PHPMailer\PHPMailer\Exception $e ) {
			$phpmailer->smtpClose();
			return wp_strip_all_tags( $e->getMessage() );
		}
	}

	/**
	 * The mailbox a ticket's replies leave from.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return array<string, mixed>|null
	 */
	public function mailbox_for( array $ticket ): ?array {
		$mailboxes = new Mailboxes();
		$id        = (int) ( new TicketService() )->get_meta( (int) $ticket['id'], 'email_mailbox_id' );
		$mailbox   = $id > 0 ? $mailboxes->get( $id ) : null;
		return $mailbox ?? ( $mailboxes->all( true )[0] ?? null );
	}
}
