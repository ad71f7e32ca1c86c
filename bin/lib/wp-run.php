<?php
/**
 * Runs a PHP script with WordPress loaded for one runtime environment.
 *
 * Usage (through bin/wp-php.sh, which sets SWITCHBOARD_URL):
 *   php bin/lib/wp-run.php <site-dir> <script.php> [args...]
 *
 * Inside the script, $argv / $argc look as if the script had been run directly:
 * $argv[0] is the script, $argv[1..] its arguments. Errors go to stderr as well as to the
 * site's debug.log.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bin/lib/wp-run.php <site-dir> <script.php> [args...]\n" );
	exit( 2 );
}

$switchboard_site_dir = rtrim( $argv[1], '/' );
$switchboard_script   = realpath( $argv[2] );

if ( ! is_file( $switchboard_site_dir . '/wp-config.php' ) ) {
	fwrite( STDERR, "[switchboard] ERROR: no WordPress site in {$switchboard_site_dir} (run: bash bin/runtime.sh up <env>)\n" );
	exit( 1 );
}
if ( false === $switchboard_script || ! is_file( $switchboard_script ) ) {
	fwrite( STDERR, "[switchboard] ERROR: script not found: {$argv[2]}\n" );
	exit( 1 );
}

require __DIR__ . '/cli-server-vars.php';

$argv                       = array_slice( $argv, 2 );
$argv[0]                    = $switchboard_script;
$argc                       = count( $argv );
$_SERVER['argv']            = $argv;
$_SERVER['argc']            = $argc;
$_SERVER['SCRIPT_FILENAME'] = $switchboard_script;

// File scope on purpose: WordPress must load in the global scope.
require $switchboard_site_dir . '/wp-load.php';

// WP_DEBUG_DISPLAY is false for the web; on the command line show errors as well.
ini_set( 'display_errors', 'stderr' );

unset( $switchboard_site_dir );
require $switchboard_script;
