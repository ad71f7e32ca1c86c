<?php
/**
 * Revoking the signed links of a ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use WP_Error;

/**
 * Everything signed for a ticket covers its random secret (tickets.secret): the guest links of
 * Access::token() and, in e-mail, the plus-addressed reply address, our Message-IDs and the subject
 * tag (Channels\Email\Threading\Signer). A new secret therefore revokes all of them at once:
 * links mailed before stop opening the ticket, and a reply to mail sent before is no longer
 * threaded by its signatures — it starts a new ticket of the sender, as any unsigned mail does.
 * Mail sent afterwards carries the new signatures, so the conversation goes on from the next reply.
 */
final class SignedLinks {

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * The ticket core (null: one around the event log, built when needed).
	 *
	 * @var TicketService|null
	 */
	private ?TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param Events|null        $events  Event log.
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?Events $events = null, ?TicketService $tickets = null ) {
		$this->events  = $events ?? new Events();
		$this->tickets = $tickets;
	}

	/**
	 * Rotates the ticket's secret and records `links_revoked` on its timeline.
	 *
	 * @return array<string, mixed>|WP_Error Ticket row.
	 */
	public function revoke( int $ticket_id ) {
		global $wpdb;
		$tickets = $this->tickets ?? new TicketService( $this->events );
		if ( null === $tickets->get( $ticket_id ) ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$wpdb->update(
			Schema::table( 'tickets' ),
			array(
				'secret'     => wp_generate_password( 32, false, false ),
				'updated_at' => Time::now(),
			),
			array( 'id' => $ticket_id )
		);
		$this->events->record( $ticket_id, 'links_revoked', array() );

		/**
		 * Fires after the signed links of a ticket were revoked (its secret rotated).
		 *
		 * @since 0.2.0
		 *
		 * @param int $ticket_id Ticket.
		 */
		do_action( 'switchboard_ticket_links_revoked', $ticket_id );
		return (array) $tickets->get( $ticket_id );
	}
}
