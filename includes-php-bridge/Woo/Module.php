<?php
/**
 * The WooCommerce bridge: order panels, the order history on ticket timelines, agents in wp-admin,
 * the Support tab in My Account.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use Switchboard\Auth\Capabilities;
use Switchboard\Infrastructure\Conditional;
use Switchboard\Infrastructure\Registerable;
use Switchboard\Plugin;
use Switchboard\Services;

/**
 * Wires the Woo/ services — the only place they are constructed, and only while WooCommerce is
 * active (Conditional), so nothing of the bridge runs without it. The customer-orders REST route
 * is in Plugin's one list and always registered (without WooCommerce it answers 404
 * switchboard_woocommerce_inactive), so the API has the same shape everywhere.
 */
final class Module implements Registerable, Conditional {

	/**
	 * The shared services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Constructor.
	 *
	 * @param Services $services The shared services.
	 */
	public function __construct( Services $services ) {
		$this->services = $services;
	}

	/**
	 * Only while WooCommerce is loaded.
	 */
	public static function is_needed(): bool {
		return Plugin::woocommerce_active();
	}

	/**
	 * Hooks.
	 */
	public function register(): void {
		( new AccountEndpoint( $this->services->customer_tickets() ) )->register();
		( new AccountOrders() )->register();
		( new OrdersTimeline() )->register();
		( new ChatContext() )->register();
		// WooCommerce hides the admin bar from users without edit_posts; agents need it.
		add_filter( 'woocommerce_disable_admin_bar', array( $this, 'keep_admin_bar_for_agents' ) );
	}

	/**
	 * Keeps the admin bar for agents.
	 *
	 * @param mixed $disable Whether WooCommerce would hide it.
	 */
	public function keep_admin_bar_for_agents( $disable ): bool {
		return current_user_can( Capabilities::AGENT ) ? false : (bool) $disable;
	}
}
