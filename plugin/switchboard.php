<?php
/**
 * Plugin Name:          Switchboard
 * Plugin URI:           https://github.com/switchboard-helpdesk/switchboard
 * Description:          Omnichannel helpdesk inside WooCommerce: email, web form, My Account, live chat, social DMs and phone in one inbox, next to the customer's orders.
 * Version:              0.1.0
 * Author:               Switchboard contributors
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          switchboard
 * Domain Path:          /languages
 * Requires at least:    6.7
 * Requires PHP:         8.1
 * WC requires at least: 9.0
 * WC tested up to:      10.0
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

defined( 'ABSPATH' ) || exit;

define( 'SWITCHBOARD_VERSION', '0.1.0' );
define( 'SWITCHBOARD_FILE', __FILE__ );
define( 'SWITCHBOARD_PATH', __DIR__ );

/*
 * The PHP classes live in `includes-php-bridge/`: inside the plugin folder in the
 * distributed zip, beside it in the source repository.
 */
$switchboard_bridge = is_file( __DIR__ . '/includes-php-bridge/Plugin.php' )
	? __DIR__ . '/includes-php-bridge'
	: dirname( __DIR__ ) . '/includes-php-bridge';

spl_autoload_register(
	static function ( string $class_name ) use ( $switchboard_bridge ): void {
		if ( 0 !== strpos( $class_name, 'Switchboard\\' ) ) {
			return;
		}
		$file = $switchboard_bridge . '/' . str_replace( '\\', '/', substr( $class_name, 12 ) ) . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);
unset( $switchboard_bridge );

add_action(
	'before_woocommerce_init',
	static function (): void {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', __FILE__, true );
		}
	}
);

register_activation_hook( __FILE__, array( \Switchboard\Db\Installer::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \Switchboard\Db\Installer::class, 'deactivate' ) );

add_action(
	'plugins_loaded',
	static function (): void {
		( new \Switchboard\Plugin() )->register();
	},
	5
);
