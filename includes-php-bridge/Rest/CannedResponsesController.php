<?php
/**
 * /switchboard/v1/canned-responses — saved replies, personal or shared, with placeholders.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\CannedResponses\Placeholders;
use Switchboard\Tickets\CannedResponses\Service;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Agents read the shared responses and their own; they create personal ones. Shared ones
 * (owner_id 0) are created, edited and deleted by managers only. `POST …/<id>/render` fills the
 * placeholders for a ticket — customer, her order (WooCommerce), the agent, the site — and counts
 * the use.
 *
 * Bodies are plain text (the composer turns text into HTML when it sends), so placeholder values
 * are inserted as text too.
 */
final class CannedResponsesController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'canned-responses';

	/**
	 * The placeholders filled by render, documented in the schema and the settings screen.
	 */
	public const PLACEHOLDERS = Placeholders::NAMES;

	/**
	 * The canned responses service.
	 *
	 * @var Service
	 */
	private Service $service;

	/**
	 * Constructor.
	 *
	 * @param Service|null $service The service.
	 */
	public function __construct( ?Service $service = null ) {
		$this->service = $service ?? new Service();
	}

	/**
	 * Registers the routes.
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
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Canned response id.', 'switchboard' ),
						'type'        => 'integer',
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/render',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'render_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'The ticket the reply is for; its customer and order fill the placeholders.', 'switchboard' ),
							'type'        => 'integer',
							'required'    => true,
							'minimum'     => 1,
						),
					),
				),
			)
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array<string, mixed>
	 */
	public function get_collection_params() {
		return array(
			'context'  => $this->get_context_param( array( 'default' => 'view' ) ),
			'search'   => array(
				'description' => __( 'Limit to responses whose title, shortcut or text contain this.', 'switchboard' ),
				'type'        => 'string',
				'default'     => '',
			),
			'page'     => array(
				'type'    => 'integer',
				'default' => 1,
				'minimum' => 1,
			),
			'per_page' => array(
				'type'    => 'integer',
				'default' => 100,
				'minimum' => 1,
				'maximum' => 100,
			),
		);
	}

	/**
	 * GET /canned-responses.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$per_page             = (int) $request['per_page'];
		list( $rows, $total ) = $this->service->page_for( get_current_user_id(), (string) $request['search'], (int) $request['page'], $per_page );
		$items                = array();
		foreach ( $rows as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $total / $per_page ) ) );
		return $response;
	}

	/**
	 * GET /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$row = $this->service->get( (int) $request['id'], get_current_user_id() );
		return is_wp_error( $row ) ? $row : $this->prepare_item_for_response( $row, $request );
	}

	/**
	 * The title/body/shortcut the request sends (absent ones left out).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private static function input( WP_REST_Request $request ): array {
		$input = array();
		foreach ( array( 'title', 'body', 'shortcut' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$input[ $key ] = $request[ $key ];
			}
		}
		return $input;
	}

	/**
	 * POST /canned-responses.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$row = $this->service->create( self::input( $request ), (bool) ( $request['shared'] ?? false ), get_current_user_id() );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$response = $this->prepare_item_for_response( $row, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, (int) $row['id'] ) ) );
		return $response;
	}

	/**
	 * PUT/PATCH /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$shared = isset( $request['shared'] ) ? (bool) $request['shared'] : null;
		$row    = $this->service->update( (int) $request['id'], self::input( $request ), $shared, get_current_user_id() );
		return is_wp_error( $row ) ? $row : $this->prepare_item_for_response( $row, $request );
	}

	/**
	 * DELETE /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$row = $this->service->delete( (int) $request['id'], get_current_user_id() );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		return rest_ensure_response(
			array(
				'deleted'  => true,
				'previous' => $this->prepare_item_for_response( $row, $request )->get_data(),
			)
		);
	}

	/**
	 * POST /canned-responses/<id>/render — the text with placeholders filled for a ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function render_item( $request ) {
		$rendered = $this->service->render( (int) $request['id'], (int) $request['ticket_id'], wp_get_current_user() );
		return is_wp_error( $rendered ) ? $rendered : rest_ensure_response( $rendered );
	}

	/**
	 * Shapes a row.
	 *
	 * @param array<string, mixed> $item    Row.
	 * @param WP_REST_Request      $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data = array(
			'id'          => (int) $item['id'],
			'title'       => (string) $item['title'],
			'body'        => (string) $item['body'],
			'shortcut'    => (string) $item['shortcut'],
			'owner_id'    => (int) $item['owner_id'],
			'shared'      => 0 === (int) $item['owner_id'],
			'usage_count' => (int) $item['usage_count'],
			'created_at'  => Time::iso( (string) $item['created_at'] ),
			'updated_at'  => Time::iso( (string) $item['updated_at'] ),
		);
		$data = $this->filter_response_by_context( $data, (string) ( $request['context'] ?? 'view' ) );
		return rest_ensure_response( $data );
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
			'title'                => 'switchboard_canned_response',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'          => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'title'       => array(
					'description' => __( 'Title agents pick it by.', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => 190,
					'context'     => array( 'view', 'edit' ),
				),
				'body'        => array(
					/* translators: %s: list of placeholders */
					'description' => sprintf( __( 'Plain text with placeholders: %s.', 'switchboard' ), '{' . implode( '}, {', self::PLACEHOLDERS ) . '}' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
				),
				'shortcut'    => array(
					'description' => __( 'Optional short name.', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => 64,
					'context'     => array( 'view', 'edit' ),
				),
				'owner_id'    => array(
					'description' => __( 'Owner (0 = shared with every agent).', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'shared'      => array(
					'description' => __( 'Shared with every agent (managers only).', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
				),
				'usage_count' => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'created_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'updated_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
