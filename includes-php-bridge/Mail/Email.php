<?php
/**
 * One kind of mail Switchboard sends (base class).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

/**
 * What every mail kind in the registry (Mails) knows: who gets it, its subject, its HTML and text.
 * How it leaves — styled from the ticket's mailbox with signed threading headers, or as a plain
 * wp_mail() — is the Transport's business, never the kind's. After WooCommerce's WC_Email and
 * StockNotifications\Emails\CustomerStockNotificationEmail.
 */
abstract class Email {

	/**
	 * The registry key of the kind (Mails::KINDS).
	 */
	public const ID = '';

	/**
	 * The ticket the mail is about (empty: about none).
	 *
	 * @var array<string, mixed>
	 */
	protected array $ticket = array();

	/**
	 * The kind as the ticket's timeline and events name it (email_failed, email_sent).
	 */
	public function kind(): string {
		return static::ID;
	}

	/**
	 * The recipient's address ('' or an invalid one: nothing is sent).
	 */
	abstract public function recipient(): string;

	/**
	 * The subject, without the ticket's signed tag (the Transport adds it).
	 */
	abstract public function subject(): string;

	/**
	 * The plain-text body.
	 */
	abstract public function text(): string;

	/**
	 * The HTML body (inside the store's email frame): by default the text, escaped, its
	 * paragraphs kept and its URLs made links.
	 */
	public function html(): string {
		return self::paragraphs( $this->text() );
	}

	/**
	 * The ticket row (with its secret); null for a mail that belongs to no customer thread (the
	 * Transport then always sends it as a plain wp_mail()).
	 *
	 * @return array<string, mixed>|null
	 */
	public function ticket(): ?array {
		return array() === $this->ticket ? null : $this->ticket;
	}

	/**
	 * The Auto-Submitted header (RFC 3834): auto-generated, auto-replied, or '' for a person's mail.
	 */
	public function auto(): string {
		return 'auto-generated';
	}

	/**
	 * The mailbox it leaves from; null: the ticket's mailbox (Mailer::mailbox_for()).
	 *
	 * @return array<string, mixed>|null
	 */
	public function mailbox(): ?array {
		return null;
	}

	/**
	 * The number in the signed Message-ID: the ticket message the mail carries, else a unique
	 * number (a notice is no message of the ticket, but an answer quoting only that header must
	 * still find the ticket).
	 */
	public function number(): int {
		return (int) floor( microtime( true ) * 1000 ) * 10 + wp_rand( 0, 9 );
	}

	/**
	 * In-Reply-To and References; null: the ticket's thread (Transport::references()).
	 *
	 * @return array{in_reply_to: string, references: string}|null
	 */
	public function threading(): ?array {
		return null;
	}

	/**
	 * Files to attach (name => path).
	 *
	 * @return array<string, string>
	 */
	public function attachments(): array {
		return array();
	}

	/**
	 * Called by the Transport once the mail was handed to the email channel's Mailer (sent or
	 * not), with the Message-ID it carries.
	 *
	 * @param string $message_id The signed Message-ID.
	 * @param string $to         The address it went to.
	 */
	public function sent_as( string $message_id, string $to ): void {
		unset( $message_id, $to );
	}

	/**
	 * The mail as a plain wp_mail() (no email channel): subject with the ticket number, the text,
	 * extra headers.
	 *
	 * @return array{to: string, subject: string, text: string, headers: string[]}
	 */
	public function plain(): array {
		$ticket = $this->ticket();
		return array(
			'to'      => $this->recipient(),
			'subject' => null === $ticket ? $this->subject() : sprintf(
				/* translators: 1: ticket number, 2: email subject */
				__( '[#%1$d] %2$s', 'switchboard' ),
				(int) $ticket['id'],
				$this->subject()
			),
			'text'    => $this->text(),
			'headers' => array(),
		);
	}

	/**
	 * Sends it through the one Transport. True when it left.
	 */
	public function send(): bool {
		return is_email( $this->recipient() ) && true === ( new Transport() )->send( $this );
	}

	/**
	 * Escaped HTML paragraphs from text, URLs as links.
	 *
	 * @param string $text Plain text.
	 */
	public static function paragraphs( string $text ): string {
		$html = '';
		foreach ( preg_split( '/\R{2,}/', trim( $text ) ) ?: array() as $paragraph ) {
			$html .= '<p>' . make_clickable( nl2br( esc_html( $paragraph ) ) ) . "</p>\n";
		}
		return $html;
	}

	/**
	 * The site's name as plain text.
	 */
	protected static function site_name(): string {
		return wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES );
	}
}
