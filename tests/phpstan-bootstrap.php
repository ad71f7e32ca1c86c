<?php
/**
 * Constants for PHPStan only (never loaded at runtime).
 *
 * WordPress defines these in wp-config.php / wp-settings.php / default-constants.php, and the plugin
 * defines SWITCHBOARD_* in plugin/switchboard.php behind `defined( 'ABSPATH' ) || exit`, so PHPStan
 * cannot discover them from the stubs.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

// WordPress core.
// Not a real folder: requires of core files below ABSPATH are ignored in phpstan.neon.dist.
define( 'ABSPATH', '/wordpress-core/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', ABSPATH . 'wp-content' );
define( 'WP_CONTENT_URL', 'http://localhost/wp-content' );
define( 'WP_PLUGIN_DIR', WP_CONTENT_DIR . '/plugins' );
define( 'WP_PLUGIN_URL', WP_CONTENT_URL . '/plugins' );
define( 'WP_LANG_DIR', WP_CONTENT_DIR . '/languages' );
define( 'WP_DEBUG', false );
define( 'SCRIPT_DEBUG', false );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'MONTH_IN_SECONDS', 2592000 );
define( 'YEAR_IN_SECONDS', 31536000 );
define( 'KB_IN_BYTES', 1024 );
define( 'MB_IN_BYTES', 1048576 );
define( 'GB_IN_BYTES', 1073741824 );
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'EP_NONE', 0 );
define( 'EP_ROOT', 64 );
define( 'EP_PAGES', 4096 );
define( 'COOKIEPATH', '/' );
define( 'SITECOOKIEPATH', '/' );
define( 'COOKIE_DOMAIN', '' );

// WooCommerce (only meaningful when it is active; code must check before relying on it).
define( 'WC_PLUGIN_FILE', WP_PLUGIN_DIR . '/woocommerce/woocommerce.php' );
define( 'WC_ABSPATH', WP_PLUGIN_DIR . '/woocommerce/' );

// Switchboard (plugin/switchboard.php).
define( 'SWITCHBOARD_VERSION', '0.0.0' );
define( 'SWITCHBOARD_FILE', WP_PLUGIN_DIR . '/switchboard/switchboard.php' );
define( 'SWITCHBOARD_PATH', WP_PLUGIN_DIR . '/switchboard' );
