<?php
/**
 * The WooCommerce bridge: order panels, the order history on ticket timelines, agents in wp-admin.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use Switchboard\Auth\Capabilities;
use Switchboard\Rest\CustomerOrdersController;

/**
 * Wires the Woo/ services. The REST route is always registered (without WooCommerce it answers
 * 404 switchboard_woocommerce_inactive), so the API has the same shape everywhere; the hooks that
 * read orders only do work while WooCommerce is loaded.
 */
final class Module {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_rest_controllers', array( $this, 'controllers' ) );
		( new OrdersTimeline() )->register();
		( new ChatContext() )->register();
		// WooCommerce hides the admin bar from users without edit_posts; agents need it.
		add_filter( 'woocommerce_disable_admin_bar', array( $this, 'keep_admin_bar_for_agents' ) );
	}

	/**
	 * Adds the customer-orders controller.
	 *
	 * @param array<int, \WP_REST_Controller> $controllers Controllers.
	 * @return array<int, \WP_REST_Controller>
	 */
	public function controllers( array $controllers ): array {
		$controllers[] = new CustomerOrdersController();
		return $controllers;
	}

	/**
	 * Agents keep the admin bar on the storefront.
	 *
	 * @param bool $disable WooCommerce's decision.
	 */
	public function keep_admin_bar_for_agents( $disable ): bool {
		return current_user_can( Capabilities::AGENT ) ? false : (bool) $disable;
	}
}
