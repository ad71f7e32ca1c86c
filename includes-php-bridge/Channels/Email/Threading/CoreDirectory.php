<?php
/**
 * TicketDirectory backed by the ticket core.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Threading;

use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Ticket secrets and stored Message-IDs from the core tables.
 */
final class CoreDirectory implements TicketDirectory {

	/**
	 * {@inheritDoc}
	 *
	 * @param int $ticket_id Ticket id.
	 */
	public function secret( int $ticket_id ): ?string {
		$ticket = ( new TicketService() )->get( $ticket_id );
		return null === $ticket ? null : (string) $ticket['secret'];
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $message_id Message-ID token.
	 */
	public function ticket_for_message_id( string $message_id ): ?int {
		$row = ( new Messages() )->find_by_external_id( $message_id );
		return null === $row ? null : (int) $row['ticket_id'];
	}
}
