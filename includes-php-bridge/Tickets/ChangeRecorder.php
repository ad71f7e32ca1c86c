<?php
/**
 * Ticket field changes → timeline events and hooks.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * Turns the columns an update changed into timeline events, and fires the status, assignee and
 * team hooks, in that order.
 */
final class ChangeRecorder {

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * Constructor.
	 *
	 * @param Events|null $events Event log.
	 */
	public function __construct( ?Events $events = null ) {
		$this->events = $events ?? new Events();
	}

	/**
	 * Events for changed fields, plus the status, assignee and team hooks.
	 *
	 * @param array<string, mixed>      $before Row before.
	 * @param array<string, mixed>      $set    Changed columns.
	 * @param array<string, mixed>|null $actor  Actor.
	 */
	public function record( array $before, array $set, ?array $actor ): void {
		$id = (int) $before['id'];
		if ( isset( $set['status'] ) ) {
			$this->from_to( $id, 'status_changed', $before['status'], $set['status'], $actor );

			/**
			 * Fires after a ticket's status changed.
			 *
			 * @since 0.1.0
			 *
			 * @param int    $ticket_id Ticket id.
			 * @param string $new       New status.
			 * @param string $old       Previous status.
			 */
			do_action( 'switchboard_ticket_status_changed', $id, (string) $set['status'], (string) $before['status'] );
		}
		if ( isset( $set['priority'] ) ) {
			$this->from_to( $id, 'priority_changed', Status::priority_name( (int) $before['priority'] ), Status::priority_name( (int) $set['priority'] ), $actor );
		}
		if ( isset( $set['assignee_id'] ) ) {
			$this->from_to( $id, 'assigned', (int) $before['assignee_id'], (int) $set['assignee_id'], $actor );

			/**
			 * Fires after a ticket was (re)assigned.
			 *
			 * @since 0.1.0
			 *
			 * @param int $ticket_id Ticket id.
			 * @param int $assignee  New assignee (0 = nobody).
			 * @param int $previous  Previous assignee.
			 */
			do_action( 'switchboard_ticket_assigned', $id, (int) $set['assignee_id'], (int) $before['assignee_id'] );
		}
		if ( isset( $set['team_id'] ) ) {
			// Names as they were, so the timeline still reads well after a team is renamed or deleted.
			$names = ( new Teams() )->names( array( (int) $before['team_id'], (int) $set['team_id'] ) );
			$this->events->record(
				$id,
				'team_changed',
				array(
					'from'      => (int) $before['team_id'],
					'to'        => (int) $set['team_id'],
					'from_name' => $names[ (int) $before['team_id'] ] ?? '',
					'to_name'   => $names[ (int) $set['team_id'] ] ?? '',
				),
				$actor
			);

			/**
			 * Fires after a ticket was moved to another team (or out of its team).
			 *
			 * @since 0.1.0
			 *
			 * @param int $ticket_id Ticket id.
			 * @param int $team_id   New team (0 = none).
			 * @param int $previous  Previous team.
			 */
			do_action( 'switchboard_ticket_team_changed', $id, (int) $set['team_id'], (int) $before['team_id'] );
		}
		if ( isset( $set['order_id'] ) ) {
			$this->from_to( $id, 'order_linked', (int) $before['order_id'], (int) $set['order_id'], $actor );
		}
		if ( isset( $set['subject'] ) ) {
			$this->from_to( $id, 'subject_changed', $before['subject'], $set['subject'], $actor );
		}
	}

	/**
	 * The tags_changed event, when the ticket's tag slugs differ.
	 *
	 * @param int                       $ticket_id Ticket id.
	 * @param string[]                  $old       Slugs before.
	 * @param string[]                  $new       Slugs after.
	 * @param array<string, mixed>|null $actor     Actor.
	 */
	public function record_tags( int $ticket_id, array $old, array $new, ?array $actor ): void {
		if ( array_values( array_diff( $old, $new ) ) || array_values( array_diff( $new, $old ) ) ) {
			$this->from_to( $ticket_id, 'tags_changed', $old, $new, $actor );
		}
	}

	/**
	 * A from → to event.
	 *
	 * @param int                       $ticket_id Ticket id.
	 * @param string                    $type      Event type.
	 * @param mixed                     $from      Value before.
	 * @param mixed                     $to        Value after.
	 * @param array<string, mixed>|null $actor     Actor.
	 */
	private function from_to( int $ticket_id, string $type, $from, $to, ?array $actor ): void {
		$this->events->record(
			$ticket_id,
			$type,
			array(
				'from' => $from,
				'to'   => $to,
			),
			$actor
		);
	}
}
