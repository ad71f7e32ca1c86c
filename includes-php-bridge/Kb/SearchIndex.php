<?php
/**
 * The knowledge base's own full-text index, and search over it.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Db\Sql;
use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;
use WP_Post;

/**
 * One row per article in `switchboard_kb_index`, written on save and removed on delete. Text goes
 * through Search\Tokenizer, so InnoDB's default FULLTEXT parser finds 返品 inside 返品ポリシー.
 * Articles whose title matches every term come first, then those matching in the body, each group
 * by relevance.
 *
 * InnoDB applies FULLTEXT changes at COMMIT: a row written inside an open transaction is not
 * found by MATCH() until then.
 */
final class SearchIndex {

	private const TITLE_WEIGHT = 3;

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'save_post_' . Articles::POST_TYPE, array( $this, 'on_save' ), 20, 2 );
		add_action( 'deleted_post', array( $this, 'on_delete' ) );
		add_action( 'updated_post_meta', array( $this, 'on_meta' ), 10, 3 );
		add_action( 'added_post_meta', array( $this, 'on_meta' ), 10, 3 );
		add_action( 'deleted_post_meta', array( $this, 'on_meta' ), 10, 3 );
	}

	/**
	 * Reindexes on save (autosaves are revisions and never reach this hook).
	 *
	 * @param int     $post_id Post ID.
	 * @param WP_Post $post    Post.
	 */
	public function on_save( int $post_id, WP_Post $post ): void {
		$this->index_post( $post );
	}

	/**
	 * Drops a deleted article from the index.
	 *
	 * @param int $post_id Post ID.
	 */
	public function on_delete( $post_id ): void {
		global $wpdb;
		$wpdb->delete( Schema::table( 'kb_index' ), array( 'post_id' => (int) $post_id ), array( '%d' ) );
	}

	/**
	 * Reindexes when the internal flag changes.
	 *
	 * @param int|int[] $meta_id  Meta ID(s).
	 * @param int       $post_id  Post ID.
	 * @param string    $meta_key Meta key.
	 */
	public function on_meta( $meta_id, $post_id, $meta_key ): void {
		unset( $meta_id );
		if ( Articles::META_INTERNAL !== $meta_key ) {
			return;
		}
		$post = get_post( (int) $post_id );
		if ( $post instanceof WP_Post && Articles::POST_TYPE === $post->post_type ) {
			$this->index_post( $post );
		}
	}

	/**
	 * Writes (or replaces) the index row of one article.
	 */
	public function index_post( WP_Post $post ): void {
		global $wpdb;

		if ( Articles::POST_TYPE !== $post->post_type ) {
			return;
		}
		if ( in_array( $post->post_status, array( 'trash', 'auto-draft', 'inherit' ), true ) ) {
			$this->on_delete( $post->ID );
			return;
		}

		$title = self::plain( $post->post_title );
		$body  = self::plain( $post->post_excerpt . "\n" . $post->post_content );

		$wpdb->replace(
			Schema::table( 'kb_index' ),
			array(
				'post_id'      => $post->ID,
				'is_internal'  => Articles::is_internal( $post->ID ) ? 1 : 0,
				'is_published' => ( 'publish' === $post->post_status && '' === $post->post_password ) ? 1 : 0,
				'modified_at'  => $post->post_modified_gmt && '0000-00-00 00:00:00' !== $post->post_modified_gmt ? $post->post_modified_gmt : current_time( 'mysql', true ),
				'title_text'   => Tokenizer::index( $title ),
				'search_text'  => Tokenizer::index( $title . "\n" . $body ),
			),
			array( '%d', '%d', '%d', '%s', '%s', '%s' )
		);
	}

	/**
	 * Rebuilds the whole index (after an import, or from the bench). Returns the number of rows.
	 */
	public function rebuild(): int {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'kb_index' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name only.
		$count = 0;
		$last  = 0;
		do {
			$ids = $wpdb->get_col(
				$wpdb->prepare(
					"SELECT ID FROM {$wpdb->posts} WHERE post_type = %s AND post_status NOT IN ('trash','auto-draft','inherit') AND ID > %d ORDER BY ID LIMIT 500",
					Articles::POST_TYPE,
					$last
				)
			);
			foreach ( $ids as $id ) {
				$post = get_post( (int) $id );
				if ( $post instanceof WP_Post ) {
					$this->index_post( $post );
					++$count;
				}
				$last = (int) $id;
			}
			wp_cache_flush_runtime();
			$batch = count( $ids );
		} while ( 500 === $batch );
		return $count;
	}

	/**
	 * Searches published articles. Internal ones only when asked (callers check the capability).
	 *
	 * @param string $query            What the visitor typed.
	 * @param int    $limit            Maximum results.
	 * @param bool   $include_internal Whether internal articles may be returned.
	 * @param int    $term_id          Restrict to one category (and its children), 0 for all.
	 * @return array<int, array{id: int, score: float}> Best first.
	 */
	public function search( string $query, int $limit = 10, bool $include_internal = false, int $term_id = 0 ): array {
		global $wpdb;

		$expression = Tokenizer::query( $query );
		if ( '' === $expression ) {
			return array();
		}

		$limit = max( 1, $limit );
		if ( $term_id > 0 ) {
			return $this->search_in_category( $expression, $limit, $include_internal, $term_id );
		}

		// Two ranked passes that InnoDB answers from its FULLTEXT index with ORDER BY … LIMIT:
		// title matches first, then body matches. Rows the visitor may not see are dropped in PHP
		// (a few internal/unpublished rows), so each pass over-fetches a little.
		$ranking = new Ranking( $limit, $include_internal );
		foreach ( array(
			'title_text'  => self::TITLE_WEIGHT,
			'search_text' => 1,
		) as $column => $weight ) {
			if ( $ranking->add( $this->ranked( $column, $expression, $limit * 3 + 5 ), (float) $weight ) ) {
				break;
			}
		}
		return $ranking->hits();
	}

	/**
	 * Best rows for one FULLTEXT column.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function ranked( string $column, string $expression, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'kb_index' );
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names are constants.
				"SELECT post_id, is_internal, is_published, MATCH({$column}) AGAINST(%s IN BOOLEAN MODE) AS score FROM {$table} WHERE MATCH({$column}) AGAINST(%s IN BOOLEAN MODE) ORDER BY MATCH({$column}) AGAINST(%s IN BOOLEAN MODE) DESC LIMIT %d",
				$expression,
				$expression,
				$expression,
				$limit
			),
			ARRAY_A
		);
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Search restricted to a category (and its children): one query with the term join.
	 *
	 * @return array<int, array{id: int, score: float}>
	 */
	private function search_in_category( string $expression, int $limit, bool $include_internal, int $term_id ): array {
		global $wpdb;
		$table    = Schema::table( 'kb_index' );
		$where    = 'i.is_published = 1' . ( $include_internal ? '' : ' AND i.is_internal = 0' );
		$terms    = array_merge( array( $term_id ), array_map( 'intval', (array) get_term_children( $term_id, Articles::TAXONOMY ) ) );
		$term_sql = $wpdb->prepare(
			" AND i.post_id IN ( SELECT tr.object_id FROM {$wpdb->term_relationships} tr INNER JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id WHERE tt.taxonomy = %s AND tt.term_id IN (" . Sql::placeholders( $terms ) . ') )',
			array_merge( array( Articles::TAXONOMY ), $terms )
		);

		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and fixed fragments; values are placeholders.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT t.post_id, ( t.title_score * %d + t.body_score ) AS score FROM (
					SELECT i.post_id, MATCH(i.title_text) AGAINST(%s IN BOOLEAN MODE) AS title_score, MATCH(i.search_text) AGAINST(%s IN BOOLEAN MODE) AS body_score
					FROM {$table} i
					WHERE {$where} AND MATCH(i.search_text) AGAINST(%s IN BOOLEAN MODE){$term_sql}
				) t
				ORDER BY ( t.title_score > 0 ) DESC, score DESC, t.post_id DESC
				LIMIT %d",
				self::TITLE_WEIGHT,
				$expression,
				$expression,
				$expression,
				$limit
			),
			ARRAY_A
		);
		// phpcs:enable

		return array_map(
			static fn ( array $row ): array => array(
				'id'    => (int) $row['post_id'],
				'score' => round( (float) $row['score'], 4 ),
			),
			is_array( $rows ) ? $rows : array()
		);
	}

	/**
	 * Text without markup, block comments, shortcodes or entities.
	 */
	private static function plain( string $html ): string {
		return Text::plain( strip_shortcodes( $html ) );
	}
}
