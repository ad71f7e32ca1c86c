<?php
/**
 * The chat visitor's cart and recent orders, for the agent's visitor panel.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use WC_Order;

/**
 * Fills `switchboard_chat_visitor_context` while the visitor's own request runs (the widget posts
 * her page on start and on every page she opens). Only ever her own data: the cart is the one of
 * the session cookie that came with the request, and orders are read only when the request is
 * signed in as the very user the chat belongs to — a token copied into another browser or account
 * never shows that account's cart or orders on somebody else's chat.
 */
final class ChatContext {

	/**
	 * Most cart lines and orders kept in the snapshot.
	 */
	private const MAX_ITEMS = 20;

	private const MAX_ORDERS = 5;

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_chat_visitor_context', array( $this, 'add' ), 10, 2 );
	}

	/**
	 * Adds `cart` (and `orders` for a signed-in customer) to the context.
	 *
	 * @param array<string, mixed> $context Context so far.
	 * @param array<string, mixed> $session Chat session row.
	 * @return array<string, mixed>
	 */
	public function add( $context, $session ): array {
		$context = is_array( $context ) ? $context : array();
		if ( ! function_exists( 'WC' ) || ! function_exists( 'wc_get_orders' ) || ! is_array( $session ) ) {
			return $context;
		}
		$user_id = get_current_user_id();
		if ( (int) ( $session['user_id'] ?? 0 ) !== $user_id ) {
			// Signed in (or out) since the chat started: this request is not the chat's visitor.
			return $context;
		}
		$cart = $this->cart();
		if ( null !== $cart ) {
			$context['cart'] = $cart;
		}
		if ( $user_id > 0 ) {
			$context['orders'] = $this->orders( $user_id );
		}
		return $context;
	}

	/**
	 * The request's cart: lines, quantities and totals (null when WooCommerce has no cart here).
	 *
	 * @return array<string, mixed>|null
	 */
	public function cart(): ?array {
		if ( null === WC()->cart && function_exists( 'wc_load_cart' ) ) {
			// REST requests do not load the cart; the visitor's session cookie is on this request.
			wc_load_cart();
		}
		$cart = WC()->cart;
		if ( ! $cart instanceof \WC_Cart ) {
			return null;
		}
		$cart->calculate_totals();
		$items = array();
		foreach ( $cart->get_cart() as $line ) {
			$product = $line['data'] ?? null;
			if ( ! $product instanceof \WC_Product ) {
				continue;
			}
			$items[] = array(
				'product_id' => (int) $product->get_id(),
				'name'       => wp_strip_all_tags( $product->get_name() ),
				'sku'        => (string) $product->get_sku(),
				'quantity'   => (int) ( $line['quantity'] ?? 0 ),
				'total'      => wc_format_decimal( (float) ( $line['line_total'] ?? 0 ) + (float) ( $line['line_tax'] ?? 0 ), wc_get_price_decimals() ),
				'url'        => (string) get_permalink( $product->get_id() ),
			);
			if ( count( $items ) >= self::MAX_ITEMS ) {
				break;
			}
		}
		$currency = get_woocommerce_currency();
		$total    = (float) $cart->get_total( 'edit' );
		return array(
			'items'           => $items,
			'item_count'      => (int) $cart->get_cart_contents_count(),
			'subtotal'        => wc_format_decimal( (float) $cart->get_subtotal() + (float) $cart->get_subtotal_tax(), wc_get_price_decimals() ),
			'total'           => wc_format_decimal( $total, wc_get_price_decimals() ),
			'total_formatted' => html_entity_decode( wp_strip_all_tags( wc_price( $total, array( 'currency' => $currency ) ) ), ENT_QUOTES, 'UTF-8' ),
			'currency'        => $currency,
			'updated_at'      => gmdate( 'Y-m-d\TH:i:s\Z' ),
		);
	}

	/**
	 * The signed-in customer's latest orders (her account's only, never matched by email).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function orders( int $user_id ): array {
		$orders = wc_get_orders(
			array(
				'customer_id' => $user_id,
				'type'        => 'shop_order',
				'limit'       => self::MAX_ORDERS,
				'orderby'     => 'date',
				'order'       => 'DESC',
			)
		);
		$out    = array();
		$shaper = new Orders();
		foreach ( (array) $orders as $order ) {
			if ( $order instanceof WC_Order && (int) $order->get_customer_id() === $user_id ) {
				$out[] = $shaper->summary( $order );
			}
		}
		return $out;
	}
}
