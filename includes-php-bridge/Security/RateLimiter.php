<?php
/**
 * Fixed-window rate limits for public endpoints.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Security;

use WP_Error;

/**
 * Counts hits per bucket (e.g. "contact:ip:203.0.113.9") in a transient window. Works with and
 * without a persistent object cache (transients then live in the options table).
 */
final class RateLimiter {

	/**
	 * Records a hit; a WP_Error (429) once the bucket is over its limit for this window.
	 *
	 * @param string $bucket Bucket name (hashed before use).
	 * @param int    $limit  Hits allowed per window.
	 * @param int    $window Window length in seconds.
	 * @return true|WP_Error
	 */
	public static function hit( string $bucket, int $limit, int $window ) {
		/**
		 * Filters a rate limit (hits per window) for one bucket kind.
		 *
		 * @since 0.1.0
		 *
		 * @param int    $limit  Hits allowed.
		 * @param string $bucket Bucket name.
		 */
		$limit = (int) apply_filters( 'switchboard_rate_limit', $limit, $bucket );
		$slot  = (int) floor( time() / max( 1, $window ) );
		$key   = 'sb_rl_' . substr( md5( $bucket . '|' . $slot ), 0, 20 );
		$count = (int) get_transient( $key );
		if ( $count >= $limit ) {
			return new WP_Error(
				'switchboard_rate_limited',
				__( 'Too many requests. Please wait a moment and try again.', 'switchboard' ),
				array(
					'status'      => 429,
					'retry_after' => $window - ( time() % max( 1, $window ) ),
				)
			);
		}
		set_transient( $key, $count + 1, $window );
		return true;
	}

	/**
	 * The client's IP address (REMOTE_ADDR; proxies must be configured to set it).
	 */
	public static function ip(): string {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		return (string) filter_var( $ip, FILTER_VALIDATE_IP ) ?: '0.0.0.0';
	}
}
