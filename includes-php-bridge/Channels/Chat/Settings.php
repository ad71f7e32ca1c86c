<?php
/**
 * Chat settings: one option, with defaults and validation.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

/**
 * Reads and writes `switchboard_chat_settings`. The option is autoloaded: the storefront reads it
 * on every page to decide whether to print the launcher, and the fast "anything new?" path reads
 * it without a query.
 */
final class Settings {

	public const OPTION = 'switchboard_chat_settings';

	/**
	 * Longest visitor message, in characters.
	 */
	public const MAX_LENGTH = 2000;

	/**
	 * Defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults(): array {
		return array(
			'enabled'       => true,
			'color'         => '#2271b1',
			'greeting'      => __( 'Hi! How can we help you today?', 'switchboard' ),
			'position'      => 'right',
			'show_on'       => 'all',
			'page_ids'      => array(),
			'bot_enabled'   => true,
			'hours_enabled' => false,
			// Index 0 = Sunday … 6 = Saturday, "HH:MM-HH:MM" in the site's timezone, "" = closed.
			'hours'         => array( '', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '' ),
		);
	}

	/**
	 * Current settings merged over the defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		$stored = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $stored ) ? $stored : array() );
	}

	/**
	 * The stored settings without translated defaults, for code that runs before `init` (the
	 * fast poll path must not load translations early).
	 *
	 * @return array<string, mixed>
	 */
	public static function raw(): array {
		$stored = get_option( self::OPTION, array() );
		return ( is_array( $stored ) ? $stored : array() ) + array(
			'enabled'       => true,
			'hours_enabled' => false,
			'hours'         => array(),
		);
	}

	/**
	 * Validates and stores a partial update; returns the new settings or an error.
	 *
	 * @param array<string, mixed> $changes Changed keys.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function update( array $changes ) {
		$settings = self::get();
		foreach ( $changes as $key => $value ) {
			switch ( $key ) {
				case 'enabled':
				case 'bot_enabled':
				case 'hours_enabled':
					if ( ! is_bool( $value ) ) {
						return self::invalid( $key );
					}
					$settings[ $key ] = $value;
					break;
				case 'color':
					$color = sanitize_hex_color( (string) $value );
					if ( ! $color ) {
						return self::invalid( $key );
					}
					$settings[ $key ] = $color;
					break;
				case 'greeting':
					if ( ! is_string( $value ) || mb_strlen( $value ) > 500 ) {
						return self::invalid( $key );
					}
					$settings[ $key ] = sanitize_textarea_field( $value );
					break;
				case 'position':
					if ( ! in_array( $value, array( 'left', 'right' ), true ) ) {
						return self::invalid( $key );
					}
					$settings[ $key ] = $value;
					break;
				case 'show_on':
					if ( ! in_array( $value, array( 'all', 'selected', 'except' ), true ) ) {
						return self::invalid( $key );
					}
					$settings[ $key ] = $value;
					break;
				case 'page_ids':
					if ( ! is_array( $value ) || count( $value ) > 500 ) {
						return self::invalid( $key );
					}
					foreach ( $value as $page_id ) {
						if ( ! is_int( $page_id ) && ! ( is_string( $page_id ) && ctype_digit( $page_id ) ) ) {
							return self::invalid( $key );
						}
					}
					$settings[ $key ] = array_values( array_unique( array_filter( array_map( 'absint', $value ) ) ) );
					break;
				case 'hours':
					$hours = is_array( $value ) ? array_values( $value ) : array();
					if ( 7 !== count( $hours ) ) {
						return self::invalid( $key );
					}
					foreach ( $hours as $range ) {
						if ( ! is_string( $range ) || ( '' !== $range && ! preg_match( '/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/', $range ) ) ) {
							return self::invalid( $key );
						}
						if ( '' !== $range && substr( $range, 0, 5 ) >= substr( $range, 6 ) ) {
							// Opening must come before closing (overnight hours are two days' ranges).
							return self::invalid( $key );
						}
					}
					$settings[ $key ] = array_map( 'strval', $hours );
					break;
				default:
					return self::invalid( (string) $key );
			}
		}
		update_option( self::OPTION, $settings, true );
		return $settings;
	}

	/**
	 * Whether "now" is inside business hours (always true when hours are off).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @param int|null             $now      Timestamp (tests).
	 */
	public static function within_hours( array $settings, ?int $now = null ): bool {
		if ( empty( $settings['hours_enabled'] ) ) {
			return true;
		}
		$date  = ( new \DateTimeImmutable( '@' . ( $now ?? time() ) ) )->setTimezone( wp_timezone() );
		$range = (string) ( $settings['hours'][ (int) $date->format( 'w' ) ] ?? '' );
		if ( '' === $range ) {
			return false;
		}
		list( $from, $to ) = explode( '-', $range );
		$current           = $date->format( 'H:i' );
		return $current >= $from && $current < $to;
	}

	/**
	 * Validation error for one field.
	 */
	private static function invalid( string $field ): \WP_Error {
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: setting name */
			sprintf( __( 'Invalid chat setting: %s', 'switchboard' ), $field ),
			array(
				'status' => 400,
				'params' => array( $field => __( 'This value is not accepted.', 'switchboard' ) ),
			)
		);
	}
}
