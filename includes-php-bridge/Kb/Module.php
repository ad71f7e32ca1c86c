<?php
/**
 * Knowledge base and FAQ.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Kb\Rest\DeflectionsController;
use Switchboard\Kb\Rest\MissingController;
use Switchboard\Kb\Rest\SearchController;
use Switchboard\Kb\Rest\VotesController;

/**
 * Wires the knowledge base: articles, their search index, view counts, the help center's
 * templates and search box, the FAQ, and the KB REST routes.
 */
final class Module {

	/**
	 * Hooks. Nothing here queries the database.
	 */
	public function register(): void {
		( new Articles() )->register();
		( new PlainTitles() )->register();
		( new SearchIndex() )->register();
		( new Views() )->register();
		( new Assets() )->register();
		( new HelpCenter() )->register();
		( new Faq() )->register();

		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );
		add_filter( 'rest_post_dispatch', array( Visitor::class, 'add_retry_after' ) );
	}

	/**
	 * KB REST routes.
	 */
	public function register_rest_routes(): void {
		foreach ( array( new SearchController(), new VotesController(), new MissingController(), new DeflectionsController() ) as $controller ) {
			$controller->register_routes();
		}
	}
}
