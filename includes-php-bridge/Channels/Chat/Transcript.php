<?php
/**
 * Chat transcripts and replies by email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Frontend\Links;
use Switchboard\Mail\AddressConfirmationMail;
use Switchboard\Mail\ChatReplyMail;
use Switchboard\Mail\ChatTranscriptMail;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\TicketService;

/**
 * The chat's side of its mail (Mail\Mails): the whole transcript at the end of a chat, or a single
 * reply when the visitor has left (or left a message because nobody was online). With the email
 * channel an answer by email lands on the chat ticket.
 */
final class Transcript {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	/**
	 * Emails the public transcript of a chat ticket to its customer.
	 */
	public function send( int $ticket_id ): bool {
		$ticket = $this->tickets->get( $ticket_id );
		$to     = $ticket ? $this->email( $ticket ) : '';
		if ( null === $ticket || '' === $to ) {
			return false;
		}
		if ( SenderCheck::is_pending( $ticket_id ) ) {
			// A visitor typed this address and nobody proved it is hers: her mailbox gets the
			// fixed confirmation text with the signed link, never the chat's words.
			return AddressConfirmationMail::for_address( $ticket, $to, Links::signed( $ticket ) )->send();
		}
		return ChatTranscriptMail::for_ticket( $ticket, $to )->send();
	}

	/**
	 * Emails one agent reply to the customer (the visitor is no longer on the site).
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function send_reply( array $message, array $ticket ): bool {
		$to = $this->email( $ticket );
		return '' !== $to && ChatReplyMail::for_reply( $message, $ticket, $to )->send();
	}

	/**
	 * The customer's address, or "".
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	private function email( array $ticket ): string {
		$customer = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$email    = (string) ( $customer['email'] ?? '' );
		return is_email( $email ) ? $email : '';
	}
}
