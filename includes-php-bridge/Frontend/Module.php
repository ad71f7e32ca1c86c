<?php
/**
 * Customer-facing screens: contact form, account support screens, guest links.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Frontend\Rest\ContactController;
use Switchboard\Frontend\Rest\SupportPageController;
use Switchboard\Plugin;
use Switchboard\Woo\AccountEndpoint;
use Switchboard\Woo\AccountOrders;

/**
 * Wires the contact form, the support screens (`[switchboard_account]`, and WooCommerce's
 * My Account "Support" tab when WooCommerce is active) and the contact REST route.
 */
final class Module {

	/**
	 * Hooks. Nothing here queries the database.
	 */
	public function register(): void {
		( new ContactForm() )->register();
		( new AccountScreens() )->register();

		if ( Plugin::woocommerce_active() ) {
			( new AccountEndpoint() )->register();
			( new AccountOrders() )->register();
		}

		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );
	}

	/**
	 * REST routes.
	 */
	public function register_rest_routes(): void {
		( new ContactController() )->register_routes();
		( new SupportPageController() )->register_routes();
	}
}
