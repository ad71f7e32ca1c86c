<?php
/**
 * The email channel's way out: wp_mail() with threading headers and the mailbox's SMTP server.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Mail\Notice;
use Switchboard\Tickets\TicketService;

/**
 * The transport Mail\Transport uses while the email channel is loaded. Sends one prepared
 * message through wp_mail() (so SMTP plugins and the phpmailer_init hook apply):
 * multipart/alternative HTML plus text, From the mailbox, Reply-To, Message-ID,
 * In-Reply-To/References and Auto-Submitted as given.
 * A mailbox with its own SMTP server (smtp_host set) sends through that server: PHPMailer is
 * pointed at it for that one send, last in phpmailer_init so site-wide SMTP plugins do not win,
 * and put back as it was afterwards.
 */
final class Mailer {

	/**
	 * Most delivery attempts before a mail stays "failed" (Mail\Notice, Mail\ReplyDelivery).
	 */
	public const MAX_ATTEMPTS = Notice::MAX_ATTEMPTS;

	/**
	 * Ticket meta holding automatic emails that failed and wait for a retry (Mail\Notice).
	 */
	public const NOTICES_META = Notice::META;

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
	private const SMTP_PROPS = array( 'Mailer', 'Host', 'Port', 'SMTPSecure', 'SMTPAutoTLS', 'SMTPAuth', 'Username', 'Password', 'Timeout' );

	/**
	 * Seconds before the next attempt after this many (1 min, 4 min, 16 min, 64 min).
	 *
	 * @param int $attempts Attempts so far.
	 */
	public static function backoff( int $attempts ): int {
		return Notice::backoff( $attempts );
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
