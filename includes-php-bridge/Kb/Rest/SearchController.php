<?php
/**
 * GET /switchboard/v1/kb/search — knowledge base search for the help center, the forms'
 * suggestions and the agents' composer.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb\Rest;

use Switchboard\Kb\Articles;
use Switchboard\Kb\Text;
use Switchboard\Kb\MissingSearches;
use Switchboard\Kb\Visitor;
use Switchboard\Kb\SearchIndex;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_Post;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Public on purpose: the help center and the contact form's suggestions are for visitors without
 * an account. It only ever returns what the visitor could read on the site anyway (published,
 * non-internal articles; agents also get internal ones) and is rate-limited per IP (guests) or
 * per user, answering 429 `switchboard_rate_limited` with Retry-After.
 */
final class SearchController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'kb/search';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Public, rate-limited.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return Visitor::limit( 'kb_search', 30, 120, MINUTE_IN_SECONDS );
	}

	/**
	 * Searches.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$query    = trim( (string) $request['q'] );
		$limit    = (int) $request['limit'];
		$internal = Articles::can_read_internal() && (bool) $request['include_internal'];
		$term_id  = 0;

		if ( ! empty( $request['category'] ) ) {
			$term = get_term_by( 'slug', (string) $request['category'], Articles::TAXONOMY );
			if ( ! $term ) {
				return new WP_Error( 'switchboard_kb_invalid_category', __( 'Unknown help category.', 'switchboard' ), array( 'status' => 400 ) );
			}
			$term_id = (int) $term->term_id;
		}

		$hits = ( new SearchIndex() )->search( $query, $limit, $internal, $term_id );

		if ( array() === $hits && 'search' === $request['source'] && 0 === $term_id ) {
			( new MissingSearches() )->record( $query );
		}

		$items = array();
		if ( array() !== $hits ) {
			$ids = wp_list_pluck( $hits, 'id' );
			_prime_post_caches( $ids, false, true );
			update_object_term_cache( $ids, Articles::POST_TYPE );
			foreach ( $hits as $hit ) {
				$post = get_post( $hit['id'] );
				if ( ! $post instanceof WP_Post || ( ! $internal && Articles::is_internal( $post->ID ) ) ) {
					continue;
				}
				$items[] = $this->prepare_response_for_collection(
					$this->prepare_item_for_response(
						array(
							'post'  => $post,
							'score' => $hit['score'],
						),
						$request
					)
				);
			}
		}

		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) count( $items ) );
		$response->header( 'X-WP-TotalPages', '1' );
		return $response;
	}

	/**
	 * One result.
	 *
	 * @param array{post: WP_Post, score: float} $item    Hit.
	 * @param WP_REST_Request                    $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$post  = $item['post'];
		$terms = get_the_terms( $post, Articles::TAXONOMY );
		$data  = array(
			'id'         => $post->ID,
			'title'      => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
			'excerpt'    => self::excerpt( $post ),
			'url'        => (string) get_permalink( $post ),
			'categories' => is_array( $terms ) ? array_map(
				static fn ( \WP_Term $term ): array => array(
					'id'   => (int) $term->term_id,
					'name' => $term->name,
					'slug' => $term->slug,
				),
				array_values( $terms )
			) : array(),
			'internal'   => Articles::is_internal( $post->ID ),
			'score'      => $item['score'],
		);
		$data  = $this->filter_response_by_context( $data, (string) ( $request['context'] ?? 'view' ) );
		return rest_ensure_response( $data );
	}

	/**
	 * A plain-text excerpt of ~30 words.
	 */
	private static function excerpt( WP_Post $post ): string {
		$text = '' !== $post->post_excerpt ? $post->post_excerpt : excerpt_remove_blocks( strip_shortcodes( $post->post_content ) );
		return Text::excerpt( $text, 30, 90 );
	}

	/**
	 * Query parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'context'          => $this->get_context_param( array( 'default' => 'view' ) ),
			'q'                => array(
				'description' => __( 'What to search for (any language, Japanese included).', 'switchboard' ),
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 1,
				'maxLength'   => 200,
			),
			'limit'            => array(
				'description' => __( 'Maximum number of results.', 'switchboard' ),
				'type'        => 'integer',
				'default'     => 5,
				'minimum'     => 1,
				'maximum'     => 20,
			),
			'category'         => array(
				'description' => __( 'Only articles in this help category (slug).', 'switchboard' ),
				'type'        => 'string',
				'default'     => '',
			),
			'source'           => array(
				'description' => __( 'Where the search came from: a search box (zero-result searches are logged) or live suggestions in a form (not logged).', 'switchboard' ),
				'type'        => 'string',
				'enum'        => array( 'search', 'suggest', 'composer' ),
				'default'     => 'search',
			),
			'include_internal' => array(
				'description' => __( 'Agents only: also return internal articles.', 'switchboard' ),
				'type'        => 'boolean',
				'default'     => true,
			),
		);
	}

	/**
	 * Item schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_kb_search_result',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'         => array(
					'description' => __( 'Article ID.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'embed' ),
					'readonly'    => true,
				),
				'title'      => array(
					'description' => __( 'Article title (plain text).', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view', 'embed' ),
					'readonly'    => true,
				),
				'excerpt'    => array(
					'description' => __( 'Plain-text excerpt.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view', 'embed' ),
					'readonly'    => true,
				),
				'url'        => array(
					'description' => __( 'Permalink.', 'switchboard' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view', 'embed' ),
					'readonly'    => true,
				),
				'categories' => array(
					'description' => __( 'Help categories.', 'switchboard' ),
					'type'        => 'array',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'id'   => array(
								'type'    => 'integer',
								'context' => array( 'view' ),
							),
							'name' => array(
								'type'    => 'string',
								'context' => array( 'view' ),
							),
							'slug' => array(
								'type'    => 'string',
								'context' => array( 'view' ),
							),
						),
					),
				),
				'internal'   => array(
					'description' => __( 'Whether the article is internal (only agents receive these).', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'score'      => array(
					'description' => __( 'Relevance; title matches weigh more.', 'switchboard' ),
					'type'        => 'number',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
