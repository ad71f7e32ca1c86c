<?php
/**
 * Search maintenance.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Search;

use Switchboard\Infrastructure\Registerable;

/**
 * Wires the search-index rebuild: the WooCommerce → Status → Tools entry.
 */
final class Module implements Registerable {

	/**
	 * Hooks. Nothing here queries the database.
	 */
	public function register(): void {
		( new IndexRepair() )->register();
	}
}
