<?php
/**
 * Search maintenance.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Search;

use Switchboard\Search\Rest\SearchIndexController;

/**
 * Wires the search-index rebuild: its REST route and the WooCommerce → Status → Tools entry.
 */
final class Module {

	/**
	 * Hooks. Nothing here queries the database.
	 */
	public function register(): void {
		( new IndexRepair() )->register();
		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );
	}

	/**
	 * REST route.
	 */
	public function register_rest_routes(): void {
		( new SearchIndexController() )->register_routes();
	}
}
