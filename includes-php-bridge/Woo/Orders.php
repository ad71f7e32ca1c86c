<?php
/**
 * A customer's WooCommerce orders as the agent workspace shows them.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use WC_Order;

/**
 * Reads orders through wc_get_orders()/wc_get_order() only, so it works with HPOS and the posts
 * store alike. Call only while WooCommerce is active (Plugin::woocommerce_active()).
 */
final class Orders {

	/**
	 * Meta keys where common shipment-tracking plugins keep the tracking number.
	 *
	 * - `_wc_shipment_tracking_items`: WooCommerce Shipment Tracking and Advanced Shipment Tracking
	 *   (a list of arrays with `tracking_number`).
	 * - `_aftership_tracking_number`: AfterShip.
	 * - `ywot_tracking_code`: YITH WooCommerce Order & Shipment Tracking.
	 * - `_wcst_order_trackno`: WooCommerce Shipping Tracking.
	 * - `_tracking_number`: many small plugins and custom code.
	 */
	private const TRACKING_META_KEYS = array(
		'_wc_shipment_tracking_items',
		'_aftership_tracking_number',
		'ywot_tracking_code',
		'_wcst_order_trackno',
		'_tracking_number',
	);

	/**
	 * Most orders scanned to compute the lifetime value of a guest customer.
	 */
	private const LIFETIME_SCAN_LIMIT = 500;

	/**
	 * The `customer` argument of wc_get_orders() for a Switchboard customer row: her WP user id
	 * and her email (guest orders carry only the billing email).
	 *
	 * @param array<string, mixed> $customer Customer row (user_id, email).
	 * @return array<int, int|string>
	 */
	private static function customer_query( array $customer ): array {
		$query = array();
		if ( (int) ( $customer['user_id'] ?? 0 ) > 0 ) {
			$query[] = (int) $customer['user_id'];
		}
		$email = sanitize_email( (string) ( $customer['email'] ?? '' ) );
		if ( '' !== $email ) {
			$query[] = $email;
		}
		return $query;
	}

	/**
	 * Order statuses that count as orders (everything but drafts and trash).
	 *
	 * @return string[]
	 */
	private static function statuses(): array {
		return array_values( array_diff( array_keys( wc_get_order_statuses() ), array( 'wc-checkout-draft' ) ) );
	}

	/**
	 * Her latest orders, order count and lifetime value.
	 *
	 * @param array<string, mixed> $customer        Customer row.
	 * @param int                  $limit           How many recent orders.
	 * @param int                  $linked_order_id The ticket's order, returned as `linked_order` when it is not among them.
	 * @return array<string, mixed>
	 */
	public function for_customer( array $customer, int $limit = 10, int $linked_order_id = 0 ): array {
		$currency = get_woocommerce_currency();
		$query    = self::customer_query( $customer );
		$orders   = array();
		$count    = 0;
		$lifetime = 0.0;

		if ( $query ) {
			$result   = wc_get_orders(
				array(
					'customer' => $query,
					'type'     => 'shop_order',
					'status'   => self::statuses(),
					'limit'    => max( 1, min( 50, $limit ) ),
					'orderby'  => 'date',
					'order'    => 'DESC',
					'paginate' => true,
				)
			);
			$orders   = is_object( $result ) ? (array) $result->orders : array();
			$count    = is_object( $result ) ? (int) $result->total : 0;
			$lifetime = $this->lifetime_value( $query );
		}

		$summaries = array();
		foreach ( $orders as $order ) {
			if ( $order instanceof WC_Order ) {
				$summaries[] = $this->summary( $order );
			}
		}

		$linked = null;
		if ( $linked_order_id > 0 && ! in_array( $linked_order_id, array_column( $summaries, 'id' ), true ) ) {
			$order  = $this->find( $linked_order_id );
			$linked = $order ? $this->summary( $order ) : null;
		}

		return array(
			'orders'                   => $summaries,
			'order_count'              => $count,
			'lifetime_value'           => wc_format_decimal( $lifetime, wc_get_price_decimals() ),
			'lifetime_value_formatted' => self::plain_price( $lifetime, $currency ),
			'currency'                 => $currency,
			'linked_order'             => $linked,
		);
	}

	/**
	 * Paid total minus refunds over her paid orders (guest orders by email included, which
	 * wc_get_customer_total_spent() would miss), cached briefly.
	 *
	 * @param array<int, int|string> $query Customer query (user id and/or email).
	 */
	private function lifetime_value( array $query ): float {
		$cache_key = 'ltv_' . md5( (string) wp_json_encode( $query ) );
		$cached    = wp_cache_get( $cache_key, 'switchboard' );
		if ( false !== $cached ) {
			return (float) $cached;
		}

		$orders = wc_get_orders(
			array(
				'customer' => $query,
				'type'     => 'shop_order',
				'status'   => wc_get_is_paid_statuses(),
				'limit'    => self::LIFETIME_SCAN_LIMIT,
				'return'   => 'objects',
			)
		);
		$total  = 0.0;
		foreach ( (array) $orders as $order ) {
			if ( $order instanceof WC_Order ) {
				$total += (float) $order->get_total() - (float) $order->get_total_refunded();
			}
		}

		wp_cache_set( $cache_key, $total, 'switchboard', 5 * MINUTE_IN_SECONDS );
		return $total;
	}

	/**
	 * An order by id, refunds and other types excluded.
	 *
	 * @param int $order_id Order id.
	 */
	public function find( int $order_id ): ?WC_Order {
		if ( $order_id <= 0 ) {
			return null;
		}
		$order = wc_get_order( $order_id );
		return $order instanceof WC_Order && 'shop_order' === $order->get_type() ? $order : null;
	}

	/**
	 * What the panel shows of one order.
	 *
	 * @param WC_Order $order Order.
	 * @return array<string, mixed>
	 */
	public function summary( WC_Order $order ): array {
		$items = array();
		foreach ( $order->get_items() as $item ) {
			if ( ! $item instanceof \WC_Order_Item_Product ) {
				continue;
			}
			$items[] = array(
				'name'     => $item->get_name(),
				'quantity' => (int) $item->get_quantity(),
				'total'    => wc_format_decimal( $item->get_total(), wc_get_price_decimals() ),
			);
		}
		$created = $order->get_date_created();

		return array(
			'id'              => $order->get_id(),
			'number'          => (string) $order->get_order_number(),
			'date_created'    => $created ? gmdate( 'Y-m-d\TH:i:s\Z', $created->getTimestamp() ) : null,
			'status'          => $order->get_status(),
			'status_label'    => wc_get_order_status_name( $order->get_status() ),
			'total'           => wc_format_decimal( $order->get_total(), wc_get_price_decimals() ),
			'total_formatted' => self::plain_price( (float) $order->get_total(), $order->get_currency() ),
			'currency'        => $order->get_currency(),
			'items'           => $items,
			'item_count'      => (int) $order->get_item_count(),
			'edit_url'        => $order->get_edit_order_url(),
			'tracking'        => $this->tracking( $order ),
		);
	}

	/**
	 * The order's tracking number from the common shipment-tracking plugins, or ''.
	 *
	 * @param WC_Order $order Order.
	 */
	public function tracking( WC_Order $order ): string {
		$tracking = '';
		foreach ( self::TRACKING_META_KEYS as $key ) {
			$value = $order->get_meta( $key, true );
			if ( is_array( $value ) ) {
				$numbers = array();
				foreach ( $value as $entry ) {
					if ( is_array( $entry ) && ! empty( $entry['tracking_number'] ) ) {
						$numbers[] = (string) $entry['tracking_number'];
					}
				}
				$value = implode( ', ', $numbers );
			}
			if ( is_scalar( $value ) && '' !== trim( (string) $value ) ) {
				$tracking = trim( (string) $value );
				break;
			}
		}

		/**
		 * Filters the tracking number Switchboard shows and fills into `{order.tracking}`.
		 *
		 * @since 0.1.0
		 *
		 * @param string   $tracking Tracking number(s), comma-separated; '' when none.
		 * @param WC_Order $order    The order.
		 */
		return (string) apply_filters( 'switchboard_order_tracking', $tracking, $order );
	}

	/**
	 * Values for the `{order.*}` placeholders of canned responses (and a better first name from
	 * the billing address): the ticket's linked order, else her latest order.
	 *
	 * @param array<string, mixed> $customer Customer row.
	 * @param int                  $order_id The ticket's linked order (0 = none).
	 * @return array<string, string>
	 */
	public function placeholders( array $customer, int $order_id ): array {
		$order = $this->find( $order_id );
		if ( ! $order ) {
			$query = self::customer_query( $customer );
			if ( $query ) {
				$latest = wc_get_orders(
					array(
						'customer' => $query,
						'type'     => 'shop_order',
						'status'   => self::statuses(),
						'limit'    => 1,
						'orderby'  => 'date',
						'order'    => 'DESC',
					)
				);
				$order  = isset( $latest[0] ) && $latest[0] instanceof WC_Order ? $latest[0] : null;
			}
		}

		$values = array(
			'order.number'   => '',
			'order.status'   => '',
			'order.date'     => '',
			'order.total'    => '',
			'order.tracking' => '',
			'order.items'    => '',
		);
		if ( ! $order ) {
			return $values;
		}

		$created = $order->get_date_created();
		$names   = array();
		foreach ( $order->get_items() as $item ) {
			$names[] = $item->get_name();
		}
		$values = array(
			'order.number'   => (string) $order->get_order_number(),
			'order.status'   => wc_get_order_status_name( $order->get_status() ),
			'order.date'     => $created ? wc_format_datetime( $created ) : '',
			'order.total'    => self::plain_price( (float) $order->get_total(), $order->get_currency() ),
			'order.tracking' => $this->tracking( $order ),
			'order.items'    => implode( ', ', $names ),
		);
		if ( '' !== $order->get_billing_first_name() ) {
			$values['customer.billing_first_name'] = $order->get_billing_first_name();
		}
		return $values;
	}

	/**
	 * A price as plain text ("$12.50"), for JSON and for canned responses.
	 *
	 * @param float  $amount   Amount.
	 * @param string $currency Currency code.
	 */
	private static function plain_price( float $amount, string $currency ): string {
		return html_entity_decode( wp_strip_all_tags( wc_price( $amount, array( 'currency' => $currency ) ) ), ENT_QUOTES, 'UTF-8' );
	}
}
