<?php
/**
 * What threading needs to know about tickets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Threading;

/**
 * Ticket lookups for the Threader (the ticket core in production, an array in unit tests).
 */
interface TicketDirectory {

	/**
	 * The ticket's secret ('' or null when the ticket does not exist).
	 *
	 * @param int $ticket_id Ticket id.
	 */
	public function secret( int $ticket_id ): ?string;

	/**
	 * The ticket that holds a message with this Message-ID (in `<id>` form), or null.
	 *
	 * @param string $message_id Message-ID token.
	 */
	public function ticket_for_message_id( string $message_id ): ?int;

	/**
	 * Lower-case addresses that take part in a ticket by email: its customer's addresses and
	 * everyone recorded as To/Cc on it.
	 *
	 * @param int $ticket_id Ticket id.
	 * @return string[]
	 */
	public function participants( int $ticket_id ): array;
}
