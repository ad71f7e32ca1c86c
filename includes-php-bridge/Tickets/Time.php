<?php
/**
 * UTC time helpers: the database stores UTC DATETIME, REST speaks ISO 8601.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * Conversions between MySQL DATETIME (UTC) and ISO 8601.
 */
final class Time {

	/**
	 * Now, UTC, MySQL format.
	 */
	public static function now(): string {
		return gmdate( 'Y-m-d H:i:s' );
	}

	/**
	 * ISO 8601 (UTC, "Z") for a stored DATETIME; null stays null.
	 */
	public static function iso( ?string $mysql ): ?string {
		if ( null === $mysql || '' === $mysql || '0000-00-00 00:00:00' === $mysql ) {
			return null;
		}
		return str_replace( ' ', 'T', $mysql ) . 'Z';
	}

	/**
	 * Stored DATETIME for any date string PHP understands (ISO 8601 with offset, RFC 2822 …).
	 */
	public static function to_mysql( string $date ): ?string {
		$timestamp = strtotime( $date );
		return false === $timestamp ? null : gmdate( 'Y-m-d H:i:s', $timestamp );
	}
}
