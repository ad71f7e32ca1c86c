<?php
/**
 * GET /switchboard/v1/kb/missing — searches that found nothing (agents).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb\Rest;

use Switchboard\Kb\MissingSearches;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Agents see which questions the help center cannot answer, most asked first, and dismiss
 * entries once an article exists.
 */
final class MissingController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'kb/missing';

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
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'id' => array(
							'type'     => 'integer',
							'required' => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Lists missing searches.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		$since    = '';
		if ( ! empty( $request['after'] ) ) {
			$since = gmdate( 'Y-m-d H:i:s', (int) strtotime( (string) $request['after'] ) );
		}
		$result = ( new MissingSearches() )->page( $page, $per_page, (string) $request['orderby'], $since );
		$items  = array();
		foreach ( $result['items'] as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $result['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $result['total'] / max( 1, $per_page ) ) ) );
		return $response;
	}

	/**
	 * Dismisses one entry.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		if ( ! ( new MissingSearches() )->delete( (int) $request['id'] ) ) {
			return new WP_Error( 'switchboard_kb_missing_not_found', __( 'No such entry.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response(
			array(
				'deleted' => true,
				'id'      => (int) $request['id'],
			)
		);
	}

	/**
	 * One row.
	 *
	 * @param array<string, mixed> $item    Row.
	 * @param WP_REST_Request      $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data = array(
			'id'       => (int) $item['id'],
			'query'    => (string) $item['query'],
			'hits'     => (int) $item['hits'],
			'first_at' => mysql_to_rfc3339( (string) $item['first_at'] ),
			'last_at'  => mysql_to_rfc3339( (string) $item['last_at'] ),
		);
		return rest_ensure_response( $this->filter_response_by_context( $data, (string) ( $request['context'] ?? 'view' ) ) );
	}

	/**
	 * Query parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$params             = parent::get_collection_params();
		$params['per_page'] = array_merge( $params['per_page'], array( 'default' => 20 ) );
		unset( $params['search'] );
		$params['orderby'] = array(
			'description' => __( 'Most asked (hits) or most recent (last).', 'switchboard' ),
			'type'        => 'string',
			'enum'        => array( 'hits', 'last' ),
			'default'     => 'hits',
		);
		$params['after']   = array(
			'description' => __( 'Only searches last seen after this date (ISO 8601).', 'switchboard' ),
			'type'        => 'string',
			'format'      => 'date-time',
		);
		return $params;
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
			'title'                => 'switchboard_kb_missing_search',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'       => array(
					'type'     => 'integer',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'query'    => array(
					'description' => __( 'The normalized search.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'hits'     => array(
					'description' => __( 'How many times it was searched without a result.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'first_at' => array(
					'type'     => 'string',
					'format'   => 'date-time',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'last_at'  => array(
					'type'     => 'string',
					'format'   => 'date-time',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
