<?php
/**
 * /switchboard/v1/agents — who can work tickets (assignee picker, @mentions).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\People;
use WP_REST_Server;

/**
 * Lists agents.
 */
final class AgentsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'agents';

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
					'permission_callback' => array( $this, 'check_agent' ),
				),
			)
		);
	}

	/**
	 * GET /agents.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		unset( $request );
		$agents = People::agents();
		return $this->collection( $agents, count( $agents ), max( 1, count( $agents ) ) );
	}
}
