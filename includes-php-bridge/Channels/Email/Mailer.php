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
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Sends through wp_mail() (so SMTP plugins and the phpmailer_init hook apply): multipart/alternative
 * HTML (styled like WooCommerce's emails when WooCommerce is active) plus text, From the mailbox,
 * Reply-To the signed reply address, a signed Message-ID, In-Reply-To/References of the thread.
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
	 * Delivers a public agent/bot reply of an email ticket. Hooked on switchboard_deliver_message.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( array $message, array $ticket ): void {
		if ( 'email' !== (string) ( $message['channel'] ?? '' ) && 'email' !== (string) ( $ticket['channel'] ?? '' ) ) {
			return;
		}
		if ( 'email' !== (string) ( $message['channel'] ?? 'email' ) ) {
			return; // The core chose another channel for this reply.
		}
		( new Messages() )->set_delivery_status( (int) $message['id'], 'queued' );
		$this->send_reply( (int) $message['id'] );
	}

	/**
	 * Sends (or re-sends) a reply; records sent/failed and schedules a retry with backoff.
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
		$refs   = array();
		foreach ( $thread as $row ) {
			$id = (string) ( $row['meta']['email']['message_id'] ?? '' );
			if ( '' !== $id && (int) $row['id'] !== $message_id ) {
				$refs[] = $id;
			}
		}
		$refs = array_slice( array_values( array_unique( $refs ) ), -20 );

		$subject = (string) $ticket['subject'];
		if ( ! preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ) {
			$subject = 'Re: ' . $subject;
		}
		$subject .= ' ' . $signer->subject_tag( (int) $ticket['id'], $secret );

		$message_header = $signer->message_id( (int) $ticket['id'], $message_id, $secret, $host );
		$signature      = (string) ( $mailbox['settings']['signature'] ?? '' );
		$html_body      = (string) $message['body_html'];
		$text_body      = (string) $message['body_text'];
		if ( '' !== $signature ) {
			$html_body .= '<p>' . nl2br( esc_html( $signature ) ) . '</p>';
			$text_body .= "\n\n-- \n" . $signature;
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
			Scheduler::later( 'switchboard_email_retry_delivery', array( $message_id ), (int) ( 60 * ( 4 ** ( $attempts - 1 ) ) ) );
		}
		return false;
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
		add_action( 'phpmailer_init', array( $this, 'configure' ), 5 );
		add_action( 'wp_mail_failed', $catch );
		$ok = wp_mail( (string) $mail['to'], (string) $mail['subject'], (string) $mail['html'], $headers, array_values( (array) ( $mail['attachments'] ?? array() ) ) );
		remove_action( 'phpmailer_init', array( $this, 'configure' ), 5 );
		remove_action( 'wp_mail_failed', $catch );
		$this->pending = null;
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
