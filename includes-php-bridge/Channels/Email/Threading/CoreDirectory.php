<?php
/**
 * TicketDirectory backed by the ticket core.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Threading;

use Switchboard\Tickets\Customers;
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

	/**
	 * {@inheritDoc}
	 *
	 * @param int $ticket_id Ticket id.
	 * @return string[]
	 */
	public function participants( int $ticket_id ): array {
		$tickets = new TicketService();
		$ticket  = $tickets->get( $ticket_id );
		if ( null === $ticket ) {
			return array();
		}
		$customers = new Customers();
		$customer  = $customers->get( (int) $ticket['customer_id'] );
		$out       = array( (string) ( $customer['email'] ?? '' ) );
		foreach ( $customers->identities( (int) $ticket['customer_id'] ) as $identity ) {
			if ( 'email' === (string) $identity['channel'] ) {
				$out[] = (string) $identity['identifier'];
			}
		}
		$out = array_merge( $out, array_map( 'strval', (array) $tickets->get_meta( $ticket_id, 'email_cc' ) ) );
		return array_values( array_unique( array_filter( array_map( 'strtolower', array_map( 'trim', $out ) ) ) ) );
	}
}
