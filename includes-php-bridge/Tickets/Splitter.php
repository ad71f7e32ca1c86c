<?php
/**
 * Splitting a message off into its own ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use WP_Error;

/**
 * Moves one message (and its attachments) into a new ticket of the same customer; both tickets'
 * counters are recomputed and both timelines say what happened.
 */
final class Splitter {

	/**
	 * Ticket rows.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

	/**
	 * Ticket creation.
	 *
	 * @var TicketCreator
	 */
	private TicketCreator $creator;

	/**
	 * Counters.
	 *
	 * @var Counters
	 */
	private Counters $counters;

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * Constructor.
	 *
	 * @param TicketRepository|null $tickets  Ticket rows.
	 * @param TicketCreator|null    $creator  Ticket creation.
	 * @param Counters|null         $counters Counters.
	 * @param Events|null           $events   Event log.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?TicketCreator $creator = null, ?Counters $counters = null, ?Events $events = null ) {
		$this->tickets  = $tickets ?? new TicketRepository();
		$this->events   = $events ?? new Events();
		$this->creator  = $creator ?? new TicketCreator( $this->tickets, null, $this->events );
		$this->counters = $counters ?? new Counters( $this->tickets );
	}

	/**
	 * Moves one message into a new ticket of the same customer.
	 *
	 * @return int|WP_Error New ticket id.
	 */
	public function split( int $ticket_id, int $message_id ) {
		global $wpdb;
		$ticket  = $this->tickets->get( $ticket_id );
		$message = ( new Messages() )->get( $message_id );
		if ( ! $ticket || ! $message || (int) $message['ticket_id'] !== $ticket_id ) {
			return new WP_Error( 'switchboard_message_not_found', __( 'That message is not part of this ticket.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$count = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $ticket_id ) );
		if ( $count < 2 ) {
			return new WP_Error( 'switchboard_split_last', __( 'A ticket’s only message cannot be split off.', 'switchboard' ), array( 'status' => 400 ) );
		}

		$new_id = $this->creator->create(
			array(
				'subject'     => Html::preview( (string) $message['body_text'], 80 ),
				'channel'     => (string) $message['channel'],
				'customer_id' => (int) $ticket['customer_id'],
				'priority'    => Status::priority_name( (int) $ticket['priority'] ),
				'status'      => Status::OPEN,
			)
		);
		if ( is_wp_error( $new_id ) ) {
			return $new_id;
		}
		$wpdb->update( Schema::table( 'messages' ), array( 'ticket_id' => $new_id ), array( 'id' => $message_id ) );
		$wpdb->update( Schema::table( 'attachments' ), array( 'ticket_id' => $new_id ), array( 'message_id' => $message_id ) );
		$this->counters->refresh( $ticket_id );
		$this->counters->refresh( $new_id );

		$this->events->record(
			$ticket_id,
			'split',
			array(
				'message_id'    => $message_id,
				'new_ticket_id' => $new_id,
			)
		);
		$this->events->record(
			$new_id,
			'split_from',
			array(
				'message_id' => $message_id,
				'ticket_id'  => $ticket_id,
			)
		);
		return $new_id;
	}
}
