<?php
/**
 * The chat visitor's cart and recent orders (Woo\ChatContext on switchboard_chat_visitor_context).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Chat;

use Switchboard\Tests\TestCase;
use Switchboard\Woo\ChatContext;
use WP_REST_Request;

/**
 * Needs WooCommerce (skipped with "skipped: WooCommerce not installed" otherwise).
 */
final class CartSnapshotTest extends TestCase {

	private const BASE = '/switchboard/v1/chat';

	protected function setUp(): void {
		parent::setUp();
		$this->requires_woocommerce();
		delete_option( 'switchboard_chat_settings' );
		add_filter( 'switchboard_chat_available', '__return_true' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'switchboard_chat_available' );
		if ( self::woocommerce_active() && null !== WC()->cart ) {
			WC()->cart->empty_cart();
		}
		parent::tearDown();
	}

	private function product( string $name, string $price ): int {
		$product = new \WC_Product_Simple();
		$product->set_name( $name );
		$product->set_regular_price( $price );
		$product->set_status( 'publish' );
		return (int) $product->save();
	}

	private function order_for( int $user_id, int $product_id ): \WC_Order {
		$order = wc_create_order( array( 'customer_id' => $user_id ) );
		$order->add_product( wc_get_product( $product_id ), 1 );
		$order->calculate_totals();
		$order->set_status( 'processing' );
		$order->save();
		return $order;
	}

	/**
	 * Starts a chat as the current (logged-in) user through the real route; returns the session.
	 *
	 * @return array<string, mixed>
	 */
	private function start_chat(): array {
		$response = $this->rest( 'POST', self::BASE . '/session', array( 'page_url' => 'http://shop.test/cart/' ) );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$token   = (string) $response->get_data()['token'];
		$request = new WP_REST_Request( 'POST', self::BASE . '/messages' );
		$request->set_header( 'X-Switchboard-Chat-Token', $token );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'body' => 'A person please' ) ) );
		rest_get_server()->dispatch( $request );
		return (array) ( new \Switchboard\Channels\Chat\Sessions() )->by_token( $token );
	}

	public function test_cart_and_own_orders_reach_the_agent(): void {
		$mug    = $this->product( 'Snapshot Mug', '12.50' );
		$poster = $this->product( 'Snapshot Poster', '20.00' );
		$alice  = $this->make_user( 'customer', 'sb_cart_alice' );
		$bob    = $this->make_user( 'customer', 'sb_cart_bob' );
		$hers   = $this->order_for( $alice, $mug );
		$his    = $this->order_for( $bob, $poster );

		$this->as_user( 'sb_cart_alice' );
		wc_load_cart();
		WC()->cart->empty_cart();
		WC()->cart->add_to_cart( $mug, 3 );
		WC()->cart->add_to_cart( $poster, 1 );

		$session = $this->start_chat();
		$this->make_user( 'switchboard_agent', 'sb_cart_agent' );
		$this->as_user( 'sb_cart_agent' );
		$data = $this->rest( 'GET', self::BASE . '/sessions/' . (int) $session['ticket_id'] )->get_data();

		$cart = $data['context']['cart'];
		$this->assertSame( 4, $cart['item_count'] );
		$lines = array_column( $cart['items'], 'quantity', 'name' );
		$this->assertSame(
			array(
				'Snapshot Mug'    => 3,
				'Snapshot Poster' => 1,
			),
			$lines
		);
		$this->assertEqualsWithDelta( 57.5, (float) $cart['total'], 0.001 );
		$this->assertNotSame( '', $cart['total_formatted'] );

		$order_ids = array_column( $data['context']['orders'], 'id' );
		$this->assertContains( $hers->get_id(), $order_ids );
		$this->assertNotContains( $his->get_id(), $order_ids, 'never another customer\'s orders' );
	}

	public function test_a_request_that_is_not_the_chats_user_adds_nothing(): void {
		$mug   = $this->product( 'Other Mug', '5.00' );
		$alice = $this->make_user( 'customer', 'sb_cart_alice2' );
		$bob   = $this->make_user( 'customer', 'sb_cart_bob2' );
		$this->order_for( $bob, $mug );

		// Alice's chat session, but the request is signed in as Bob (a copied token).
		$session = array(
			'id'      => 0,
			'user_id' => $alice,
		);
		$this->as_user( 'sb_cart_bob2' );
		wc_load_cart();
		WC()->cart->add_to_cart( $mug, 2 );
		$context = ( new ChatContext() )->add( array( 'pages' => array() ), $session );
		$this->assertSame( array( 'pages' => array() ), $context );

		// Bob's own session: his cart and orders.
		$context = ( new ChatContext() )->add( array(), array( 'user_id' => $bob ) );
		$this->assertSame( 2, $context['cart']['item_count'] );
		$this->assertCount( 1, $context['orders'] );
	}

	public function test_a_guest_gets_her_cart_but_no_orders(): void {
		$mug = $this->product( 'Guest Mug', '8.00' );
		$this->as_guest();
		wc_load_cart();
		WC()->cart->empty_cart();
		WC()->cart->add_to_cart( $mug, 1 );
		$context = ( new ChatContext() )->add( array(), array( 'user_id' => 0 ) );
		$this->assertSame( 1, $context['cart']['item_count'] );
		$this->assertSame( 'Guest Mug', $context['cart']['items'][0]['name'] );
		$this->assertArrayNotHasKey( 'orders', $context );
	}
}
