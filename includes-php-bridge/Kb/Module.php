<?php
/**
 * Knowledge base and FAQ.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Infrastructure\Registerable;

/**
 * Wires the knowledge base: articles, their search index, view counts, the help center's
 * templates and search box, the FAQ (the KB REST routes are in Plugin's one list).
 */
final class Module implements Registerable {

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

		add_filter( 'rest_post_dispatch', array( Visitor::class, 'add_retry_after' ) );
	}
}
