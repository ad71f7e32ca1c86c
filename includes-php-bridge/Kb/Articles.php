<?php
/**
 * Knowledge base articles: post type, categories, meta, and who may see internal ones.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Auth\Capabilities;
use WP_Post;
use WP_Query;

/**
 * Articles are a public custom post type, so the block editor, revisions, permalinks, sitemaps and
 * SEO plugins keep working. An article flagged `_switchboard_internal` is the team's own knowledge:
 * hidden from every public query (archives, search, feeds, sitemaps, REST, oEmbed) and only shown
 * to agents and to people who can edit it.
 */
final class Articles {

	public const POST_TYPE     = 'switchboard_article';
	public const TAXONOMY      = 'switchboard_kb_category';
	public const META_INTERNAL = '_switchboard_internal';
	public const META_UP       = '_switchboard_helpful_up';
	public const META_DOWN     = '_switchboard_helpful_down';
	public const META_VIEWS    = '_switchboard_views';
	public const REST_BASE     = 'switchboard-articles';

	/**
	 * Bumped when the post type's or taxonomy's rewrite rules change.
	 */
	private const REWRITE_VERSION = '1';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_types' ) );
		add_action( 'pre_get_posts', array( $this, 'hide_internal' ) );
		add_filter( 'wp_sitemaps_posts_query_args', array( $this, 'sitemap_args' ), 10, 2 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'rest_guard' ), 10, 3 );
		add_filter( 'oembed_request_post_id', array( $this, 'oembed_guard' ) );
		add_filter( 'redirect_canonical', array( $this, 'canonical_guard' ) );
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( $this, 'add_meta_box' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( $this, 'save_meta_box' ), 5, 2 );
		add_action( 'wp_loaded', array( $this, 'maybe_flush_rewrites' ) );
	}

	/**
	 * Flushes rewrite rules once after the plugin starts registering /help/ (or changes it), so
	 * article permalinks work without visiting Settings → Permalinks.
	 */
	public function maybe_flush_rewrites(): void {
		if ( get_option( 'switchboard_kb_rewrite_version' ) !== self::REWRITE_VERSION ) {
			flush_rewrite_rules( false );
			update_option( 'switchboard_kb_rewrite_version', self::REWRITE_VERSION, true );
		}
	}

	/**
	 * Registers the post type, taxonomy and meta.
	 */
	public function register_types(): void {
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'          => array(
					'name'               => __( 'Help articles', 'switchboard' ),
					'singular_name'      => __( 'Help article', 'switchboard' ),
					'menu_name'          => __( 'Knowledge base', 'switchboard' ),
					'add_new_item'       => __( 'Add new article', 'switchboard' ),
					'edit_item'          => __( 'Edit article', 'switchboard' ),
					'new_item'           => __( 'New article', 'switchboard' ),
					'view_item'          => __( 'View article', 'switchboard' ),
					'search_items'       => __( 'Search articles', 'switchboard' ),
					'not_found'          => __( 'No articles found.', 'switchboard' ),
					'not_found_in_trash' => __( 'No articles found in Trash.', 'switchboard' ),
					'all_items'          => __( 'All articles', 'switchboard' ),
					'archives'           => __( 'Help Center', 'switchboard' ),
				),
				'public'          => true,
				'show_in_rest'    => true,
				'rest_base'       => self::REST_BASE,
				'has_archive'     => true,
				'rewrite'         => array(
					'slug'       => 'help',
					'with_front' => false,
				),
				'menu_icon'       => 'dashicons-book-alt',
				'menu_position'   => 26,
				'capability_type' => 'post',
				'map_meta_cap'    => true,
				'supports'        => array( 'title', 'editor', 'excerpt', 'revisions', 'custom-fields', 'author', 'thumbnail', 'page-attributes' ),
				'taxonomies'      => array( self::TAXONOMY ),
			)
		);

		register_taxonomy(
			self::TAXONOMY,
			self::POST_TYPE,
			array(
				'labels'            => array(
					'name'          => __( 'Help categories', 'switchboard' ),
					'singular_name' => __( 'Help category', 'switchboard' ),
					'menu_name'     => __( 'Categories', 'switchboard' ),
					'add_new_item'  => __( 'Add new category', 'switchboard' ),
					'edit_item'     => __( 'Edit category', 'switchboard' ),
					'search_items'  => __( 'Search categories', 'switchboard' ),
				),
				'public'            => true,
				'hierarchical'      => true,
				'show_in_rest'      => true,
				'rest_base'         => 'switchboard-kb-categories',
				'show_admin_column' => true,
				'rewrite'           => array(
					'slug'         => 'help/category',
					'with_front'   => false,
					'hierarchical' => true,
				),
			)
		);

		register_post_meta(
			self::POST_TYPE,
			self::META_INTERNAL,
			array(
				'type'          => 'boolean',
				'single'        => true,
				'default'       => false,
				'description'   => __( 'Internal article: only agents can read it.', 'switchboard' ),
				'show_in_rest'  => true,
				'auth_callback' => static fn ( $allowed, $meta_key, $post_id ): bool => current_user_can( 'edit_post', (int) $post_id ),
			)
		);
		foreach ( array( self::META_UP, self::META_DOWN, self::META_VIEWS ) as $counter ) {
			register_post_meta(
				self::POST_TYPE,
				$counter,
				array(
					'type'          => 'integer',
					'single'        => true,
					'default'       => 0,
					'show_in_rest'  => false,
					// Counters are written by Switchboard only, never through the editor.
					'auth_callback' => '__return_false',
				)
			);
		}
	}

	/**
	 * Whether an article is internal.
	 */
	public static function is_internal( int $post_id ): bool {
		return (bool) get_post_meta( $post_id, self::META_INTERNAL, true );
	}

	/**
	 * Whether the current user may read internal articles.
	 */
	public static function can_read_internal(): bool {
		return Capabilities::is_agent();
	}

	/**
	 * Whether the current user may see this article at all.
	 */
	public static function is_visible( int $post_id ): bool {
		$post = get_post( $post_id );
		if ( ! $post instanceof WP_Post || self::POST_TYPE !== $post->post_type ) {
			return false;
		}
		if ( 'publish' !== $post->post_status || '' !== $post->post_password ) {
			return current_user_can( 'read_post', $post_id );
		}
		if ( self::is_internal( $post_id ) ) {
			return self::can_read_internal() || current_user_can( 'edit_post', $post_id );
		}
		return true;
	}

	/**
	 * The meta query that keeps internal articles out.
	 *
	 * @return array<int|string, mixed>
	 */
	public static function public_meta_query(): array {
		return array(
			'relation' => 'OR',
			array(
				'key'     => self::META_INTERNAL,
				'compare' => 'NOT EXISTS',
			),
			array(
				'key'     => self::META_INTERNAL,
				'value'   => array( '', '0' ),
				'compare' => 'IN',
			),
		);
	}

	/**
	 * Keeps internal articles out of every front-end and REST query that can return articles,
	 * unless the reader is an agent. Feeds never carry them, whoever asks.
	 *
	 * @param WP_Query $query Query.
	 */
	public function hide_internal( WP_Query $query ): void {
		if ( is_admin() && ! wp_doing_ajax() ) {
			return;
		}
		if ( ! self::query_may_return_articles( $query ) ) {
			return;
		}
		if ( ! $query->is_feed() && self::can_read_internal() ) {
			return;
		}
		$meta_query = $query->get( 'meta_query' );
		$meta_query = is_array( $meta_query ) && array() !== $meta_query
			? array(
				'relation' => 'AND',
				$meta_query,
				self::public_meta_query(),
			)
			: self::public_meta_query();
		$query->set( 'meta_query', $meta_query );
	}

	/**
	 * Whether a query may return articles (explicit type, 'any', or a taxonomy query on ours).
	 */
	private static function query_may_return_articles( WP_Query $query ): bool {
		$types = $query->get( 'post_type' );
		if ( self::POST_TYPE === $types || 'any' === $types ) {
			return true;
		}
		if ( is_array( $types ) ) {
			return in_array( self::POST_TYPE, $types, true );
		}
		if ( '' !== (string) $query->get( self::TAXONOMY ) ) {
			return true;
		}
		// A main search without a post type searches every searchable type, ours included.
		return '' === (string) $types && $query->is_search();
	}

	/**
	 * Sitemaps list public articles only.
	 *
	 * @param array<string, mixed> $args      WP_Query args.
	 * @param string               $post_type Post type.
	 * @return array<string, mixed>
	 */
	public function sitemap_args( $args, $post_type ) {
		if ( self::POST_TYPE === $post_type ) {
			$args['meta_query'] = self::public_meta_query(); // phpcs:ignore WordPress.DB.SlowDBQuery
		}
		return $args;
	}

	/**
	 * A single internal article over wp/v2 (and its sub-routes) answers 404 to anyone who may not
	 * read it; collections are already filtered by hide_internal().
	 *
	 * @param mixed                $response Response so far (null to go on).
	 * @param array<string, mixed> $handler Route handler.
	 * @param \WP_REST_Request     $request  Request.
	 * @return mixed
	 */
	public function rest_guard( $response, $handler, $request ) {
		unset( $handler );
		if ( null !== $response && ! $response instanceof \WP_REST_Response ) {
			return $response;
		}
		if ( ! $request instanceof \WP_REST_Request || ! preg_match( '#^/wp/v2/' . self::REST_BASE . '/(\d+)#', $request->get_route(), $m ) ) {
			return $response;
		}
		$post_id = (int) $m[1];
		if ( self::is_internal( $post_id ) && ! self::can_read_internal() && ! current_user_can( 'edit_post', $post_id ) ) {
			return new \WP_Error( 'rest_post_invalid_id', __( 'Invalid post ID.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return $response;
	}

	/**
	 * No oEmbed card for an internal article.
	 *
	 * @param int $post_id Post ID.
	 */
	public function oembed_guard( $post_id ): int {
		$post_id = (int) $post_id;
		if ( $post_id > 0 && self::POST_TYPE === get_post_type( $post_id ) && self::is_internal( $post_id ) ) {
			return 0;
		}
		return $post_id;
	}

	/**
	 * A 404 for `?p=<internal id>` must not redirect to (and so reveal) the article's permalink.
	 *
	 * @param string|false $redirect_url Where WordPress would redirect.
	 * @return string|false
	 */
	public function canonical_guard( $redirect_url ) {
		if ( ! is_404() ) {
			return $redirect_url;
		}
		$post_id = (int) get_query_var( 'p' );
		if ( $post_id > 0 && self::POST_TYPE === get_post_type( $post_id ) && ! self::is_visible( $post_id ) ) {
			return false;
		}
		return $redirect_url;
	}

	/**
	 * "Internal" checkbox in the editor's sidebar (a classic meta box, shown by the block editor too).
	 */
	public function add_meta_box(): void {
		add_meta_box(
			'switchboard-article-visibility',
			__( 'Help Center visibility', 'switchboard' ),
			array( $this, 'render_meta_box' ),
			self::POST_TYPE,
			'side',
			'high'
		);
	}

	/**
	 * Renders the meta box.
	 *
	 * @param WP_Post $post Post.
	 */
	public function render_meta_box( WP_Post $post ): void {
		wp_nonce_field( 'switchboard_article_visibility', 'switchboard_article_visibility_nonce' );
		printf(
			'<label><input type="checkbox" name="switchboard_internal" value="1" %s /> %s</label><p class="description">%s</p>',
			checked( self::is_internal( $post->ID ), true, false ),
			esc_html__( 'Internal (agents only)', 'switchboard' ),
			esc_html__( 'Internal articles are hidden from customers, search engines and feeds. Agents can find them from the ticket composer.', 'switchboard' )
		);
		printf(
			'<p>%s</p>',
			esc_html(
				sprintf(
					/* translators: 1: helpful votes, 2: unhelpful votes, 3: views */
					__( 'Helpful: %1$d · Not helpful: %2$d · Views: %3$d', 'switchboard' ),
					(int) get_post_meta( $post->ID, self::META_UP, true ),
					(int) get_post_meta( $post->ID, self::META_DOWN, true ),
					(int) get_post_meta( $post->ID, self::META_VIEWS, true )
				)
			)
		);
	}

	/**
	 * Saves the meta box (the REST path saves the meta itself).
	 *
	 * @param int     $post_id Post ID.
	 * @param WP_Post $post    Post.
	 */
	public function save_meta_box( int $post_id, WP_Post $post ): void {
		unset( $post );
		if ( ! isset( $_POST['switchboard_article_visibility_nonce'] ) ) {
			return;
		}
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['switchboard_article_visibility_nonce'] ) ), 'switchboard_article_visibility' ) ) {
			return;
		}
		if ( ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		if ( ! empty( $_POST['switchboard_internal'] ) ) {
			update_post_meta( $post_id, self::META_INTERNAL, true );
		} else {
			delete_post_meta( $post_id, self::META_INTERNAL );
		}
	}
}
