<?php
/**
 * The few WP-CLI APIs Switchboard calls, for PHPStan (php-stubs/wp-cli-stubs is not in the
 * registry copy this project can reach). Never loaded at runtime.
 *
 * @package Switchboard
 */

// phpcs:disable

class WP_CLI {
	/**
	 * @param string                             $name
	 * @param callable|class-string|object       $callable
	 * @param array<string, mixed>               $args
	 */
	public static function add_command( $name, $callable, $args = array() ): bool { return true; }
	/** @param string $message */
	public static function log( $message ): void {}
	/** @param string $message */
	public static function success( $message ): void {}
	/** @param string $message */
	public static function warning( $message ): void {}
	/**
	 * @param string|\WP_Error $message
	 * @param bool|int         $exit
	 * @return never
	 */
	public static function error( $message, $exit = true ) { exit( 1 ); }
}
