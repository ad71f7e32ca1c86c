<?php
/**
 * A new request names one line of one of her orders: offered per order, checked against the order.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\TicketService;

final class OrderItemTest extends TestCase {

	private int $alice = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->requires_woocommerce();
		$this->alice = $this->make_user( 'customer', 'oi_alice_' . wp_generate_password( 5, false, false ) );
		$this->make_user( 'switchboard_agent', 'oi_agent' );
	}

	/**
	 * An order of $user_id with one line per product name; returns [order id, [item ids]].
	 *
	 * @param string[] $names Product names.
	 * @return array{0: int, 1: int[]}
	 */
	private function order( int $user_id, array $names ): array {
		$order = wc_create_order( array( 'customer_id' => $user_id ) );
		$items = array();
		foreach ( $names as $name ) {
			$item = new \WC_Order_Item_Product();
			$item->set_name( $name );
			$item->set_quantity( 1 );
			$item->set_total( '10' );
			$order->add_item( $item );
		}
		$order->save();
		foreach ( $order->get_items() as $id => $item ) {
			$items[] = (int) $id;
		}
		return array( $order->get_id(), $items );
	}

	public function test_her_orders_carry_their_items(): void {
		list( $order_id, $items ) = $this->order( $this->alice, array( 'Blue mug', 'Tea towel' ) );
		$orders                   = apply_filters( 'switchboard_customer_orders', array(), $this->alice );
		$mine                     = array_values( array_filter( $orders, static fn ( array $o ): bool => $o['id'] === $order_id ) );
		$this->assertCount( 1, $mine );
		$this->assertSame( $items, array_column( $mine[0]['items'], 'id' ) );
		$this->assertSame( array( 'Blue mug', 'Tea towel' ), array_column( $mine[0]['items'], 'name' ) );
	}

	public function test_item_is_stored_and_checked_against_the_order(): void {
		list( $order_id, $items )   = $this->order( $this->alice, array( 'Blue mug', 'Tea towel' ) );
		list( $other_id, $foreign ) = $this->order( $this->alice, array( 'Kettle' ) );
		$this->as_user( get_userdata( $this->alice )->user_login );

		$ok = $this->rest(
			'POST',
			'/switchboard/v1/me/tickets',
			array(
				'subject'       => 'Chipped',
				'body'          => 'The mug is chipped.',
				'order_id'      => $order_id,
				'order_item_id' => $items[0],
			)
		);
		$this->assertSame( 201, $ok->get_status(), (string) wp_json_encode( $ok->get_data() ) );
		$this->assertSame(
			array(
				'id'   => $items[0],
				'name' => 'Blue mug',
			),
			$ok->get_data()['order_item']
		);
		$this->assertSame( 'Blue mug', ( new TicketService() )->get_meta( (int) $ok->get_data()['id'], 'order_item' )['name'] );

		// The agent sees it too.
		$this->as_user( 'oi_agent' );
		$this->assertSame( 'Blue mug', $this->rest( 'GET', '/switchboard/v1/tickets/' . $ok->get_data()['id'] )->get_data()['order_item']['name'] );

		$this->as_user( get_userdata( $this->alice )->user_login );
		// A line of another order, and a line without an order, are refused.
		$this->assertRestError(
			$this->rest(
				'POST',
				'/switchboard/v1/me/tickets',
				array(
					'subject'       => 'Mixed up',
					'body'          => 'x',
					'order_id'      => $order_id,
					'order_item_id' => $foreign[0],
				)
			),
			400,
			'switchboard_invalid_order_item'
		);
		$this->assertRestError(
			$this->rest(
				'POST',
				'/switchboard/v1/me/tickets',
				array(
					'subject'       => 'No order',
					'body'          => 'x',
					'order_item_id' => $items[1],
				)
			),
			400,
			'switchboard_invalid_order_item'
		);
		$this->assertNotSame( 0, $other_id );
	}
}
