<?php
/**
 * GET /switchboard/v1/overview: the vertical slice's endpoint.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Tests\TestCase;

/**
 * Admin and agent read it; customers are forbidden; guests must log in.
 */
final class OverviewControllerTest extends TestCase {

	private const ROUTE = '/switchboard/v1/overview';

	public function test_route_is_registered(): void {
		$this->assertTrue( class_exists( \Switchboard\Rest\OverviewController::class ) );
		$this->assertArrayHasKey( self::ROUTE, rest_get_server()->get_routes( 'switchboard/v1' ) );
	}

	public function test_admin_gets_overview(): void {
		$id = $this->make_user( 'administrator', 'sb_admin', array( 'display_name' => 'Ada Admin' ) );
		$this->as_user( 'sb_admin' );

		$response = $this->rest( 'GET', self::ROUTE );
		$data     = $response->get_data();

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $data ) );
		$this->assertIsArray( $data );
		$this->assertSame( SWITCHBOARD_VERSION, $data['plugin_version'] ?? null );
		$this->assertSame( self::woocommerce_active(), $data['woocommerce_active'] ?? null );
		$this->assertSame( $id, $data['user']['id'] ?? null );
		$this->assertSame( 'Ada Admin', $data['user']['display_name'] ?? null );
	}

	public function test_agent_gets_overview(): void {
		$id = $this->make_user( 'switchboard_agent', 'sb_agent', array( 'display_name' => 'Agnes Agent' ) );
		$this->as_user( 'sb_agent' );

		$response = $this->rest( 'GET', self::ROUTE );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( $id, $response->get_data()['user']['id'] ?? null );
	}

	public function test_customer_is_forbidden(): void {
		// 'customer' exists only with WooCommerce; a subscriber is the same kind of user without it.
		$this->make_user( self::woocommerce_active() ? 'customer' : 'subscriber', 'sb_customer' );
		$this->as_user( 'sb_customer' );

		$this->assertRestError( $this->rest( 'GET', self::ROUTE ), 403 );
	}

	public function test_guest_must_log_in(): void {
		$this->as_guest();

		$this->assertRestError( $this->rest( 'GET', self::ROUTE ), 401 );
	}

	public function test_reports_woocommerce_when_active(): void {
		$this->requires_woocommerce();
		$this->make_user( 'administrator', 'sb_admin2' );
		$this->as_user( 'sb_admin2' );

		$this->assertTrue( $this->rest( 'GET', self::ROUTE )->get_data()['woocommerce_active'] ?? null );
	}
}
