<?php
/**
 * Something that adds its hooks.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Infrastructure;

/**
 * A module (or service) whose register() adds its WordPress hooks. Registering must not query
 * the database: every request pays for it.
 */
interface Registerable {

	/**
	 * Adds the hooks.
	 */
	public function register(): void;
}
