<?php
/**
 * The ticket timeline: messages, events and (with WooCommerce) the linked order's history.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * One ordered stream of everything that happened on a ticket.
 */
final class Timeline {

	/**
	 * Timeline items, oldest first.
	 *
	 * @param array<string, mixed> $ticket      Ticket row.
	 * @param bool                 $public_only Customers see public messages and no internal events.
	 * @return array<int, array<string, mixed>>
	 */
	public function for_ticket( array $ticket, bool $public_only = false ): array {
		$items    = array();
		$reader   = new Messages();
		$messages = $reader->format_many( $reader->for_ticket( (int) $ticket['id'], $public_only ) );
		foreach ( $messages as $message ) {
			$items[] = array(
				'kind'    => 'message',
				'at'      => $message['created_at'],
				'message' => $message,
			);
		}

		if ( ! $public_only ) {
			$rows  = ( new Events() )->for_ticket( (int) $ticket['id'] );
			$users = People::users( array_map( static fn ( array $r ): int => 'agent' === $r['actor_type'] ? (int) $r['actor_id'] : 0, $rows ) );
			foreach ( $rows as $row ) {
				$data    = json_decode( (string) $row['data'], true );
				$user    = $users[ (int) $row['actor_id'] ] ?? null;
				$items[] = array(
					'kind'  => 'event',
					'at'    => Time::iso( (string) $row['created_at'] ),
					'event' => array(
						'id'         => (int) $row['id'],
						'type'       => (string) $row['type'],
						'actor'      => array(
							'type' => (string) $row['actor_type'],
							'id'   => (int) $row['actor_id'],
							'name' => $user ? $user['name'] : '',
						),
						'data'       => is_array( $data ) ? $data : array(),
						'created_at' => Time::iso( (string) $row['created_at'] ),
					),
				);
			}

			/**
			 * Filters the agent timeline, e.g. to add the linked WooCommerce order's notes and
			 * status changes as `{ kind: 'order_note', at, note }` items.
			 *
			 * @since 0.1.0
			 *
			 * @param array<int, array<string, mixed>> $items  Timeline items.
			 * @param array<string, mixed>             $ticket Ticket row.
			 */
			$items = (array) apply_filters( 'switchboard_ticket_timeline', $items, $ticket );
		}

		usort(
			$items,
			static function ( array $a, array $b ): int {
				$by_time = strcmp( (string) $a['at'], (string) $b['at'] );
				if ( 0 !== $by_time ) {
					return $by_time;
				}
				// Same second: creation first, then messages, then the events they caused.
				return self::rank( $a ) <=> self::rank( $b );
			}
		);
		return $items;
	}

	/**
	 * Order of items within the same second.
	 *
	 * @param array<string, mixed> $item Timeline item.
	 */
	private static function rank( array $item ): int {
		if ( 'event' === $item['kind'] && 'created' === $item['event']['type'] ) {
			return 0;
		}
		return 'message' === $item['kind'] ? 1 : 2;
	}
}
