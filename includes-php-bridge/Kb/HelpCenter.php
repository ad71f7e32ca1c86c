<?php
/**
 * The public help center: block templates, the search box, site search, helpful votes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use WP_Query;

/**
 * - Block themes get plugin block templates for the KB home (/help/), a category and an article,
 *   built from core blocks plus our search block, so they inherit the theme's header, footer and
 *   styles. A theme (or the Site Editor) can override each one; classic themes use their own
 *   archive/single templates.
 * - Site search restricted to articles (`?s=…&post_type=switchboard_article`, what our search box
 *   submits) runs on our index, so it finds Japanese text too; zero-result searches are logged.
 * - Each article ends with "Was this helpful?" (through the_content, so every theme shows it).
 */
final class HelpCenter {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_block_templates' ), 20 );
		add_action( 'init', array( $this, 'register_blocks' ) );
		add_shortcode( 'switchboard_kb_search', array( $this, 'shortcode' ) );
		add_filter( 'the_content', array( $this, 'append_helpful' ), 20 );
		add_action( 'pre_get_posts', array( $this, 'search_main_query' ), 20 );
		add_filter( 'posts_search', array( $this, 'posts_search' ), 10, 2 );
	}

	/**
	 * Registers the search block.
	 */
	public function register_blocks(): void {
		Blocks::register( 'kb-search', array( $this, 'render_block' ) );
	}

	/**
	 * Plugin block templates (WordPress 6.7+, block themes).
	 */
	public function register_block_templates(): void {
		if ( ! function_exists( 'register_block_template' ) || ! wp_is_block_theme() ) {
			return;
		}
		$templates = array(
			'archive-' . Articles::POST_TYPE => array(
				'title'       => __( 'Help Center', 'switchboard' ),
				'description' => __( 'The knowledge base home: search, categories and articles.', 'switchboard' ),
				'content'     => self::archive_template( true ),
			),
			'taxonomy-' . Articles::TAXONOMY => array(
				'title'       => __( 'Help category', 'switchboard' ),
				'description' => __( 'Articles of one help category.', 'switchboard' ),
				'content'     => self::archive_template( false ),
			),
			'single-' . Articles::POST_TYPE  => array(
				'title'       => __( 'Help article', 'switchboard' ),
				'description' => __( 'One knowledge base article.', 'switchboard' ),
				'content'     => self::single_template(),
			),
		);
		foreach ( $templates as $slug => $args ) {
			if ( ! \WP_Block_Templates_Registry::get_instance()->is_registered( 'switchboard//' . $slug ) ) {
				register_block_template( 'switchboard//' . $slug, $args );
			}
		}
	}

	/**
	 * Markup of the KB home and category templates.
	 */
	private static function archive_template( bool $home ): string {
		$heading = $home
			? '<!-- wp:heading {"level":1} --><h1 class="wp-block-heading">' . esc_html__( 'Help Center', 'switchboard' ) . '</h1><!-- /wp:heading -->'
			: '<!-- wp:query-title {"type":"archive","showPrefix":false} /--><!-- wp:term-description /-->';
		$search  = '<!-- wp:switchboard/kb-search {"showCategories":' . ( $home ? 'true' : 'false' ) . '} /-->';
		$empty   = esc_html__( 'No articles here yet.', 'switchboard' );

		return self::wrap(
			$heading . $search . '
<!-- wp:query {"queryId":1,"query":{"inherit":true},"tagName":"section","className":"switchboard-kb__list"} -->
<section class="wp-block-query switchboard-kb__list"><!-- wp:post-template -->
<!-- wp:group {"style":{"spacing":{"blockGap":"var:preset|spacing|20"}}} --><div class="wp-block-group">
<!-- wp:post-title {"isLink":true,"level":2,"fontSize":"large"} /-->
<!-- wp:post-excerpt {"excerptLength":30} /-->
</div><!-- /wp:group -->
<!-- /wp:post-template -->
<!-- wp:query-pagination --><!-- wp:query-pagination-previous /--><!-- wp:query-pagination-numbers /--><!-- wp:query-pagination-next /--><!-- /wp:query-pagination -->
<!-- wp:query-no-results --><!-- wp:paragraph --><p>' . $empty . '</p><!-- /wp:paragraph --><!-- /wp:query-no-results -->
</section><!-- /wp:query -->'
		);
	}

	/**
	 * Markup of the article template.
	 */
	private static function single_template(): string {
		return self::wrap(
			'<!-- wp:post-terms {"term":"' . Articles::TAXONOMY . '","className":"switchboard-kb__breadcrumb"} /-->
<!-- wp:post-title {"level":1} /-->
<!-- wp:post-content {"layout":{"type":"constrained"}} /-->'
		);
	}

	/**
	 * Header + main + footer of the active theme.
	 */
	private static function wrap( string $main ): string {
		return '<!-- wp:template-part {"slug":"header","tagName":"header"} /-->
<!-- wp:group {"tagName":"main","style":{"spacing":{"padding":{"top":"var:preset|spacing|60","bottom":"var:preset|spacing|60"}}},"layout":{"type":"constrained"}} -->
<main class="wp-block-group switchboard-kb" style="padding-top:var(--wp--preset--spacing--60);padding-bottom:var(--wp--preset--spacing--60)">' . $main . '</main>
<!-- /wp:group -->
<!-- wp:template-part {"slug":"footer","tagName":"footer"} /-->';
	}

	/**
	 * `[switchboard_kb_search categories="yes"]`.
	 *
	 * @param array<string, string>|string $atts Attributes.
	 */
	public function shortcode( $atts ): string {
		$atts = shortcode_atts( array( 'categories' => 'no' ), is_array( $atts ) ? $atts : array(), 'switchboard_kb_search' );
		return $this->render( in_array( strtolower( (string) $atts['categories'] ), array( 'yes', '1', 'true' ), true ) );
	}

	/**
	 * Block render callback.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 */
	public function render_block( $attributes ): string {
		return $this->render( ! empty( $attributes['showCategories'] ) );
	}

	/**
	 * The search box (a real GET form; the script adds live suggestions) and the category list.
	 */
	public function render( bool $show_categories ): string {
		Assets::enqueue_front();
		$categories = array();
		if ( $show_categories ) {
			$terms      = get_terms(
				array(
					'taxonomy'   => Articles::TAXONOMY,
					'hide_empty' => true,
					'parent'     => 0,
				)
			);
			$categories = is_array( $terms ) ? $terms : array();
		}
		return Blocks::render_template(
			'kb/search',
			array(
				'id'         => wp_unique_id( 'switchboard-kb-search-' ),
				'action'     => home_url( '/' ),
				'query'      => is_search() ? get_search_query( false ) : '',
				'post_type'  => Articles::POST_TYPE,
				'categories' => $categories,
			)
		);
	}

	/**
	 * Appends "Was this helpful?" to the article being viewed.
	 *
	 * @param string $content Content.
	 */
	public function append_helpful( $content ): string {
		static $done = false;
		$content     = (string) $content;
		if ( $done || ! is_singular( Articles::POST_TYPE ) || doing_filter( 'get_the_excerpt' ) || (int) get_the_ID() !== (int) get_queried_object_id() ) {
			return $content;
		}
		$done    = true;
		$post_id = (int) get_the_ID();
		Assets::enqueue_front();
		return $content . Blocks::render_template(
			'kb/helpful',
			array(
				'post_id' => $post_id,
				'counts'  => ( new Votes() )->counts( $post_id ),
				'views'   => (int) get_post_meta( $post_id, Articles::META_VIEWS, true ),
			)
		);
	}

	/**
	 * Runs an article-only site search on our index.
	 *
	 * @param WP_Query $query Query.
	 */
	public function search_main_query( WP_Query $query ): void {
		if ( is_admin() || ! $query->is_main_query() || ! $query->is_search() || Articles::POST_TYPE !== $query->get( 'post_type' ) ) {
			return;
		}
		$terms   = (string) $query->get( 's' );
		$term_id = 0;
		$slug    = (string) $query->get( Articles::TAXONOMY );
		if ( '' !== $slug ) {
			$term    = get_term_by( 'slug', $slug, Articles::TAXONOMY );
			$term_id = $term ? (int) $term->term_id : 0;
		}
		$hits = ( new SearchIndex() )->search( $terms, 200, Articles::can_read_internal(), $term_id );
		if ( array() === $hits && (int) $query->get( 'paged' ) <= 1 && 0 === $term_id ) {
			( new MissingSearches() )->record( $terms );
		}
		$query->set( 'post__in', array() !== $hits ? wp_list_pluck( $hits, 'id' ) : array( 0 ) );
		$query->set( 'orderby', 'post__in' );
		$query->set( 'switchboard_kb_search', true );
	}

	/**
	 * The LIKE clauses WordPress would add are replaced by our index (search_main_query()).
	 *
	 * @param string   $search SQL.
	 * @param WP_Query $query  Query.
	 */
	public function posts_search( $search, $query ): string {
		if ( $query instanceof WP_Query && $query->get( 'switchboard_kb_search' ) ) {
			return '';
		}
		return (string) $search;
	}
}
