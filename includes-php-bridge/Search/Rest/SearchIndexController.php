<?php
/**
 * /switchboard/v1/settings/search-index — the state of the search indexes, and a rebuild.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Search\Rest;

use Switchboard\Rest\Controller;
use Switchboard\Search\IndexRepair;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET: which tables are indexed and how many published help articles the index holds (a
 * difference means search misses some). POST: rebuilds them (IndexRepair). Managers only.
 */
final class SearchIndexController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings/search-index';

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
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rebuild' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET: the indexes' state.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return $this->prepare_item_for_response( $this->state(), $request );
	}

	/**
	 * POST: rebuilds the indexes; 409 while another rebuild runs.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function rebuild( $request ) {
		$check = $this->reject_unknown_fields( $request, array() );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$result = ( new IndexRepair() )->run();
		if ( $result instanceof WP_Error ) {
			return $result;
		}
		$state            = $this->state();
		$state['rebuilt'] = array(
			'tables'   => $result['tables'],
			'articles' => $result['articles'],
			'seconds'  => $result['seconds'],
			'message'  => IndexRepair::summary( $result ),
		);
		return $this->prepare_item_for_response( $state, $request );
	}

	/**
	 * Tables and article counts.
	 *
	 * @return array<string, mixed>
	 */
	private function state(): array {
		$repair = new IndexRepair();
		return array(
			'tables'   => $repair->tables(),
			'articles' => $repair->article_counts(),
		);
	}

	/**
	 * The response for one item (the search indexes' state).
	 *
	 * @param mixed           $item    Item data, shaped by the domain service.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $item );
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
			'title'                => 'switchboard_search_index',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'tables'   => array(
					'description' => __( 'Tables with a full-text index.', 'switchboard' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'string' ),
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'articles' => array(
					'description' => __( 'Published help articles, and how many of them the search index holds.', 'switchboard' ),
					'type'        => 'object',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'properties'  => array(
						'published' => array( 'type' => 'integer' ),
						'indexed'   => array( 'type' => 'integer' ),
					),
				),
				'rebuilt'  => array(
					'description' => __( 'After a rebuild: tables, articles, seconds and a message.', 'switchboard' ),
					'type'        => 'object',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
