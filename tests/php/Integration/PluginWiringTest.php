<?php
/**
 * Plugin is the one wiring point: one list of REST controllers, shared services, the Woo bridge
 * only with WooCommerce.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration;

use Switchboard\Plugin;
use Switchboard\Services;
use Switchboard\Tests\TestCase;
use Switchboard\Woo\Module as WooModule;

/**
 * Wiring.
 */
final class PluginWiringTest extends TestCase {

	/**
	 * The switchboard/v1 routes, in registration order, of a server built with the given
	 * rest_api_init callbacks only (null: every callback the plugin and WordPress registered).
	 *
	 * @param callable[]|null $only Callbacks.
	 * @return string[]
	 */
	private static function routes( ?array $only = null ): array {
		global $wp_filter;
		$saved                     = $wp_filter['rest_api_init'] ?? null;
		$GLOBALS['wp_rest_server'] = null;
		if ( null !== $only ) {
			unset( $wp_filter['rest_api_init'] );
			foreach ( $only as $callback ) {
				add_action( 'rest_api_init', $callback );
			}
		}
		$routes = array_keys( rest_get_server()->get_routes( 'switchboard/v1' ) );
		if ( null !== $saved ) {
			$wp_filter['rest_api_init'] = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		}
		$GLOBALS['wp_rest_server'] = null;
		return $routes;
	}

	public function test_plugins_one_list_registers_every_route_in_the_same_order(): void {
		$all = self::routes();
		$this->assertContains( '/switchboard/v1/tickets', $all );
		$this->assertContains( '/switchboard/v1/email/mailboxes', $all );
		$this->assertContains( '/switchboard/v1/contact', $all );

		$plugin = new Plugin();
		$this->assertSame( $all, self::routes( array( array( $plugin, 'register_rest_routes' ) ) ), 'no module registers a route of its own' );
	}

	public function test_the_ticket_core_is_built_once_and_shared(): void {
		$services = new Services();
		$this->assertSame( $services->tickets(), $services->tickets() );
		$this->assertSame( $services->customer_tickets(), $services->customer_tickets() );
		$this->assertNotSame( $services->tickets(), ( new Services() )->tickets(), 'each graph has its own' );
	}

	public function test_the_woo_bridge_runs_only_with_woocommerce(): void {
		$this->assertSame( Plugin::woocommerce_active(), WooModule::is_needed() );
		// Hooks only Woo\Module adds.
		$this->assertSame( Plugin::woocommerce_active(), false !== has_filter( 'woocommerce_disable_admin_bar' ) );
		$this->assertSame( Plugin::woocommerce_active(), false !== has_filter( 'switchboard_customer_orders' ) );
		$this->assertSame( Plugin::woocommerce_active(), false !== has_filter( 'switchboard_chat_visitor_context' ) );
	}
}
