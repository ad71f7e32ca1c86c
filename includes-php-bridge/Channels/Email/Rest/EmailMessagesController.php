<?php
/**
 * One email message for agents: its original, and "retry now" of a failed reply.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\EmailMessages;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes (agents who may see the ticket, EmailMessages): GET /email/messages/{id}/original (the
 * unstripped HTML, sanitized, and text of an imported message), POST /email/messages/{id}/retry.
 */
final class EmailMessagesController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'email/messages';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/retry',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'retry_delivery' ),
				'permission_callback' => array( $this, 'check_agent' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/original',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'original' ),
				'permission_callback' => array( $this, 'check_agent' ),
			)
		);
	}

	/**
	 * An agent's "retry now" of an email reply that failed or bounced.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function retry_delivery( WP_REST_Request $request ) {
		return rest_ensure_response( ( new EmailMessages() )->retry_delivery( (int) $request['id'] ) );
	}

	/**
	 * The full (unstripped) body of an imported message, sanitized.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function original( WP_REST_Request $request ) {
		return rest_ensure_response( ( new EmailMessages() )->original( (int) $request['id'] ) );
	}
}
