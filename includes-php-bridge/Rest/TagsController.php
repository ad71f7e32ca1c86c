<?php
/**
 * /switchboard/v1/tags.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Tags;
use WP_Error;
use WP_REST_Server;

/**
 * Lists tags (agents) and creates them (managers; agents create tags implicitly by tagging).
 */
final class TagsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tags';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => array(
						'name'  => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => 100,
						),
						'color' => array(
							'type'    => 'string',
							'pattern' => '^(#[0-9a-fA-F]{6})?$',
						),
					),
				),
			)
		);
	}

	/**
	 * GET /tags.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		unset( $request );
		$tags = ( new Tags() )->all();
		return $this->collection( $tags, count( $tags ), max( 1, count( $tags ) ) );
	}

	/**
	 * POST /tags.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$tag = ( new Tags() )->ensure( (string) $request['name'], (string) $request['color'] );
		if ( ! $tag ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'The tag needs a name with letters or digits.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array(
						'name' => __(
							'Invalid name.',
							'switchboard'
						),
					),
				)
			);
		}
		$response = rest_ensure_response( $tag );
		$response->set_status( 201 );
		return $response;
	}
}
