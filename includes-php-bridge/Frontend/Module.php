<?php
/**
 * Customer-facing screens: contact form, account support screens, guest links.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Infrastructure\Registerable;
use Switchboard\Services;

/**
 * Wires the contact form and the support screens (`[switchboard_account]`). WooCommerce's My
 * Account "Support" tab is Woo\Module's; the contact REST routes are in Plugin's one list.
 */
final class Module implements Registerable {

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
	 * Hooks. Nothing here queries the database.
	 */
	public function register(): void {
		( new ContactForm( $this->services->tickets() ) )->register();
		( new AccountScreens( $this->services->customer_tickets() ) )->register();
	}
}
