<?php
/**
 * An agent's (or the bot's) public reply, by email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Email\Mailer;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * A public reply on an email, contact-form (`web`) or My Account (`account`) ticket: "Re:" the
 * ticket's subject; the reply (HTML and text), for web and account tickets the signed link to
 * read and answer the thread online, the mailbox's signature and, when the mailbox sends the
 * history along, the customer's last message quoted; the reply's attachments. Delivery status
 * and retries: ReplyDelivery.
 */
final class AgentReplyMail extends Email {

	public const ID = 'reply';

	/**
	 * Channels whose public replies go out as this email.
	 */
	public const CHANNELS = array( 'email', 'web', 'account' );

	/**
	 * Channels whose replies carry the signed link (they have no inbox of their own).
	 */
	public const LINKED = array( 'web', 'account' );

	/**
	 * The reply.
	 *
	 * @var array<string, mixed>
	 */
	private array $message;

	/**
	 * The customer's address.
	 *
	 * @var string
	 */
	private string $to;

	/**
	 * The ticket's mailbox (null: none).
	 *
	 * @var array<string, mixed>|null
	 */
	private ?array $box = null;

	/**
	 * A reply email.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function __construct( array $message, array $ticket ) {
		$this->message = $message;
		$this->ticket  = $ticket;
		$customer      = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$this->to      = (string) ( $customer['email'] ?? '' );
		if ( Transport::uses_email_channel() ) {
			$this->box = ( new Mailer() )->mailbox_for( $ticket );
		}
	}

	/**
	 * The customer's address.
	 */
	public function recipient(): string {
		return $this->to;
	}

	/**
	 * "Re: " and the ticket's subject.
	 */
	public function subject(): string {
		$subject = (string) $this->ticket['subject'];
		return preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ? $subject : 'Re: ' . $subject;
	}

	/**
	 * The reply's text, link, signature and quote.
	 */
	public function text(): string {
		$text = (string) $this->message['body_text'];
		if ( '' === trim( $text ) ) {
			$text = trim( wp_strip_all_tags( (string) $this->message['body_html'] ) );
		}
		return $text . $this->parts()['text'];
	}

	/**
	 * The reply's HTML, link, signature and quote.
	 */
	public function html(): string {
		return (string) $this->message['body_html'] . $this->parts()['html'];
	}

	/**
	 * A reply is a person's mail, the bot's is automatic.
	 */
	public function auto(): string {
		return 'bot' === (string) $this->message['author_type'] ? 'auto-generated' : '';
	}

	/**
	 * The ticket's mailbox.
	 *
	 * @return array<string, mixed>|null
	 */
	public function mailbox(): ?array {
		return $this->box;
	}

	/**
	 * The reply's message id.
	 */
	public function number(): int {
		return (int) $this->message['id'];
	}

	/**
	 * The reply's readable attachments.
	 *
	 * @return array<string, string>
	 */
	public function attachments(): array {
		$id    = (int) $this->message['id'];
		$store = new Attachments();
		$files = array();
		foreach ( $store->for_messages( array( $id ) )[ $id ] ?? array() as $attachment ) {
			$path = $store->path( $attachment );
			if ( is_readable( $path ) ) {
				$files[ (string) $attachment['filename'] ] = $path;
			}
		}
		return $files;
	}

	/**
	 * Remembers the reply's Message-ID (the thread's References and In-Reply-To use it).
	 *
	 * @param string $message_id The signed Message-ID.
	 * @param string $to         The address it went to.
	 */
	public function sent_as( string $message_id, string $to ): void {
		( new Messages() )->update_meta(
			(int) $this->message['id'],
			array(
				'email' => array(
					'message_id' => $message_id,
					'to'         => $to,
				),
			)
		);
	}

	/**
	 * Without the email channel: "[#id] New reply: subject", the reply's text, the signed link
	 * and the site's name (filter `switchboard_reply_mail`).
	 *
	 * @return array{to: string, subject: string, text: string, headers: string[]}
	 */
	public function plain(): array {
		$text = trim( (string) ( $this->message['body_text'] ?? '' ) );
		if ( '' === $text ) {
			$text = trim( wp_strip_all_tags( (string) ( $this->message['body_html'] ?? '' ) ) );
		}
		$link = $this->link();
		$mail = array(
			'to'      => $this->to,
			'subject' => sprintf(
				/* translators: 1: ticket number, 2: ticket subject */
				__( '[#%1$d] New reply: %2$s', 'switchboard' ),
				(int) $this->ticket['id'],
				(string) $this->ticket['subject']
			),
			'body'    => sprintf(
				/* translators: 1: the reply, 2: signed link to the request, 3: site name */
				__( "%1\$s\n\n—\nRead the whole conversation and reply here (no login needed):\n%2\$s\n\n%3\$s", 'switchboard' ),
				$text,
				$link,
				self::site_name()
			),
			'link'    => $link,
		);

		/**
		 * Filters the plain email (sent when the email channel is not loaded) that brings an
		 * agent's reply to the customer; return null to send none.
		 *
		 * @since 0.1.0
		 *
		 * @param array{to: string, subject: string, body: string, link: string}|null $mail    The email.
		 * @param array<string, mixed>                                                $message Message row.
		 * @param array<string, mixed>                                                $ticket  Ticket row.
		 */
		$mail = apply_filters( 'switchboard_reply_mail', $mail, $this->message, $this->ticket );
		return array(
			'to'      => is_array( $mail ) ? (string) ( $mail['to'] ?? '' ) : '',
			'subject' => is_array( $mail ) ? (string) ( $mail['subject'] ?? '' ) : '',
			'text'    => is_array( $mail ) ? (string) ( $mail['body'] ?? '' ) : '',
			'headers' => array(),
		);
	}

	/**
	 * Whether there is anyone to send it to.
	 */
	public function deliverable(): bool {
		return false !== is_email( Transport::uses_email_channel() ? $this->to : $this->plain()['to'] );
	}

	/**
	 * What follows the reply: the signed link (web and account tickets), the mailbox's signature,
	 * the quoted history.
	 *
	 * @return array{html: string, text: string}
	 */
	private function parts(): array {
		$html = '';
		$text = '';
		if ( in_array( (string) ( $this->message['channel'] ?? '' ), self::LINKED, true ) ) {
			$label = __( 'Read the whole conversation and reply here (no login needed):', 'switchboard' );
			$html .= '<p style="margin-top:24px;">' . esc_html( $label ) . '<br><a href="' . esc_url( $this->link() ) . '">' . esc_html( __( 'View your request', 'switchboard' ) ) . '</a></p>';
			$text .= "\n\n—\n" . $label . "\n" . $this->link();
		}
		$signature = (string) ( $this->box['settings']['signature'] ?? '' );
		if ( '' !== $signature ) {
			$html .= '<p>' . nl2br( esc_html( $signature ) ) . '</p>';
			$text .= "\n\n-- \n" . $signature;
		}
		if ( ! empty( $this->box['settings']['quote_history'] ) ) {
			$quoted = self::quote_previous( ( new Messages() )->for_ticket( (int) $this->ticket['id'], true ), (int) $this->message['id'] );
			$html  .= $quoted['html'];
			$text  .= $quoted['text'];
		}
		return array(
			'html' => $html,
			'text' => $text,
		);
	}

	/**
	 * The signed link to the ticket on the page it was sent from.
	 */
	private function link(): string {
		return Links::signed( $this->ticket, (string) ( ( new TicketService() )->get_meta( (int) $this->ticket['id'], 'page' ) ?? '' ) );
	}

	/**
	 * The customer's last message before this reply, quoted ("On …, … wrote:"); empty strings
	 * when there is none.
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
}
