<?php
/**
 * The customer's own orders, for the account screens and the contact form.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

/**
 * Answers the self-service filters with WooCommerce data (HPOS-safe: wc_get_orders()/CRUD only):
 *
 * - `switchboard_customer_orders`: her orders (and their items) for the new-ticket form;
 * - `switchboard_order_item_name`: the name of one item of an order (so a ticket can say which
 *   item it is about), empty when the item is not in that order;
 * - `switchboard_user_owns_order`: whether an order is hers (customer ID, or billing e-mail equal
 *   to her account e-mail — orders placed as a guest before she registered);
 * - `switchboard_contact_order_id`: an order number typed in the contact form, only when the
 *   order's billing e-mail matches the e-mail typed;
 * - `switchboard_customer_order_summary`: how a linked order is shown to its customer.
 */
final class AccountOrders {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_customer_orders', array( $this, 'orders_for_user' ), 10, 2 );
		add_filter( 'switchboard_user_owns_order', array( $this, 'user_owns_order' ), 10, 3 );
		add_filter( 'switchboard_order_item_name', array( $this, 'order_item_name' ), 10, 3 );
		add_filter( 'switchboard_contact_order_id', array( $this, 'contact_order_id' ), 10, 3 );
		add_filter( 'switchboard_customer_order_summary', array( $this, 'order_summary' ), 10, 2 );
	}

	/**
	 * Her orders, newest first (at most 25), with a label naming the items, and the items.
	 *
	 * @param array<int, array<string, mixed>> $orders  Orders so far.
	 * @param int                              $user_id User.
	 * @return array<int, array<string, mixed>>
	 */
	public function orders_for_user( $orders, $user_id ): array {
		$user_id = (int) $user_id;
		if ( $user_id <= 0 ) {
			return (array) $orders;
		}
		$found = wc_get_orders(
			array(
				'customer_id' => $user_id,
				'limit'       => 25,
				'orderby'     => 'date',
				'order'       => 'DESC',
				'type'        => 'shop_order',
			)
		);
		$out   = array();
		foreach ( is_array( $found ) ? $found : array() as $order ) {
			if ( $order instanceof \WC_Order ) {
				$items = array();
				foreach ( $order->get_items() as $item_id => $item ) {
					$items[] = array(
						'id'   => (int) $item_id,
						'name' => $item->get_name() . ( $item->get_quantity() > 1 ? ' ×' . $item->get_quantity() : '' ),
					);
				}
				$out[] = array(
					'id'     => $order->get_id(),
					'number' => (string) $order->get_order_number(),
					'label'  => self::label( $order ),
					'items'  => $items,
				);
			}
		}
		return $out;
	}

	/**
	 * Whether the order is the user's.
	 *
	 * @param bool $owns     Answer so far.
	 * @param int  $order_id Order.
	 * @param int  $user_id  User.
	 */
	public function user_owns_order( $owns, $order_id, $user_id ): bool {
		if ( $owns ) {
			return true;
		}
		$user_id = (int) $user_id;
		$order   = wc_get_order( (int) $order_id );
		if ( $user_id <= 0 || ! $order instanceof \WC_Order ) {
			return false;
		}
		if ( (int) $order->get_customer_id() === $user_id ) {
			return true;
		}
		$user = get_userdata( $user_id );
		return 0 === (int) $order->get_customer_id() && $user && '' !== $order->get_billing_email() && 0 === strcasecmp( $order->get_billing_email(), $user->user_email );
	}

	/**
	 * The name of a line item of the order ('' when the item is not one of the order's lines).
	 *
	 * @param string $name     Answer so far.
	 * @param int    $order_id Order.
	 * @param int    $item_id  Order item.
	 */
	public function order_item_name( $name, $order_id, $item_id ): string {
		$order = wc_get_order( (int) $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return (string) $name;
		}
		$items = $order->get_items();
		$item  = $items[ (int) $item_id ] ?? null;
		return $item instanceof \WC_Order_Item ? (string) $item->get_name() : '';
	}

	/**
	 * The order ID for a number typed with an e-mail address, 0 unless the billing e-mail matches.
	 *
	 * @param int    $order_id Answer so far.
	 * @param string $number   Order number.
	 * @param string $email    E-mail address.
	 */
	public function contact_order_id( $order_id, $number, $email ): int {
		if ( (int) $order_id > 0 ) {
			return (int) $order_id;
		}
		$number = trim( (string) $number );
		if ( '' === $number || ! ctype_digit( $number ) ) {
			/**
			 * Filters the order ID for an order number that is not the ID (sequential-number plugins).
			 *
			 * @since 0.1.0
			 *
			 * @param int    $order_id Default 0.
			 * @param string $number   Order number.
			 */
			$candidate = (int) apply_filters( 'switchboard_order_id_from_number', 0, $number );
		} else {
			$candidate = (int) $number;
		}
		$order = $candidate > 0 ? wc_get_order( $candidate ) : false;
		if ( ! $order instanceof \WC_Order || 'shop_order' !== $order->get_type() ) {
			return 0;
		}
		if ( (string) $order->get_order_number() !== $number && (string) $order->get_id() !== $number ) {
			return 0;
		}
		$billing = (string) $order->get_billing_email();
		return '' !== $billing && 0 === strcasecmp( $billing, trim( (string) $email ) ) ? $order->get_id() : 0;
	}

	/**
	 * The linked order as its customer sees it: label, and a link when it is hers.
	 *
	 * @param array{label: string, url: string}|null $summary  Answer so far.
	 * @param int                                    $order_id Order.
	 * @return array{label: string, url: string}|null
	 */
	public function order_summary( $summary, $order_id ) {
		$order = wc_get_order( (int) $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return is_array( $summary ) ? $summary : null;
		}
		$mine = $this->user_owns_order( false, $order->get_id(), get_current_user_id() );
		return array(
			'label' => self::label( $order ),
			'url'   => $mine ? (string) $order->get_view_order_url() : '',
		);
	}

	/**
	 * "#123 · 12 November 2026 · T-shirt ×2, Mug · €42.00".
	 */
	private static function label( \WC_Order $order ): string {
		$items = array();
		foreach ( $order->get_items() as $item ) {
			$items[] = $item->get_name() . ( $item->get_quantity() > 1 ? ' ×' . $item->get_quantity() : '' );
		}
		$date  = $order->get_date_created();
		$parts = array(
			/* translators: %s: order number */
			sprintf( __( 'Order #%s', 'switchboard' ), $order->get_order_number() ),
			$date ? wc_format_datetime( $date ) : '',
			implode( ', ', array_slice( $items, 0, 3 ) ) . ( count( $items ) > 3 ? ', …' : '' ),
			wp_strip_all_tags( html_entity_decode( (string) wc_price( (float) $order->get_total(), array( 'currency' => $order->get_currency() ) ), ENT_QUOTES, 'UTF-8' ) ),
		);
		return implode( ' · ', array_filter( $parts ) );
	}
}
