<?php
/**
 * The ticket timeline's events: every agent, customer, system and automation action.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;

/**
 * Append-only event log per ticket.
 */
final class Events {

	/**
	 * Records an event.
	 *
	 * @param int                                 $ticket_id Ticket.
	 * @param string                              $type      e.g. status_changed, assigned, priority_changed, tags_changed,
	 *                                                       merged, split, order_linked, created, customer_merged.
	 * @param array<string, mixed>                $data      Event data (from/to …).
	 * @param array{type?: string, id?: int}|null $actor Who did it; defaults to the current user as agent, or system.
	 */
	public function record( int $ticket_id, string $type, array $data = array(), ?array $actor = null ): int {
		global $wpdb;
		$actor = $actor ?? self::current_actor();
		$wpdb->insert(
			Schema::table( 'events' ),
			array(
				'ticket_id'  => $ticket_id,
				'actor_type' => (string) ( $actor['type'] ?? 'system' ),
				'actor_id'   => (int) ( $actor['id'] ?? 0 ),
				'type'       => $type,
				'data'       => wp_json_encode( $data ),
				'created_at' => Time::now(),
			)
		);
		$id = (int) $wpdb->insert_id;

		/**
		 * Fires after an event was added to a ticket's timeline.
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $id        Event id.
		 * @param int                  $ticket_id Ticket id.
		 * @param string               $type      Event type.
		 * @param array<string, mixed> $data      Event data.
		 */
		do_action( 'switchboard_event_recorded', $id, $ticket_id, $type, $data );
		return $id;
	}

	/**
	 * Events of a ticket, oldest first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function for_ticket( int $ticket_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'events' ) . ' WHERE ticket_id = %d ORDER BY id', $ticket_id ),
			ARRAY_A
		);
		return (array) $rows;
	}

	/**
	 * The current user as an actor.
	 *
	 * @return array{type: string, id: int}
	 */
	public static function current_actor(): array {
		$user_id = get_current_user_id();
		if ( 0 === $user_id ) {
			return array(
				'type' => 'system',
				'id'   => 0,
			);
		}
		return array(
			'type' => current_user_can( \Switchboard\Auth\Capabilities::AGENT ) ? 'agent' : 'customer',
			'id'   => $user_id,
		);
	}
}
