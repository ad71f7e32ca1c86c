<?php
/**
 * /switchboard/v1/queues — the inbox sidebar counts in one cheap call.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\TicketQuery;
use WP_REST_Server;

/**
 * Mine, unassigned, all open, per status and per channel.
 */
final class QueuesController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'queues';

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
					'permission_callback' => array( $this, 'check_agent' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /queues.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		unset( $request );
		return rest_ensure_response( ( new TicketQuery() )->queues( get_current_user_id() ) );
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
		$count        = array(
			'type'     => 'integer',
			'context'  => array( 'view' ),
			'readonly' => true,
		);
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_queues',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'mine'          => $count,
				'unassigned'    => $count,
				'all_open'      => $count,
				'new'           => $count,
				'open'          => $count,
				'pending'       => $count,
				'on_hold'       => $count,
				'solved'        => $count,
				'solved_capped' => array(
					'description' => __( 'True when there are at least this many solved tickets (the count stops there).', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'channels'      => array(
					'type'                 => 'object',
					'context'              => array( 'view' ),
					'readonly'             => true,
					'additionalProperties' => array( 'type' => 'integer' ),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
