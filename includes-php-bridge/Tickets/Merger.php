<?php
/**
 * Merging one ticket into another.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use WP_Error;

/**
 * Two tickets of the same customer become one: messages and attachments move, tags join, the
 * source closes and points at the target so late replies to it land on the target.
 *
 * Tickets of two different customers are a different thing, because whatever sits on a ticket is
 * shown to its customer (My Account, the /me routes, the signed link, the reply mail). Only a
 * helpdesk manager may merge them, and only after confirming both customers by id. Such a merge
 * keeps every message on the ticket it was written on, so each customer goes on seeing exactly her
 * own conversation; the source closes without the merged_into pointer (a late reply from its
 * customer reopens her own ticket instead of landing on someone else's), tags join, and the agent
 * timeline of the target shows the source's messages beside its own (switchboard_ticket_timeline,
 * which the customer views never apply).
 */
final class Merger {

	/**
	 * Ticket meta on the target: ids of the other customers' tickets merged into it.
	 */
	public const LINKED_META = 'merged_other_customers';

	/**
	 * Ticket rows and meta.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

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
	 * @param TicketRepository|null $tickets  Ticket rows and meta.
	 * @param Counters|null         $counters Counters.
	 * @param Events|null           $events   Event log.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?Counters $counters = null, ?Events $events = null ) {
		$this->tickets  = $tickets ?? new TicketRepository();
		$this->counters = $counters ?? new Counters( $this->tickets );
		$this->events   = $events ?? new Events();
	}

	/**
	 * Hooks: the agent timeline of a target shows the messages of other customers' tickets merged into it.
	 */
	public function register(): void {
		add_filter( 'switchboard_ticket_timeline', array( $this, 'linked_messages' ), 5, 2 );
	}

	/**
	 * Merges $source_id into $target_id.
	 *
	 * @param bool  $may_merge_customers Whether the caller may merge two customers' tickets (switchboard_manage).
	 * @param int[] $confirm_customers   Both customer ids, sent back to confirm such a merge.
	 * @return array<string, mixed>|WP_Error Target row.
	 */
	public function merge( int $target_id, int $source_id, bool $may_merge_customers = false, array $confirm_customers = array() ) {
		$target = $this->tickets->get( $target_id );
		$source = $this->tickets->get( $source_id );
		if ( ! $target || ! $source ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( $target_id === $source_id || (int) $source['merged_into'] > 0 || (int) $target['merged_into'] > 0 ) {
			return new WP_Error( 'switchboard_merge_invalid', __( 'These tickets cannot be merged.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( (int) $source['customer_id'] === (int) $target['customer_id'] ) {
			return $this->merge_same_customer( $target, $source );
		}

		$refused = $this->refuse_other_customer( $target, $source, $may_merge_customers, $confirm_customers );
		return $refused ?? $this->merge_other_customer( $target, $source );
	}

	/**
	 * Why two customers' tickets may not be merged by this caller, or null when they may.
	 *
	 * @param array<string, mixed> $target Target row.
	 * @param array<string, mixed> $source Source row.
	 * @param int[]                $confirm_customers Ids the caller confirmed.
	 */
	private function refuse_other_customer( array $target, array $source, bool $may_merge_customers, array $confirm_customers ): ?WP_Error {
		$customers = new Customers();
		$people    = array();
		foreach ( array( $source, $target ) as $row ) {
			$customer = $customers->get( (int) $row['customer_id'] );
			$people[] = array(
				'id'        => (int) $row['customer_id'],
				'ticket_id' => (int) $row['id'],
				'name'      => self::label( $customer ),
			);
		}
		$data = array( 'customers' => $people );
		if ( ! $may_merge_customers ) {
			return new WP_Error(
				'switchboard_merge_other_customer',
				sprintf(
					/* translators: 1: source ticket number, 2: its customer, 3: target ticket number, 4: its customer. */
					__( 'Ticket #%1$d belongs to %2$s and ticket #%3$d to %4$s. Tickets of two different customers can only be merged by a helpdesk manager.', 'switchboard' ),
					$people[0]['ticket_id'],
					$people[0]['name'],
					$people[1]['ticket_id'],
					$people[1]['name']
				),
				$data + array( 'status' => 403 )
			);
		}
		$wanted    = array( $people[0]['id'], $people[1]['id'] );
		$confirmed = array_values( array_unique( array_map( 'intval', $confirm_customers ) ) );
		sort( $wanted );
		sort( $confirmed );
		if ( $wanted !== $confirmed ) {
			return new WP_Error(
				'switchboard_merge_confirm_customers',
				sprintf(
					/* translators: 1: source ticket number, 2: its customer, 3: target ticket number, 4: its customer. */
					__( 'Ticket #%1$d belongs to %2$s and ticket #%3$d to %4$s. Confirm that you want to merge tickets of two different customers (confirm_customers: both customer ids); each customer will still only see her own messages.', 'switchboard' ),
					$people[0]['ticket_id'],
					$people[0]['name'],
					$people[1]['ticket_id'],
					$people[1]['name']
				),
				$data + array(
					'status' => 400,
					'field'  => 'confirm_customers',
				)
			);
		}
		return null;
	}

	/**
	 * "Name <email>" of a customer row, or a placeholder.
	 *
	 * @param array<string, mixed>|null $customer Customer row.
	 */
	private static function label( ?array $customer ): string {
		if ( ! $customer ) {
			return __( 'an unknown customer', 'switchboard' );
		}
		$name  = (string) $customer['name'];
		$email = (string) $customer['email'];
		if ( '' !== $name && '' !== $email ) {
			return $name . ' <' . $email . '>';
		}
		return '' !== $name ? $name : ( '' !== $email ? $email : '#' . (int) $customer['id'] );
	}

	/**
	 * The same customer: one conversation from now on.
	 *
	 * @param array<string, mixed> $target Target row.
	 * @param array<string, mixed> $source Source row.
	 * @return array<string, mixed>
	 */
	private function merge_same_customer( array $target, array $source ): array {
		global $wpdb;
		$target_id = (int) $target['id'];
		$source_id = (int) $source['id'];
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'messages' ) . ' SET ticket_id = %d WHERE ticket_id = %d', $target_id, $source_id ) );
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'attachments' ) . ' SET ticket_id = %d WHERE ticket_id = %d', $target_id, $source_id ) );
		$this->join_tags( $target_id, $source_id );
		$this->close_source( $source_id, $target_id );
		if ( 0 === (int) $target['order_id'] && (int) $source['order_id'] > 0 ) {
			$this->tickets->update_fields( $target_id, array( 'order_id' => (int) $source['order_id'] ) );
		}
		$this->counters->refresh( $target_id );
		$this->record( $target, $source, array() );
		return (array) $this->tickets->get( $target_id );
	}

	/**
	 * Two customers: nothing one customer can see moves to the other's ticket.
	 *
	 * @param array<string, mixed> $target Target row.
	 * @param array<string, mixed> $source Source row.
	 * @return array<string, mixed>
	 */
	private function merge_other_customer( array $target, array $source ): array {
		$target_id = (int) $target['id'];
		$source_id = (int) $source['id'];
		$this->join_tags( $target_id, $source_id );
		$this->close_source( $source_id, 0 );
		$linked   = array_map( 'intval', (array) $this->tickets->get_meta( $target_id, self::LINKED_META ) );
		$linked[] = $source_id;
		$this->tickets->update_meta( $target_id, self::LINKED_META, array_values( array_unique( $linked ) ) );
		$this->record(
			$target,
			$source,
			array(
				'other_customer' => true,
				'customer_ids'   => array( (int) $source['customer_id'], (int) $target['customer_id'] ),
			)
		);
		return (array) $this->tickets->get( $target_id );
	}

	/**
	 * Puts the source's tags on the target too.
	 */
	private function join_tags( int $target_id, int $source_id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'INSERT IGNORE INTO ' . Schema::table( 'ticket_tags' ) . ' (ticket_id, tag_id) SELECT %d, tag_id FROM ' . Schema::table( 'ticket_tags' ) . ' WHERE ticket_id = %d', $target_id, $source_id ) );
	}

	/**
	 * Closes the source; $merged_into > 0 redirects its late replies (same customer only).
	 */
	private function close_source( int $source_id, int $merged_into ): void {
		$set = array(
			'status'      => Status::CLOSED,
			'is_open'     => 0,
			'resolved_at' => Time::now(),
			'updated_at'  => Time::now(),
		);
		if ( $merged_into > 0 ) {
			$set['merged_into']   = $merged_into;
			$set['message_count'] = 0;
		}
		$this->tickets->update_fields( $source_id, $set );
	}

	/**
	 * Events on both tickets and the action.
	 *
	 * @param array<string, mixed> $target Target row.
	 * @param array<string, mixed> $source Source row.
	 * @param array<string, mixed> $extra  More event data.
	 */
	private function record( array $target, array $source, array $extra ): void {
		$target_id = (int) $target['id'];
		$source_id = (int) $source['id'];
		$this->events->record(
			$target_id,
			'merged',
			array(
				'source_id'      => $source_id,
				'source_subject' => $source['subject'],
			) + $extra
		);
		$this->events->record( $source_id, 'merged_into', array( 'target_id' => $target_id ) + $extra );

		/**
		 * Fires after a ticket was merged into another.
		 *
		 * @since 0.1.0
		 *
		 * @param int $target_id Surviving ticket.
		 * @param int $source_id Merged ticket.
		 */
		do_action( 'switchboard_tickets_merged', $target_id, $source_id );
	}

	/**
	 * The agent timeline of a target also lists the messages of the other customers' tickets merged
	 * into it (each message keeps its ticket_id, so the agent sees where it was written).
	 *
	 * @param array<int, array<string, mixed>> $items  Timeline items.
	 * @param array<string, mixed>             $ticket Ticket row.
	 * @return array<int, array<string, mixed>>
	 */
	public function linked_messages( $items, $ticket ) {
		if ( ! is_array( $items ) || ! is_array( $ticket ) || ! isset( $ticket['id'] ) ) {
			return $items;
		}
		$linked = $this->tickets->get_meta( (int) $ticket['id'], self::LINKED_META );
		if ( ! is_array( $linked ) || ! $linked ) {
			return $items;
		}
		$reader = new Messages();
		foreach ( array_map( 'intval', $linked ) as $source_id ) {
			foreach ( $reader->format_many( $reader->for_ticket( $source_id ) ) as $message ) {
				$items[] = array(
					'kind'    => 'message',
					'at'      => $message['created_at'],
					'message' => $message,
				);
			}
		}
		return $items;
	}
}
