<?php
/**
 * The support page setting (`switchboard_support_page_id`).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use WP_Post;

/**
 * The page that shows customers their tickets: the one holding `[switchboard_account]` (or the
 * contact form, which also opens signed links). Links::support_page() reads it.
 */
final class SupportPage {

	public const OPTION = 'switchboard_support_page_id';

	/**
	 * The chosen page (0 when none, or when it is no longer a published page).
	 */
	public static function id(): int {
		$id = (int) get_option( self::OPTION, 0 );
		return $id > 0 && self::is_candidate( $id ) ? $id : 0;
	}

	/**
	 * Without a choice: the first published page holding the account screens (shortcode or block),
	 * 0 when there is none. Only links in emails need it, so it is not cached.
	 */
	public static function detect(): int {
		global $wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT ID FROM {$wpdb->posts} WHERE post_type = 'page' AND post_status = 'publish' AND post_password = '' AND ( post_content LIKE %s OR post_content LIKE %s ) ORDER BY ID ASC LIMIT 1",
				'%' . $wpdb->esc_like( '[switchboard_account' ) . '%',
				'%' . $wpdb->esc_like( '<!-- wp:switchboard/account' ) . '%'
			)
		);
	}

	/**
	 * Saves the choice (0 clears it).
	 */
	public static function set( int $page_id ): void {
		update_option( self::OPTION, max( 0, $page_id ), true );
	}

	/**
	 * Whether the post is a published, public page without a password.
	 */
	public static function is_candidate( int $page_id ): bool {
		$post = get_post( $page_id );
		return $post instanceof WP_Post && 'page' === $post->post_type && 'publish' === $post->post_status && '' === $post->post_password;
	}

	/**
	 * Whether a page's content shows the support screens or opens signed links.
	 */
	public static function shows_screens( int $page_id ): bool {
		$post = get_post( $page_id );
		return $post instanceof WP_Post && self::content_shows_screens( (string) $post->post_content );
	}

	/**
	 * Whether content holds `[switchboard_account]`, `[switchboard_contact]` or their blocks.
	 *
	 * @param string $content Post content.
	 */
	public static function content_shows_screens( string $content ): bool {
		return has_shortcode( $content, 'switchboard_account' )
			|| has_shortcode( $content, 'switchboard_contact' )
			|| str_contains( $content, '<!-- wp:switchboard/contact' )
			|| str_contains( $content, '<!-- wp:switchboard/account' );
	}

	/**
	 * Published pages to choose from: those showing the screens first, then by title.
	 *
	 * @return array<int, array{id: int, title: string, has_screens: bool}>
	 */
	public static function candidates(): array {
		$posts = get_posts(
			array(
				'post_type'        => 'page',
				'post_status'      => 'publish',
				'has_password'     => false,
				'posts_per_page'   => 100,
				'orderby'          => 'title',
				'order'            => 'ASC',
				'suppress_filters' => false,
			)
		);
		$out   = array();
		foreach ( $posts as $post ) {
			if ( $post instanceof WP_Post ) {
				$out[] = array(
					'id'          => (int) $post->ID,
					'title'       => '' !== $post->post_title ? html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ) : sprintf( /* translators: %d: page id */ __( '(no title) #%d', 'switchboard' ), $post->ID ),
					'has_screens' => self::content_shows_screens( (string) $post->post_content ),
				);
			}
		}
		usort( $out, static fn ( array $a, array $b ): int => (int) $b['has_screens'] <=> (int) $a['has_screens'] );
		return $out;
	}
}
