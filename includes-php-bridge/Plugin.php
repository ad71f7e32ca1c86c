<?php
/**
 * Builds Switchboard's services and registers their hooks.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard;

use Switchboard\Admin\AdminPage;
use Switchboard\Auth\Capabilities;
use Switchboard\Cli\DemoData;
use Switchboard\Db\Installer;
use Switchboard\Rest\OverviewController;

/**
 * The one place where dependencies are wired.
 */
final class Plugin {

	/**
	 * Registers every service's hooks. Nothing here queries the database: requests that
	 * are not the helpdesk's pay only for a few add_action() calls.
	 */
	public function register(): void {
		( new Installer() )->register();
		( new Capabilities() )->register();
		( new DemoData() )->register();

		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );

		if ( is_admin() ) {
			( new AdminPage() )->register();
		}

		foreach ( self::MODULES as $module ) {
			if ( class_exists( $module ) ) {
				( new $module() )->register();
			}
		}
	}

	/**
	 * Feature modules. Each has a register() that adds its hooks (and its REST controllers on
	 * rest_api_init); construction must not query anything.
	 *
	 * @var string[]
	 */
	private const MODULES = array(
		'Switchboard\\Tickets\\Module',
		'Switchboard\\Mail\\Mails',
		'Switchboard\\Woo\\Module',
		'Switchboard\\Channels\\Email\\Module',
		'Switchboard\\Channels\\Chat\\Module',
		'Switchboard\\Kb\\Module',
		'Switchboard\\Frontend\\Module',
		'Switchboard\\Search\\Module',
	);

	/**
	 * Loads translations shipped with the plugin (WordPress.org language packs load by themselves).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'switchboard', false, dirname( plugin_basename( SWITCHBOARD_FILE ) ) . '/languages' );
	}

	/**
	 * Registers the `switchboard/v1` REST controllers.
	 */
	public function register_rest_routes(): void {
		$controllers = array(
			new OverviewController(),
		);

		/**
		 * Filters the REST controllers Switchboard registers.
		 *
		 * @since 0.1.0
		 *
		 * @param \WP_REST_Controller[] $controllers Controller instances; each gets register_routes() called.
		 */
		$controllers = apply_filters( 'switchboard_rest_controllers', $controllers );

		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
	}

	/**
	 * Whether WooCommerce is loaded, so order features can light up.
	 */
	public static function woocommerce_active(): bool {
		return class_exists( 'WooCommerce' ) && function_exists( 'wc_get_order' );
	}
}
