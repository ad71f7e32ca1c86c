<?php
/**
 * View counts of articles.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * Counts a view when an article page is rendered for a reader: not for HEAD requests, previews,
 * prefetches, crawlers, or the article's editors. The increment is one UPDATE, so concurrent
 * views are not lost. (A full-page cache in front of the site serves pages without PHP; such
 * sites undercount — acceptable for a "most read" signal.)
 */
final class Views {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'template_redirect', array( $this, 'maybe_count' ) );
	}

	/**
	 * Counts the current request's article view.
	 */
	public function maybe_count(): void {
		if ( ! is_singular( Articles::POST_TYPE ) || is_preview() ) {
			return;
		}
		$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
		if ( 'GET' !== $method ) {
			return;
		}
		$purpose = isset( $_SERVER['HTTP_SEC_PURPOSE'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_SEC_PURPOSE'] ) ) : '';
		$agent   = isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		if ( str_contains( $purpose, 'prefetch' ) || '' === $agent || preg_match( '/bot|crawl|spider|slurp|facebookexternalhit|preview/i', $agent ) ) {
			return;
		}
		$post_id = (int) get_queried_object_id();
		if ( $post_id <= 0 || current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		self::increment( $post_id );
	}

	/**
	 * Adds one view.
	 */
	public static function increment( int $post_id ): void {
		global $wpdb;
		$updated = $wpdb->query(
			$wpdb->prepare(
				"UPDATE {$wpdb->postmeta} SET meta_value = CAST(meta_value AS UNSIGNED) + 1 WHERE post_id = %d AND meta_key = %s",
				$post_id,
				Articles::META_VIEWS
			)
		);
		if ( 0 === $updated ) {
			add_post_meta( $post_id, Articles::META_VIEWS, 1, true );
		}
		wp_cache_delete( $post_id, 'post_meta' );
	}
}
