<?php
/**
 * Rebuilds Switchboard's full-text search indexes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Search;

use Switchboard\Db\Schema;
use Switchboard\Kb\Articles;
use Switchboard\Kb\SearchIndex;
use WP_Error;

/**
 * Ticket, message and knowledge-base search run on InnoDB FULLTEXT indexes. After an unclean
 * MariaDB shutdown, InnoDB can restart its full-text document ids below ids it has recorded as
 * deleted (MDEV-34057): every row written afterwards is then missing from search, with no error
 * anywhere. Recreating the tables (ALTER TABLE … FORCE) rebuilds their FULLTEXT indexes with
 * fresh ids; the knowledge-base documents are then derived again from the articles.
 *
 * Offered to store managers in Settings → General and, with WooCommerce, in
 * WooCommerce → Status → Tools (as WooCommerce offers for its own order-address index).
 * Tables are locked for writes while each is rebuilt, so it is a tool to run on purpose.
 */
final class IndexRepair {

	/**
	 * WooCommerce tool id.
	 */
	public const TOOL = 'switchboard_rebuild_search_index';

	/**
	 * Advisory lock: one rebuild at a time.
	 */
	private const LOCK = 'switchboard_search_index_rebuild';

	/**
	 * Adds the WooCommerce → Status → Tools entry.
	 */
	public function register(): void {
		add_filter( 'woocommerce_debug_tools', array( $this, 'woocommerce_tool' ) );
	}

	/**
	 * The WooCommerce tool definition.
	 *
	 * @param array<string, mixed> $tools Tools.
	 * @return array<string, mixed>
	 */
	public function woocommerce_tool( $tools ): array {
		$tools               = (array) $tools;
		$tools[ self::TOOL ] = array(
			'name'     => __( 'Rebuild Switchboard search index', 'switchboard' ),
			'button'   => __( 'Rebuild search index', 'switchboard' ),
			'desc'     => __( 'Rebuilds the full-text indexes of tickets, messages and help articles. Use it when search misses tickets or articles that exist, for example after the database server was not shut down cleanly. Writes to those tables wait while it runs.', 'switchboard' ),
			'callback' => array( $this, 'run_tool' ),
		);
		return $tools;
	}

	/**
	 * WooCommerce tool callback: a message (string) on success, an Exception on failure, as
	 * WooCommerce's tools controller expects.
	 *
	 * @return string
	 * @throws \RuntimeException When the rebuild fails.
	 */
	public function run_tool(): string {
		$result = $this->run();
		if ( $result instanceof WP_Error ) {
			throw new \RuntimeException( esc_html( $result->get_error_message() ) );
		}
		return self::summary( $result );
	}

	/**
	 * One line for a finished rebuild.
	 *
	 * @param array{tables: string[], articles: int, seconds: float} $result Result of run().
	 */
	public static function summary( array $result ): string {
		return sprintf(
			/* translators: 1: number of tables, 2: number of articles, 3: seconds */
			__( 'Search index rebuilt: %1$d tables, %2$d help articles, in %3$s seconds.', 'switchboard' ),
			count( $result['tables'] ),
			$result['articles'],
			number_format_i18n( $result['seconds'], 1 )
		);
	}

	/**
	 * Switchboard's tables that have a FULLTEXT index (read from the database, so tables added
	 * later are covered too).
	 *
	 * @return string[]
	 */
	public function tables(): array {
		global $wpdb;
		$like = $wpdb->esc_like( $wpdb->prefix . 'switchboard_' ) . '%';
		$rows = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT DISTINCT TABLE_NAME FROM information_schema.STATISTICS
				WHERE TABLE_SCHEMA = DATABASE() AND INDEX_TYPE = 'FULLTEXT' AND TABLE_NAME LIKE %s
				ORDER BY TABLE_NAME",
				$like
			)
		);
		return array_map( 'strval', (array) $rows );
	}

	/**
	 * Rebuilds every FULLTEXT table, then the knowledge-base documents.
	 *
	 * @return array{tables: string[], articles: int, seconds: float}|WP_Error
	 */
	public function run() {
		global $wpdb;
		if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', self::LOCK ) ) ) {
			return new WP_Error( 'switchboard_busy', __( 'The search index is already being rebuilt. Try again in a few minutes.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$started = microtime( true );
		try {
			if ( function_exists( 'set_time_limit' ) ) {
				set_time_limit( 0 ); // phpcs:ignore Squiz.PHP.DiscouragedFunctions.Discouraged -- large shops need minutes.
			}
			$tables = $this->tables();
			foreach ( $tables as $table ) {
				// A table name read from information_schema just above, quoted as an identifier.
				$ok = $wpdb->query( 'ALTER TABLE `' . str_replace( '`', '``', $table ) . '` FORCE' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange
				if ( false === $ok ) {
					return new WP_Error(
						'switchboard_search_rebuild_failed',
						/* translators: 1: table, 2: database error */
						sprintf( __( 'Could not rebuild %1$s: %2$s', 'switchboard' ), $table, $wpdb->last_error ),
						array( 'status' => 500 )
					);
				}
			}
			$articles = ( new SearchIndex() )->rebuild();
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::LOCK ) );
		}
		/**
		 * Fires after the search indexes were rebuilt.
		 *
		 * @since 0.1.0
		 *
		 * @param string[] $tables   Tables rebuilt.
		 * @param int      $articles Knowledge-base articles indexed again.
		 */
		do_action( 'switchboard_search_index_rebuilt', $tables, $articles );
		return array(
			'tables'   => $tables,
			'articles' => $articles,
			'seconds'  => round( microtime( true ) - $started, 2 ),
		);
	}

	/**
	 * Published help articles, and how many of them the search index holds.
	 *
	 * @return array{published: int, indexed: int}
	 */
	public function article_counts(): array {
		global $wpdb;
		$published = (int) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s AND post_status = 'publish' AND post_password = ''",
				Articles::POST_TYPE
			)
		);
		$indexed   = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'kb_index' ) . ' WHERE is_published = 1' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name only.
		return array(
			'published' => $published,
			'indexed'   => $indexed,
		);
	}
}
