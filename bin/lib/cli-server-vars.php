<?php
/**
 * Fills in the $_SERVER entries WordPress reads in a web request, so that wp-load.php works
 * from the command line. The site URL comes from SWITCHBOARD_URL (set by bin/runtime.sh and
 * bin/wp-php.sh), e.g. http://localhost:8888.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

( static function (): void {
	$url  = getenv( 'SWITCHBOARD_URL' );
	$url  = is_string( $url ) && '' !== $url ? $url : 'http://localhost:8888';
	$host = (string) parse_url( $url, PHP_URL_HOST );
	$port = parse_url( $url, PHP_URL_PORT );

	$_SERVER['HTTP_HOST']       = $host . ( null !== $port ? ':' . $port : '' );
	$_SERVER['SERVER_NAME']     = $host;
	$_SERVER['SERVER_PORT']     = (string) ( $port ?? 80 );
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
	$_SERVER['HTTP_USER_AGENT'] = 'switchboard-cli';
	unset( $_SERVER['HTTPS'] );
} )();
