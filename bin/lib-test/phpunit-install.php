<?php
/**
 * Installs WordPress into the PHPUnit integration database (called by tests/php/bootstrap.php on
 * the first run; WP_INSTALLING must be defined before WordPress loads, hence a process of its own).
 *
 * Usage: php bin/lib-test/phpunit-install.php <site-dir> <url>
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php bin/lib-test/phpunit-install.php <site-dir> <url>\n" );
	exit( 2 );
}

$switchboard_site = rtrim( $argv[1], '/' );
$switchboard_url  = $argv[2];

$_SERVER['HTTP_HOST']       = (string) parse_url( $switchboard_url, PHP_URL_HOST ) . ':' . (string) parse_url( $switchboard_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = (string) parse_url( $switchboard_url, PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = (string) parse_url( $switchboard_url, PHP_URL_PORT );
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REQUEST_URI']     = '/';

define( 'WP_INSTALLING', true );

/**
 * No "your new site" e-mail (pluggable: upgrade.php defines it only when missing).
 */
function wp_new_blog_notification(): void {
}

// File scope on purpose: WordPress must load in the global scope.
require $switchboard_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

ini_set( 'display_errors', 'stderr' );

if ( is_blog_installed() ) {
	echo '[switchboard] WordPress is already installed in ' . DB_NAME . "\n";
	exit( 0 );
}

$switchboard_result = wp_install( 'Switchboard PHPUnit', 'admin', 'admin@example.com', true, '', 'password', 'en_US' );
if ( is_wp_error( $switchboard_result ) ) {
	fwrite( STDERR, '[switchboard] wp_install failed: ' . $switchboard_result->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'timezone_string', 'UTC' );

echo '[switchboard] WordPress ' . get_bloginfo( 'version' ) . ' installed in ' . DB_NAME . "\n";
