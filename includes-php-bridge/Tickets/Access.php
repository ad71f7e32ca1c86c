<?php
/**
 * Who may see which ticket: agents, the customer who owns it, or a holder of its signed link.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Auth\Capabilities;

/**
 * Ownership checks and signed guest links.
 */
final class Access {

	/**
	 * Customer id of the logged-in user (0 for guests and for users without a customer record).
	 */
	public static function current_customer_id(): int {
		$user_id = get_current_user_id();
		return $user_id > 0 ? ( new Customers() )->for_user( $user_id ) : 0;
	}

	/**
	 * Whether the logged-in user is the ticket's customer.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function owns( array $ticket ): bool {
		$customer = self::current_customer_id();
		return $customer > 0 && $customer === (int) $ticket['customer_id'];
	}

	/**
	 * Whether the current user (or a token) may read the ticket as its customer.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function can_view_as_customer( array $ticket, string $token = '' ): bool {
		if ( '' !== $token && self::verify_token( $ticket, $token ) ) {
			return true;
		}
		// A ticket on an address a visitor typed is hers only once she confirmed it (SenderCheck).
		return self::owns( $ticket ) && ! SenderCheck::is_pending( (int) $ticket['id'] );
	}

	/**
	 * Whether the current user may see the ticket at all (agents see every ticket).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function can_view( array $ticket, string $token = '' ): bool {
		return current_user_can( Capabilities::AGENT ) || self::can_view_as_customer( $ticket, $token );
	}

	/**
	 * How long a signed link works, in seconds (90 days unless filtered).
	 */
	public static function link_ttl(): int {
		/**
		 * Filters how long a signed link to a ticket (mailed to its customer) keeps working.
		 *
		 * @since 0.2.0
		 *
		 * @param int $ttl Seconds; default 90 days. At least one hour is used.
		 */
		return max( HOUR_IN_SECONDS, (int) apply_filters( 'switchboard_signed_link_ttl', 90 * DAY_IN_SECONDS ) );
	}

	/**
	 * The signed token of a guest link: 8 hex digits of its expiry (Unix time) and 24 of an HMAC
	 * over version, ticket, expiry, the ticket's secret and the site salt. 32 lower-case hex
	 * characters, like the unversioned tokens mailed before 0.2.0. Rotating the ticket's secret
	 * (SignedLinks::revoke()) invalidates every token made before.
	 *
	 * @param array<string, mixed> $ticket  Ticket row.
	 * @param int|null             $expires Expiry (Unix time); by default link_ttl() from the end of the
	 *                                      current day (of the current hour for a TTL under a
	 *                                      week), so every link to a ticket made in that period is
	 *                                      the same link.
	 */
	public static function token( array $ticket, ?int $expires = null ): string {
		if ( null === $expires ) {
			$ttl     = self::link_ttl();
			$step    = $ttl >= WEEK_IN_SECONDS ? DAY_IN_SECONDS : HOUR_IN_SECONDS;
			$expires = ( intdiv( time(), $step ) + 1 ) * $step + $ttl;
		}
		$expiry = sprintf( '%08x', min( 0xffffffff, max( 0, $expires ) ) );
		return $expiry . substr( hash_hmac( 'sha256', 'ticket-link:v2:' . (int) $ticket['id'] . ':' . $expiry, (string) $ticket['secret'] . wp_salt( 'auth' ) ), 0, 24 );
	}

	/**
	 * The unversioned token mailed before 0.2.0 (no expiry). Still accepted, until the ticket's
	 * secret is rotated ("Revoke links"): those mails are out there and cannot be re-sent.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	private static function legacy_token( array $ticket ): string {
		return substr( hash_hmac( 'sha256', 'ticket:' . (int) $ticket['id'], (string) $ticket['secret'] . wp_salt( 'auth' ) ), 0, 32 );
	}

	/**
	 * What a token is worth for a ticket: 'valid', 'expired' (signed for this ticket and secret, but
	 * past its expiry) or 'invalid' (anything else, a token from before a revocation included).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function token_state( array $ticket, string $token ): string {
		if ( '' === (string) $ticket['secret'] || 1 !== preg_match( '/^[a-f0-9]{32}$/', $token ) ) {
			return 'invalid';
		}
		$expires = (int) hexdec( substr( $token, 0, 8 ) );
		if ( hash_equals( self::token( $ticket, $expires ), $token ) ) {
			return $expires >= time() ? 'valid' : 'expired';
		}
		return hash_equals( self::legacy_token( $ticket ), $token ) ? 'valid' : 'invalid';
	}

	/**
	 * Constant-time token check (signature and expiry).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function verify_token( array $ticket, string $token ): bool {
		return 'valid' === self::token_state( $ticket, $token );
	}
}
