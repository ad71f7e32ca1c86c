<?php
/**
 * The linked WooCommerce order's notes and status changes in the agent timeline.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use Switchboard\Plugin;

/**
 * Adds `{ kind: 'order_note', at, note }` items to the agent timeline of a ticket with an order
 * (WooCommerce writes a note for every status change, so those show up too). Agents only: the
 * filter runs for the agent timeline, never for customers.
 */
final class OrdersTimeline {

	/**
	 * Most notes added to one timeline.
	 */
	private const LIMIT = 50;

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_ticket_timeline', array( $this, 'add_order_notes' ), 10, 2 );
	}

	/**
	 * Adds the linked order's notes.
	 *
	 * @param array<int, array<string, mixed>> $items  Timeline items.
	 * @param array<string, mixed>             $ticket Ticket row.
	 * @return array<int, array<string, mixed>>
	 */
	public function add_order_notes( $items, $ticket ): array {
		$items    = (array) $items;
		$order_id = (int) ( $ticket['order_id'] ?? 0 );
		if ( $order_id <= 0 || ! Plugin::woocommerce_active() || ! function_exists( 'wc_get_order_notes' ) ) {
			return $items;
		}
		$order = ( new Orders() )->find( $order_id );
		if ( ! $order ) {
			return $items;
		}
		foreach ( wc_get_order_notes(
			array(
				'order_id' => $order_id,
				'limit'    => self::LIMIT,
			)
		) as $note ) {
			$created = $note->date_created instanceof \WC_DateTime ? gmdate( 'Y-m-d\TH:i:s\Z', $note->date_created->getTimestamp() ) : null;
			if ( null === $created ) {
				continue;
			}
			$items[] = array(
				'kind' => 'order_note',
				'at'   => $created,
				'note' => array(
					'id'               => (int) $note->id,
					'order_id'         => $order_id,
					'order_number'     => (string) $order->get_order_number(),
					'content'          => wp_kses_post( (string) $note->content ),
					'author'           => (string) $note->added_by,
					'is_customer_note' => (bool) $note->customer_note,
					'created_at'       => $created,
				),
			);
		}
		return $items;
	}
}
