<?php
/**
 * "We received your message" for a new email ticket (RFC 3834).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\TicketService;

/**
 * Sent for a new email ticket when its mailbox enables it: never to automatic, list or bulk mail
 * (the importer checks Classifier::may_auto_respond()), at most one per sender per hour, with
 * Auto-Submitted: auto-replied, in reply to the customer's mail, with the signed link to the
 * ticket (the same as every other mail to customers; it opens the ticket on the support page
 * without a login). Not retried.
 */
final class AcknowledgementMail extends Email {

	public const ID = 'acknowledgement';

	/**
	 * The subject and text: the mailbox's own or the default.
	 *
	 * @var array{to: string, subject: string, body: string, link: string, in_reply_to: string}
	 */
	private array $mail;

	/**
	 * The mailbox.
	 *
	 * @var array<string, mixed>
	 */
	private array $box;

	/**
	 * An acknowledgement.
	 *
	 * @param array<string, mixed> $ticket      Ticket row.
	 * @param string               $to          Sender address.
	 * @param array<string, mixed> $mailbox     Mailbox row.
	 * @param string               $in_reply_to The inbound mail's Message-ID.
	 */
	public function __construct( array $ticket, string $to, array $mailbox, string $in_reply_to ) {
		$this->ticket = $ticket;
		$this->box    = $mailbox;
		$settings     = (array) ( $mailbox['settings'] ?? array() );
		$this->mail   = array(
			'to'          => $to,
			'subject'     => '' !== (string) ( $settings['ack_subject'] ?? '' )
				? (string) $settings['ack_subject']
				/* translators: %s: ticket subject */
				: sprintf( __( 'We received your message: %s', 'switchboard' ), (string) $ticket['subject'] ),
			'body'        => '' !== (string) ( $settings['ack_body'] ?? '' )
				? (string) $settings['ack_body']
				: __( 'Thanks for writing to us. We will reply as soon as we can; you can simply answer this email to add more details.', 'switchboard' ),
			'link'        => Links::signed( $ticket ),
			'in_reply_to' => $in_reply_to,
		);
	}

	/**
	 * Sends an acknowledgement if the mailbox enables it and the sender had none this hour.
	 *
	 * @param int                       $ticket_id Ticket.
	 * @param string                    $to        Sender address.
	 * @param array<string, mixed>|null $mailbox   Mailbox row.
	 * @param Message                   $message   The inbound mail.
	 */
	public static function maybe_send( int $ticket_id, string $to, ?array $mailbox, Message $message ): bool {
		if ( null === $mailbox || empty( $mailbox['settings']['acknowledge'] ) ) {
			return false;
		}
		$key = 'switchboard_ack_' . md5( strtolower( $to ) );
		if ( false !== get_transient( $key ) ) {
			return false;
		}
		set_transient( $key, 1, HOUR_IN_SECONDS );
		$ticket = ( new TicketService() )->get( $ticket_id );
		return null !== $ticket && ( new self( $ticket, $to, $mailbox, (string) $message->message_id_token() ) )->send();
	}

	/**
	 * The sender.
	 */
	public function recipient(): string {
		return $this->mail['to'];
	}

	/**
	 * The subject.
	 */
	public function subject(): string {
		return $this->mail['subject'];
	}

	/**
	 * The text and the link.
	 */
	public function text(): string {
		return $this->mail['body'] . "\n\n" . $this->mail['link'];
	}

	/**
	 * The text and a "View your request" link.
	 */
	public function html(): string {
		return '<p>' . nl2br( esc_html( $this->mail['body'] ) ) . '</p><p><a href="' . esc_url( $this->mail['link'] ) . '">' . esc_html__( 'View your request', 'switchboard' ) . '</a></p>';
	}

	/**
	 * An automatic answer.
	 */
	public function auto(): string {
		return 'auto-replied';
	}

	/**
	 * The mailbox the mail came to.
	 *
	 * @return array<string, mixed>
	 */
	public function mailbox(): array {
		return $this->box;
	}

	/**
	 * Message number 0: the acknowledgement.
	 */
	public function number(): int {
		return 0;
	}

	/**
	 * In reply to the customer's mail.
	 *
	 * @return array{in_reply_to: string, references: string}
	 */
	public function threading(): array {
		return array(
			'in_reply_to' => $this->mail['in_reply_to'],
			'references'  => $this->mail['in_reply_to'],
		);
	}
}
