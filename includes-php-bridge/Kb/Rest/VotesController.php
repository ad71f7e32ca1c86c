<?php
/**
 * POST /switchboard/v1/kb/articles/<id>/vote — "Was this helpful?".
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb\Rest;

use Switchboard\Kb\Articles;
use Switchboard\Kb\Visitor;
use Switchboard\Kb\Votes;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Public on purpose: most readers of the help center are not logged in. One vote per visitor and
 * article (a second vote changes the first), only on articles the visitor can read, rate-limited
 * per IP. The worst a forger can do is move a counter by one per IP address.
 */
final class VotesController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'kb/articles/(?P<id>[\d]+)/vote';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Article ID.', 'switchboard' ),
						'type'        => 'integer',
						'required'    => true,
					),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The article must be readable by the visitor; then the rate limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( ! Articles::is_visible( (int) $request['id'] ) ) {
			return new WP_Error( 'switchboard_kb_article_not_found', __( 'No such article.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return Visitor::limit( 'kb_vote', 20, 60, HOUR_IN_SECONDS );
	}

	/**
	 * Records the vote.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function create_item( $request ) {
		$result   = ( new Votes() )->vote( (int) $request['id'], Visitor::key(), 'up' === $request['value'] ? 1 : -1 );
		$data     = array(
			'id'      => (int) $request['id'],
			'value'   => $result['vote'] > 0 ? 'up' : 'down',
			'up'      => $result['up'],
			'down'    => $result['down'],
			'changed' => $result['changed'],
		);
		$response = $this->prepare_item_for_response( $data, $request );
		$response->set_status( $result['changed'] ? 201 : 200 );
		return $response;
	}

	/**
	 * The article's vote counts after this vote.
	 *
	 * @param mixed           $item    Counts.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $this->filter_response_by_context( (array) $item, 'view' ) );
	}

	/**
	 * Schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_kb_vote',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'      => array(
					'description' => __( 'Article ID.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'value'   => array(
					'description' => __( 'The vote: helpful (up) or not (down).', 'switchboard' ),
					'type'        => 'string',
					'enum'        => array( 'up', 'down' ),
					'required'    => true,
					'context'     => array( 'view' ),
				),
				'up'      => array(
					'description' => __( 'Helpful votes.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'down'    => array(
					'description' => __( 'Not-helpful votes.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'changed' => array(
					'description' => __( 'False when the visitor had already voted the same way.', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
