<?php
/**
 * The error for a refused ticket or message field.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use WP_Error;

/**
 * A 400 that names the field, so forms can show the message next to it.
 */
final class InvalidField {

	/**
	 * The error.
	 *
	 * @param string $code    Stable error code.
	 * @param string $message Translated message.
	 * @param string $field   The refused field.
	 */
	public static function error( string $code, string $message, string $field ): WP_Error {
		return new WP_Error(
			$code,
			$message,
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
	}
}
