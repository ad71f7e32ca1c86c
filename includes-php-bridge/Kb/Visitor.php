<?php
/**
 * Who the anonymous visitor is, for vote de-duplication and rate limits.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Security\RateLimiter;

/**
 * The user ID when logged in, else a keyed hash of the IP address (no raw addresses are stored).
 */
final class Visitor {

	/**
	 * A stable key for the current visitor ("u42" or "g" + 32 hex).
	 */
	public static function key(): string {
		$user_id = get_current_user_id();
		if ( $user_id > 0 ) {
			return 'u' . $user_id;
		}
		return 'g' . substr( wp_hash( RateLimiter::ip(), 'nonce' ), 0, 32 );
	}

	/**
	 * Rate-limits the current visitor: per user when logged in (a higher limit), per IP otherwise.
	 *
	 * @param string $name        Limit name (kb_search, kb_vote, …).
	 * @param int    $guest_limit Hits per window for guests (per IP).
	 * @param int    $user_limit  Hits per window for logged-in users.
	 * @param int    $window      Seconds.
	 * @return true|\WP_Error
	 */
	public static function limit( string $name, int $guest_limit, int $user_limit, int $window ) {
		$user_id = get_current_user_id();
		return $user_id > 0
			? RateLimiter::hit( $name . ':user:' . $user_id, $user_limit, $window )
			: RateLimiter::hit( $name . ':ip:' . RateLimiter::ip(), $guest_limit, $window );
	}

	/**
	 * Adds Retry-After to 429 `switchboard_rate_limited` responses (hooked on rest_post_dispatch).
	 *
	 * @param mixed $response Response.
	 * @return mixed
	 */
	public static function add_retry_after( $response ) {
		if ( $response instanceof \WP_HTTP_Response && 429 === $response->get_status() ) {
			$data = $response->get_data();
			if ( is_array( $data ) && 'switchboard_rate_limited' === ( $data['code'] ?? '' ) && isset( $data['data']['retry_after'] ) && ! isset( $response->get_headers()['Retry-After'] ) ) {
				$response->header( 'Retry-After', (string) (int) $data['data']['retry_after'] );
			}
		}
		return $response;
	}
}
