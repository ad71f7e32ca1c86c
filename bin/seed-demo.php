<?php
/**
 * Demo data for a runtime site, run with WordPress loaded.
 *
 * Usage: bash bin/wp-php.sh dev bin/seed-demo.php [--force]
 *
 * The runtime (bin/runtime.sh up) runs it whenever the site is incomplete; each part runs once,
 * remembered in the option `switchboard_demo_seed`. --force runs every part again, adding another
 * set of orders.
 *
 * Parts:
 * - woocommerce: simple products and a few orders for alice and bob, through WooCommerce's CRUD
 *   classes (HPOS-safe). Runs as soon as WooCommerce is active.
 * - switchboard: the `switchboard_seed_demo` action, where the plugin adds its demo tickets. Runs
 *   once something is hooked to it.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

if ( ! defined( 'ABSPATH' ) ) {
	fwrite( STDERR, "Run through bin/wp-php.sh <env> bin/seed-demo.php\n" );
	exit( 1 );
}

const SWITCHBOARD_SEED_OPTION = 'switchboard_demo_seed';

/**
 * Prints a progress line.
 *
 * @param string $message The message.
 */
function switchboard_seed_say( string $message ): void {
	fwrite( STDOUT, '[switchboard] ' . $message . "\n" );
}

/**
 * Demo products, created unless a product with the SKU exists.
 *
 * @return int[] Product IDs by SKU.
 */
function switchboard_seed_products(): array {
	$products = array(
		array( 'SB-HOODIE', 'Classic Hoodie', '49.00', 'A warm, heavyweight cotton hoodie.' ),
		array( 'SB-TOTE', 'Canvas Tote Bag', '18.00', 'A sturdy tote for groceries and laptops.' ),
		array( 'SB-BEANS', 'Espresso Beans 1 kg', '27.50', 'Dark roast, whole beans.' ),
		array( 'SB-MATCHA', '抹茶セット', '32.00', '宇治抹茶と茶筅のセット。 Uji matcha with a bamboo whisk.' ),
		array( 'SB-ARITA', '有田焼マグカップ', '24.00', '佐賀県有田町の磁器マグ。 Porcelain mug from Arita.' ),
		array( 'SB-TENUGUI', '手ぬぐい（富士山）', '12.00', '綿100%の手ぬぐい。 Cotton tenugui towel, Mt. Fuji print.' ),
	);

	$ids = array();
	foreach ( $products as list( $sku, $name, $price, $description ) ) {
		$existing = wc_get_product_id_by_sku( $sku );
		if ( $existing ) {
			$ids[ $sku ] = (int) $existing;
			continue;
		}
		$product = new WC_Product_Simple();
		$product->set_name( $name );
		$product->set_sku( $sku );
		$product->set_regular_price( $price );
		$product->set_short_description( $description );
		$product->set_description( $description );
		$product->set_status( 'publish' );
		$product->set_catalog_visibility( 'visible' );
		$product->set_manage_stock( true );
		$product->set_stock_quantity( 100 );
		$product->set_stock_status( 'instock' );
		$ids[ $sku ] = (int) $product->save();
	}
	switchboard_seed_say( sprintf( 'products: %d', count( $ids ) ) );
	return $ids;
}

/**
 * Orders for one customer.
 *
 * @param WP_User                                            $user     The customer.
 * @param array<string, string>                              $address  Billing address fields.
 * @param array<int, array{string, int, array<string, int>}> $orders   List of [ status, days ago, [ sku => quantity ] ].
 * @param array<string, int>                                 $products Product IDs by SKU.
 * @return int[] Order IDs.
 * @throws RuntimeException When WooCommerce cannot create an order.
 */
function switchboard_seed_orders( WP_User $user, array $address, array $orders, array $products ): array {
	$billing  = array_merge(
		$address,
		array(
			'first_name' => $user->first_name,
			'last_name'  => $user->last_name,
			'email'      => $user->user_email,
		)
	);
	$shipping = $billing;
	unset( $shipping['email'], $shipping['phone'] );

	// The customer's saved addresses (My Account → Addresses).
	$customer = new WC_Customer( $user->ID );
	foreach ( $billing as $key => $value ) {
		$customer->{"set_billing_{$key}"}( $value );
	}
	foreach ( $shipping as $key => $value ) {
		$customer->{"set_shipping_{$key}"}( $value );
	}
	$customer->save();

	$ids = array();
	foreach ( $orders as list( $status, $days_ago, $items ) ) {
		$order = wc_create_order( array( 'customer_id' => $user->ID ) );
		if ( is_wp_error( $order ) ) {
			throw new RuntimeException( 'wc_create_order: ' . $order->get_error_message() );
		}
		foreach ( $items as $sku => $quantity ) {
			$product = wc_get_product( $products[ $sku ] );
			if ( $product ) {
				$order->add_product( $product, $quantity );
			}
		}
		$order->set_address( $billing, 'billing' );
		$order->set_address( $shipping, 'shipping' );
		$order->set_payment_method( 'cod' );
		$order->set_payment_method_title( 'Cash on delivery' );
		$order->set_created_via( 'switchboard-demo' );
		$created = time() - $days_ago * DAY_IN_SECONDS;
		$order->set_date_created( $created );
		$order->calculate_totals();
		$order->set_status( $status, 'Demo order.' );
		$order->set_date_paid( $created + HOUR_IN_SECONDS );
		if ( 'completed' === $status ) {
			$order->set_date_completed( $created + 2 * DAY_IN_SECONDS );
		}
		$ids[] = (int) $order->save();
	}
	switchboard_seed_say( sprintf( 'orders for %s: %s', $user->user_login, implode( ', ', $ids ) ) );
	return $ids;
}

$switchboard_force = in_array( '--force', array_slice( $argv, 1 ), true );
$switchboard_seed  = get_option( SWITCHBOARD_SEED_OPTION, array() );
$switchboard_seed  = is_array( $switchboard_seed ) ? $switchboard_seed : array();

// No mail while seeding: order status changes would e-mail the demo customers.
add_filter( 'pre_wp_mail', '__return_false' );

$switchboard_users = array();
foreach ( array( 'admin', 'agent', 'alice', 'bob' ) as $switchboard_login ) {
	$switchboard_user = get_user_by( 'login', $switchboard_login );
	if ( false !== $switchboard_user ) {
		$switchboard_users[ $switchboard_login ] = $switchboard_user;
	}
}

// WooCommerce part.

if ( function_exists( 'wc_create_order' ) && ( $switchboard_force || empty( $switchboard_seed['woocommerce'] ) ) ) {
	if ( ! isset( $switchboard_users['alice'], $switchboard_users['bob'] ) ) {
		fwrite( STDERR, "[switchboard] ERROR: the demo users alice and bob do not exist\n" );
		exit( 1 );
	}
	switchboard_seed_say( 'seeding WooCommerce demo data' );
	$switchboard_products            = switchboard_seed_products();
	$switchboard_orders              = array(
		'alice' => switchboard_seed_orders(
			$switchboard_users['alice'],
			array(
				'address_1' => '12 Market Street',
				'city'      => 'Portland',
				'state'     => 'OR',
				'postcode'  => '97205',
				'country'   => 'US',
				'phone'     => '+1 503 555 0142',
			),
			array(
				array(
					'completed',
					40,
					array(
						'SB-HOODIE' => 1,
						'SB-TOTE'   => 2,
					),
				),
				array( 'completed', 12, array( 'SB-MATCHA' => 1 ) ),
				array(
					'processing',
					2,
					array(
						'SB-ARITA'   => 2,
						'SB-TENUGUI' => 1,
					),
				),
			),
			$switchboard_products
		),
		'bob'   => switchboard_seed_orders(
			$switchboard_users['bob'],
			array(
				'address_1' => '7 Harbour Road',
				'city'      => 'Austin',
				'state'     => 'TX',
				'postcode'  => '78701',
				'country'   => 'US',
				'phone'     => '+1 512 555 0199',
			),
			array(
				array( 'completed', 25, array( 'SB-BEANS' => 2 ) ),
				array(
					'processing',
					1,
					array(
						'SB-HOODIE' => 1,
						'SB-MATCHA' => 1,
					),
				),
			),
			$switchboard_products
		),
	);
	$switchboard_seed['woocommerce'] = time();
	$switchboard_seed['products']    = array_values( $switchboard_products );
	$switchboard_seed['orders']      = $switchboard_orders;
	update_option( SWITCHBOARD_SEED_OPTION, $switchboard_seed, false );
}

// Switchboard part.

if ( has_action( 'switchboard_seed_demo' ) && ( $switchboard_force || empty( $switchboard_seed['switchboard'] ) ) ) {
	switchboard_seed_say( 'seeding Switchboard demo data (switchboard_seed_demo)' );

	/*
	 * The plugin adds its demo tickets here. Runs once per site (see the option
	 * `switchboard_demo_seed`), only after something is hooked to it, with WordPress and every
	 * active plugin loaded and mail switched off.
	 *
	 * The argument describes what the runtime created:
	 *   'woocommerce' => bool   whether WooCommerce is active,
	 *   'users'       => array  user IDs by login: admin, agent, alice, bob,
	 *   'products'    => int[]  demo product IDs (empty without WooCommerce),
	 *   'orders'      => array  demo order IDs by customer login: [ 'alice' => int[], 'bob' => int[] ].
	 */
	do_action(
		'switchboard_seed_demo',
		array(
			'woocommerce' => function_exists( 'WC' ),
			'users'       => array_map( static fn ( WP_User $user ): int => $user->ID, $switchboard_users ),
			'products'    => $switchboard_seed['products'] ?? array(),
			'orders'      => $switchboard_seed['orders'] ?? array(),
		)
	);

	$switchboard_seed['switchboard'] = time();
	update_option( SWITCHBOARD_SEED_OPTION, $switchboard_seed, false );
}
