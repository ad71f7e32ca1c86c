<?php
/**
 * Changing ticket fields.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use WP_Error;

/**
 * Validates field changes, writes the changed columns in one UPDATE and has ChangeRecorder put
 * them on the timeline; tags and custom fields follow.
 */
final class TicketUpdater {

	/**
	 * Ticket rows.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

	/**
	 * Change recorder.
	 *
	 * @var ChangeRecorder
	 */
	private ChangeRecorder $changes;

	/**
	 * Search document.
	 *
	 * @var SearchDocument
	 */
	private SearchDocument $search;

	/**
	 * Constructor.
	 *
	 * @param TicketRepository|null $tickets Ticket rows.
	 * @param ChangeRecorder|null   $changes Change recorder.
	 * @param SearchDocument|null   $search  Search document.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?ChangeRecorder $changes = null, ?SearchDocument $search = null ) {
		$this->tickets = $tickets ?? new TicketRepository();
		$this->changes = $changes ?? new ChangeRecorder();
		$this->search  = $search ?? new SearchDocument();
	}

	/**
	 * Changes ticket fields, recording an event for each change.
	 *
	 * @param array<string, mixed>      $changes status, priority, assignee_id, team_id, order_id, subject, tags (string[]), custom_fields.
	 * @param array<string, mixed>|null $actor Who changes it (defaults to the current user).
	 * @param bool                      $may_create_tags Whether unknown tag names create tags (managers and the system; agents only apply existing tags).
	 * @return array<string, mixed>|WP_Error The updated row.
	 */
	public function update( int $ticket_id, array $changes, ?array $actor = null, bool $may_create_tags = true ) {
		$ticket = $this->tickets->get( $ticket_id );
		if ( ! $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}

		$now = Time::now();
		$set = $this->changed_columns( $ticket, $changes, $now );
		if ( is_wp_error( $set ) ) {
			return $set;
		}

		if ( isset( $changes['tags'] ) && is_array( $changes['tags'] ) ) {
			$refused = ( new Tags() )->refuse_unknown( $changes['tags'], $may_create_tags );
			if ( $refused ) {
				return $refused;
			}
		}

		if ( $set ) {
			$set['updated_at'] = $now;
			$this->tickets->update_fields( $ticket_id, $set );
			$this->changes->record( $ticket, $set, $actor );
			if ( isset( $set['subject'] ) ) {
				$this->search->rebuild( $ticket_id );
			}
		}

		if ( isset( $changes['tags'] ) && is_array( $changes['tags'] ) ) {
			$tags = new Tags();
			$old  = array_column( $tags->for_tickets( array( $ticket_id ) )[ $ticket_id ] ?? array(), 'slug' );
			$new  = $tags->set_for_ticket( $ticket_id, $changes['tags'], false, $may_create_tags );
			if ( is_wp_error( $new ) ) {
				return $new;
			}
			$this->changes->record_tags( $ticket_id, $old, $new, $actor );
		}
		if ( isset( $changes['custom_fields'] ) && is_array( $changes['custom_fields'] ) ) {
			foreach ( $changes['custom_fields'] as $key => $value ) {
				$this->tickets->update_meta( $ticket_id, 'cf_' . sanitize_key( (string) $key ), is_scalar( $value ) ? (string) $value : '' );
			}
		}

		return (array) $this->tickets->get( $ticket_id );
	}

	/**
	 * The columns that change (without updated_at), or why a change is refused.
	 *
	 * @param array<string, mixed> $ticket  Row before.
	 * @param array<string, mixed> $changes Requested changes.
	 * @param string               $now     Time of the change (resolved_at).
	 * @return array<string, mixed>|WP_Error
	 */
	private function changed_columns( array $ticket, array $changes, string $now ) {
		$set = array();
		if ( isset( $changes['status'] ) && $changes['status'] !== $ticket['status'] ) {
			$status = (string) $changes['status'];
			if ( ! in_array( $status, Status::ALL, true ) ) {
				return InvalidField::error( 'switchboard_invalid_status', __( 'Unknown status.', 'switchboard' ), 'status' );
			}
			$set['status']  = $status;
			$set['is_open'] = Status::is_open( $status ) ? 1 : 0;
			if ( in_array( $status, array( Status::SOLVED, Status::CLOSED ), true ) && null === $ticket['resolved_at'] ) {
				$set['resolved_at'] = $now;
			}
			if ( Status::is_open( $status ) && ! Status::is_open( (string) $ticket['status'] ) ) {
				$set['resolved_at']  = null;
				$set['reopen_count'] = (int) $ticket['reopen_count'] + 1;
			}
		}
		if ( isset( $changes['priority'] ) ) {
			if ( ! array_key_exists( (string) $changes['priority'], Status::PRIORITIES ) ) {
				return InvalidField::error( 'switchboard_invalid_priority', __( 'Unknown priority.', 'switchboard' ), 'priority' );
			}
			$value = Status::priority_value( (string) $changes['priority'] );
			if ( $value !== (int) $ticket['priority'] ) {
				$set['priority'] = $value;
			}
		}
		if ( isset( $changes['assignee_id'] ) && (int) $changes['assignee_id'] !== (int) $ticket['assignee_id'] ) {
			$assignee = (int) $changes['assignee_id'];
			if ( $assignee > 0 && ! user_can( $assignee, \Switchboard\Auth\Capabilities::AGENT ) ) {
				return InvalidField::error( 'switchboard_invalid_assignee', __( 'Tickets can only be assigned to support agents.', 'switchboard' ), 'assignee_id' );
			}
			$set['assignee_id'] = $assignee;
		}
		if ( isset( $changes['team_id'] ) && (int) $changes['team_id'] !== (int) $ticket['team_id'] ) {
			$team = (int) $changes['team_id'];
			if ( $team < 0 || ( $team > 0 && ! ( new Teams() )->exists( $team ) ) ) {
				return Teams::invalid_reference();
			}
			$set['team_id'] = $team;
		}
		if ( isset( $changes['order_id'] ) && (int) $changes['order_id'] !== (int) $ticket['order_id'] ) {
			$set['order_id'] = (int) $changes['order_id'];
		}
		if ( isset( $changes['subject'] ) ) {
			$subject = trim( sanitize_text_field( (string) $changes['subject'] ) );
			if ( '' === $subject ) {
				return InvalidField::error( 'switchboard_invalid_subject', __( 'The ticket needs a subject.', 'switchboard' ), 'subject' );
			}
			if ( $subject !== $ticket['subject'] ) {
				$set['subject'] = mb_substr( $subject, 0, 255 );
			}
		}
		return $set;
	}
}
