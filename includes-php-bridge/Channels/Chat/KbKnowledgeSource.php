<?php
/**
 * The chat bot's knowledge source: Switchboard's own knowledge base.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;

/**
 * Searches with Kb\SearchIndex when the KB module is loaded, else straight from its
 * `kb_index` table; records deflections with Kb\Deflections (source "chat").
 */
final class KbKnowledgeSource implements KnowledgeSource {

	/**
	 * {@inheritDoc}
	 */
	public function search( string $query, int $limit ): array {
		$ids = array();
		if ( class_exists( \Switchboard\Kb\SearchIndex::class ) ) {
			$ids = array_column( ( new \Switchboard\Kb\SearchIndex() )->search( $query, $limit ), 'id' );
		} else {
			$ids = $this->search_table( $query, $limit );
		}
		$out = array();
		foreach ( $ids as $id ) {
			$post = get_post( (int) $id );
			if ( ! $post || 'publish' !== $post->post_status || '' !== $post->post_password ) {
				continue;
			}
			$excerpt = '' !== trim( $post->post_excerpt ) ? $post->post_excerpt : $post->post_content;
			$excerpt = wp_strip_all_tags( strip_shortcodes( (string) preg_replace( '/<!--.*?-->/s', ' ', $excerpt ) ) );
			$out[]   = array(
				'id'      => (int) $post->ID,
				'title'   => html_entity_decode( get_the_title( $post ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ),
				'excerpt' => html_entity_decode( wp_trim_words( $excerpt, 28, '…' ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ),
				'url'     => (string) get_permalink( $post ),
			);
		}
		return $out;
	}

	/**
	 * {@inheritDoc}
	 */
	public function record_deflection( string $session, int $article_id, string $query, int $user_id ): void {
		if ( class_exists( \Switchboard\Kb\Deflections::class ) ) {
			( new \Switchboard\Kb\Deflections() )->opened( $session, $article_id, $query, 'chat', $user_id );
		}
	}

	/**
	 * {@inheritDoc}
	 */
	public function record_not_deflected( string $session, int $ticket_id ): void {
		if ( class_exists( \Switchboard\Kb\Deflections::class ) ) {
			( new \Switchboard\Kb\Deflections() )->submitted( $session, $ticket_id );
		}
	}

	/**
	 * Fallback search straight from the KB's index table.
	 *
	 * @return int[]
	 */
	private function search_table( string $query, int $limit ): array {
		global $wpdb;
		$expression = Tokenizer::query( $query );
		if ( '' === $expression ) {
			return array();
		}
		$table = Schema::table( 'kb_index' );
		$ids   = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT post_id FROM $table WHERE is_published = 1 AND is_internal = 0 AND MATCH(search_text) AGAINST(%s IN BOOLEAN MODE) ORDER BY MATCH(search_text) AGAINST(%s IN BOOLEAN MODE) DESC LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$expression,
				$expression,
				$limit
			)
		);
		return array_map( 'intval', (array) $ids );
	}
}
