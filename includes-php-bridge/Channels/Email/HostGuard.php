<?php
/**
 * Which mail servers a mailbox may connect to, and what a failed connection tells the client.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use WP_Error;

/**
 * A mailbox's IMAP and SMTP hosts are typed by a manager, and the site connects to them (test
 * buttons, polling, sending). Without a guard that makes the site a probe of its own network:
 * loopback, private and link-local addresses (cloud metadata at 169.254.169.254) are refused unless
 * `switchboard_mailbox_allow_private_hosts` allows them (a mail server on the LAN, the local test
 * runtime). The host is resolved (IPv4 and IPv6) and every address must be public.
 *
 * A failed connection answers the client with one generic sentence; the server's own words (its
 * banner, "authentication failed for user …") go to the debug log only.
 */
final class HostGuard {

	/**
	 * Refused ranges: [ network, prefix length ].
	 */
	private const RANGES = array(
		array( '0.0.0.0', 8 ),
		array( '10.0.0.0', 8 ),
		array( '100.64.0.0', 10 ),
		array( '127.0.0.0', 8 ),
		array( '169.254.0.0', 16 ),
		array( '172.16.0.0', 12 ),
		array( '192.168.0.0', 16 ),
		array( '224.0.0.0', 4 ),
		array( '240.0.0.0', 4 ),
		array( '::', 128 ),
		array( '::1', 128 ),
		array( 'fc00::', 7 ),
		array( 'fe80::', 10 ),
		array( 'ff00::', 8 ),
	);

	/**
	 * Whether private and reserved hosts are allowed.
	 *
	 * @param string $host The host about to be used.
	 */
	private static function private_allowed( string $host ): bool {
		/**
		 * Filters whether mailboxes may use hosts on loopback, private, link-local or reserved
		 * addresses (127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, 0/8, ::1, fc00::/7, fe80::/10, …).
		 * Off by default: the site would otherwise connect wherever a manager points it.
		 *
		 * @since 0.2.0
		 *
		 * @param bool   $allow Default false.
		 * @param string $host  The IMAP or SMTP host.
		 */
		return (bool) apply_filters( 'switchboard_mailbox_allow_private_hosts', false, $host );
	}

	/**
	 * The error for a refused host, or null when the host may be used.
	 *
	 * @param string $host  Host name or IP literal.
	 * @param string $field The input field (imap_host, smtp_host).
	 */
	public static function check( string $host, string $field ): ?WP_Error {
		$host = trim( $host, " \t[]" );
		if ( '' === $host || self::private_allowed( $host ) ) {
			return null;
		}
		foreach ( self::resolve( $host ) as $ip ) {
			if ( self::is_private( $ip ) ) {
				return new WP_Error(
					'switchboard_private_host',
					__( 'This host is on a private or reserved network address. Use the mail server’s public host name.', 'switchboard' ),
					array(
						'status' => 400,
						'field'  => $field,
					)
				);
			}
		}
		return null;
	}

	/**
	 * The host's addresses (the literal itself, else its A and AAAA records).
	 *
	 * @return string[]
	 */
	private static function resolve( string $host ): array {
		if ( false !== filter_var( $host, FILTER_VALIDATE_IP ) ) {
			return array( $host );
		}
		$ips = gethostbynamel( $host );
		$ips = is_array( $ips ) ? $ips : array();
		if ( function_exists( 'dns_get_record' ) ) {
			$records = @dns_get_record( $host, DNS_AAAA ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an unknown host is an answer, not a warning.
			foreach ( is_array( $records ) ? $records : array() as $record ) {
				if ( isset( $record['ipv6'] ) ) {
					$ips[] = (string) $record['ipv6'];
				}
			}
		}
		return array_values( array_unique( $ips ) );
	}

	/**
	 * Whether an address is loopback, private, link-local or reserved (IPv4-mapped IPv6 included).
	 */
	public static function is_private( string $ip ): bool {
		$packed = @inet_pton( $ip ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
		if ( false === $packed ) {
			return true;
		}
		if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			$packed = substr( $packed, 12 );
		}
		foreach ( self::RANGES as list( $network, $bits ) ) {
			$net = (string) inet_pton( $network );
			if ( strlen( $net ) === strlen( $packed ) && self::in_range( $packed, $net, $bits ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the first $bits bits of two packed addresses match.
	 */
	private static function in_range( string $ip, string $net, int $bits ): bool {
		$bytes = intdiv( $bits, 8 );
		if ( substr( $ip, 0, $bytes ) !== substr( $net, 0, $bytes ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $ip[ $bytes ] ) & $mask ) === ( ord( $net[ $bytes ] ) & $mask );
	}

	/**
	 * The generic answer to a failed test; the detail goes to the debug log only.
	 *
	 * @param string $code   Error code.
	 * @param string $detail What the server or the client library said.
	 */
	public static function connection_failed( string $code, string $detail ): WP_Error {
		if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
			error_log( 'Switchboard mailbox test (' . $code . '): ' . $detail ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- debug log only, never the client.
		}
		return new WP_Error(
			$code,
			__( 'Could not connect or log in; check the host, port and credentials.', 'switchboard' ),
			array( 'status' => 422 )
		);
	}

	/**
	 * The error when a test or save would send the stored password to other server settings.
	 *
	 * @param string $field The password field (imap_password, smtp_password).
	 */
	public static function password_required( string $field ): WP_Error {
		return new WP_Error(
			'switchboard_password_required',
			__( 'The host, port or user name changed: type the password again. The saved password is only used with the saved server settings.', 'switchboard' ),
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
	}

	/**
	 * Whether $changed names a different server or account than $saved for these keys.
	 *
	 * @param array<string, mixed> $saved   Saved values.
	 * @param array<string, mixed> $changed Input values.
	 * @param string[]             $keys    Keys compared (host, port, user).
	 */
	public static function differs( array $saved, array $changed, array $keys ): bool {
		foreach ( $keys as $key ) {
			if ( array_key_exists( $key, $changed ) && strtolower( trim( (string) $changed[ $key ] ) ) !== strtolower( trim( (string) ( $saved[ $key ] ?? '' ) ) ) ) {
				return true;
			}
		}
		return false;
	}
}
