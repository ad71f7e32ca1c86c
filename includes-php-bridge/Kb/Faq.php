<?php
/**
 * FAQ: `[switchboard_faq]` shortcode and the `switchboard/faq` block.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use WP_Post;
use WP_Query;

/**
 * FAQ entries are help articles in a help category (e.g. "shipping"): the title is the question,
 * the excerpt (or, without one, the content) the answer. One content type instead of two means
 * one editor, revisions, translations and search index — an FAQ answer is also found by the KB
 * search and the forms' suggestions, which is where deflection happens. Internal articles never
 * appear in an FAQ, whoever looks.
 *
 * Markup: details/summary (keyboard and screen-reader support built in) or a plain list; an
 * optional filter box (hidden until the script runs); FAQPage JSON-LD.
 */
final class Faq {

	public const STYLES = array( 'accordion', 'list' );

	/**
	 * Nesting guard: an answer that itself contains an FAQ is not expanded again.
	 *
	 * @var int
	 */
	private static int $depth = 0;

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_shortcode( 'switchboard_faq', array( $this, 'shortcode' ) );
		add_action( 'init', array( $this, 'register_block' ) );
	}

	/**
	 * Registers the block.
	 */
	public function register_block(): void {
		Blocks::register( 'faq', array( $this, 'render_block' ) );
	}

	/**
	 * `[switchboard_faq category="shipping" style="accordion" search="yes" limit="50" schema="yes" title=""]`.
	 *
	 * @param array<string, string>|string $atts Attributes.
	 */
	public function shortcode( $atts ): string {
		$atts = shortcode_atts(
			array(
				'category' => '',
				'style'    => 'accordion',
				'search'   => 'no',
				'limit'    => '50',
				'schema'   => 'yes',
				'title'    => '',
			),
			is_array( $atts ) ? $atts : array(),
			'switchboard_faq'
		);
		return $this->render(
			array(
				'category' => (string) $atts['category'],
				'style'    => (string) $atts['style'],
				'search'   => self::truthy( (string) $atts['search'] ),
				'limit'    => (int) $atts['limit'],
				'schema'   => self::truthy( (string) $atts['schema'] ),
				'title'    => (string) $atts['title'],
			)
		);
	}

	/**
	 * Block render callback (same output as the shortcode).
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 */
	public function render_block( $attributes ): string {
		$attributes = is_array( $attributes ) ? $attributes : array();
		$html       = $this->render(
			array(
				'category' => (string) ( $attributes['category'] ?? '' ),
				'style'    => (string) ( $attributes['style'] ?? 'accordion' ),
				'search'   => ! empty( $attributes['search'] ),
				'limit'    => (int) ( $attributes['limit'] ?? 50 ),
				'schema'   => ! isset( $attributes['schema'] ) || ! empty( $attributes['schema'] ),
				'title'    => (string) ( $attributes['title'] ?? '' ),
			)
		);
		if ( '' === $html ) {
			return '';
		}
		$wrapper = function_exists( 'get_block_wrapper_attributes' ) && \WP_Block_Supports::$block_to_render ? get_block_wrapper_attributes() : '';
		return '' !== $wrapper ? '<div ' . $wrapper . '>' . $html . '</div>' : $html;
	}

	/**
	 * Renders an FAQ.
	 *
	 * @param array{category: string, style: string, search: bool, limit: int, schema: bool, title: string} $args Arguments.
	 */
	public function render( array $args ): string {
		if ( self::$depth > 0 ) {
			return '';
		}
		++self::$depth;
		try {
			$style   = in_array( $args['style'], self::STYLES, true ) ? $args['style'] : 'accordion';
			$entries = array();
			foreach ( $this->posts( $args['category'], max( 1, min( 200, $args['limit'] ) ) ) as $post ) {
				$entries[] = array(
					'id'       => $post->ID,
					'question' => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
					'answer'   => self::answer_html( $post ),
					'url'      => (string) get_permalink( $post ),
				);
			}
			if ( $args['search'] ) {
				Assets::enqueue_front();
			} elseif ( wp_style_is( Assets::FRONT, 'registered' ) ) {
				wp_enqueue_style( Assets::FRONT );
			}

			return Blocks::render_template(
				'kb/faq',
				array(
					'id'      => wp_unique_id( 'switchboard-faq-' ),
					'style'   => $style,
					'search'  => $args['search'],
					'title'   => $args['title'],
					'entries' => $entries,
					'schema'  => $args['schema'] && array() !== $entries ? self::json_ld( $entries ) : '',
				)
			);
		} finally {
			--self::$depth;
		}
	}

	/**
	 * The FAQ's articles: published, not internal, in the category (slugs, comma-separated).
	 *
	 * @return WP_Post[]
	 */
	private function posts( string $category, int $limit ): array {
		$args  = array(
			'post_type'              => Articles::POST_TYPE,
			'post_status'            => 'publish',
			'has_password'           => false,
			'posts_per_page'         => $limit,
			'orderby'                => array(
				'menu_order' => 'ASC',
				'title'      => 'ASC',
			),
			'no_found_rows'          => true,
			'ignore_sticky_posts'    => true,
			'update_post_term_cache' => false,
			'meta_query'             => Articles::public_meta_query(), // phpcs:ignore WordPress.DB.SlowDBQuery
		);
		$slugs = array_filter( array_map( 'sanitize_title', explode( ',', $category ) ) );
		if ( array() !== $slugs ) {
			$args['tax_query'] = array( // phpcs:ignore WordPress.DB.SlowDBQuery
				array(
					'taxonomy' => Articles::TAXONOMY,
					'field'    => 'slug',
					'terms'    => array_values( $slugs ),
				),
			);
		}
		$query = new WP_Query( $args );
		return array_values( array_filter( $query->posts, static fn ( $post ): bool => $post instanceof WP_Post ) );
	}

	/**
	 * The answer: the excerpt when the editor wrote one, else the rendered content.
	 */
	private static function answer_html( WP_Post $post ): string {
		if ( '' !== trim( $post->post_excerpt ) ) {
			return wp_kses_post( wpautop( wptexturize( $post->post_excerpt ) ) );
		}
		$content = $post->post_content;
		$content = has_blocks( $content ) ? do_blocks( $content ) : wpautop( wptexturize( $content ) );
		return wp_kses_post( $content );
	}

	/**
	 * FAQPage structured data, safe inside a script element.
	 *
	 * @param array<int, array{question: string, answer: string}> $entries Entries.
	 */
	public static function json_ld( array $entries ): string {
		$allowed = array(
			'a'      => array( 'href' => true ),
			'p'      => array(),
			'br'     => array(),
			'ul'     => array(),
			'ol'     => array(),
			'li'     => array(),
			'strong' => array(),
			'em'     => array(),
			'b'      => array(),
			'i'      => array(),
			'h3'     => array(),
			'h4'     => array(),
		);
		return FaqSchema::json(
			array_map(
				static fn ( array $entry ): array => array(
					'question' => (string) $entry['question'],
					'answer'   => wp_kses( (string) $entry['answer'], $allowed ),
				),
				$entries
			)
		);
	}

	/**
	 * "yes", "1", "true", "on".
	 */
	private static function truthy( string $value ): bool {
		return in_array( strtolower( trim( $value ) ), array( 'yes', '1', 'true', 'on' ), true );
	}
}
