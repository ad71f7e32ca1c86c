<?php
/**
 * Something that only runs under a condition.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Infrastructure;

/**
 * A module that Plugin constructs and registers only when is_needed() says so (the WooCommerce
 * bridge, only while WooCommerce is active).
 */
interface Conditional {

	/**
	 * Whether the module should be constructed and registered on this request.
	 */
	public static function is_needed(): bool;
}
