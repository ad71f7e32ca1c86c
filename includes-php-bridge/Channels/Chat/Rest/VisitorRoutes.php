<?php
/**
 * What the storefront widget's REST routes share: the visitor token and the chat state.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\Conversation;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Rest\Controller;
use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;

/**
 * Why these routes are public: a storefront visitor is usually a guest, so she cannot have a
 * WordPress login. Starting a chat is open (rate-limited per IP); every later call carries the
 * random 256-bit visitor token returned once at start (header X-Switchboard-Chat-Token), stored
 * only as its SHA-256, and is rate-limited per visitor. A token reads and writes exactly one chat
 * and only its public messages.
 */
abstract class VisitorRoutes extends Controller {

	/**
	 * The routes that answer with the chat state (the item schema).
	 */
	protected const STATE_ROUTES = array( '/session', '/messages', '/feedback', '/handoff' );

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'chat';

	/**
	 * Sessions.
	 *
	 * @var Sessions
	 */
	protected Sessions $sessions;

	/**
	 * The chat's domain service.
	 *
	 * @var Conversation
	 */
	protected Conversation $conversation;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->sessions     = new Sessions();
		$this->conversation = new Conversation( $this->sessions, $tickets );
	}

	/**
	 * Arguments naming the page the visitor is on.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected static function page_args(): array {
		return array(
			'page_url'   => array(
				'type'      => 'string',
				'format'    => 'uri',
				'maxLength' => 2048,
			),
			'page_title' => array(
				'type'      => 'string',
				'maxLength' => 255,
			),
		);
	}

	/**
	 * Registers a table of routes: path => list of [ methods, callback, permission, args ].
	 *
	 * @param array<string, array<int, array{0: string, 1: string, 2: callable, 3: array<string, mixed>}>> $routes Routes.
	 */
	protected function register_table( array $routes ): void {
		foreach ( $routes as $path => $endpoints ) {
			$args = array();
			foreach ( $endpoints as list( $methods, $callback, $permission, $endpoint_args ) ) {
				$args[] = array(
					'methods'             => $methods,
					'callback'            => array( $this, $callback ),
					'permission_callback' => $permission,
					'args'                => $endpoint_args,
				);
			}
			if ( in_array( $path, self::STATE_ROUTES, true ) ) {
				$args['schema'] = array( $this, 'get_public_item_schema' );
			}
			register_rest_route( $this->namespace, '/' . $this->rest_base . $path, $args );
		}
	}

	/**
	 * Permission: a valid visitor token; at most 60 calls a minute per chat (the ping is free).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_visitor( $request ) {
		$session = $this->session( $request );
		if ( null === $session ) {
			return new WP_Error( 'switchboard_chat_invalid_token', __( 'This chat has expired. Please start a new one.', 'switchboard' ), array( 'status' => 401 ) );
		}
		if ( 'GET' === $request->get_method() ) {
			return true;
		}
		return RateLimiter::hit( 'chat:' . $session['id'], 60, 60 );
	}

	/**
	 * The widget's view of a session: the state with the public messages after ?after=.
	 *
	 * @param array<string, mixed> $item    Session row.
	 * @param WP_REST_Request      $request Request.
	 * @return \WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return $this->state_response( $item, (int) $request['after'] );
	}

	/**
	 * The state response with the public messages after $after.
	 *
	 * @param array<string, mixed> $session Session row.
	 * @param int                  $after   Last message id the widget has.
	 */
	protected function state_response( array $session, int $after ): \WP_REST_Response {
		return rest_ensure_response( $this->filter_response_by_context( $this->conversation->state( $session, $after ), 'view' ) );
	}

	/**
	 * The chat state the widget receives (start adds its token once).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$view         = array( 'view' );
			$this->schema = array(
				'$schema'              => 'http://json-schema.org/draft-04/schema#',
				'title'                => 'switchboard_chat_state',
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'token'        => array(
						'description' => __( 'The visitor token, sent once when the chat starts.', 'switchboard' ),
						'type'        => 'string',
					),
					'status'       => array(
						'type' => 'string',
						'enum' => Sessions::STATUSES,
					),
					'version'      => array( 'type' => 'integer' ),
					'available'    => array(
						'description' => __( 'Whether a person is available.', 'switchboard' ),
						'type'        => 'boolean',
					),
					'typing'       => array( 'type' => 'boolean' ),
					'last_read_id' => array( 'type' => 'integer' ),
					'unread'       => array( 'type' => 'integer' ),
					'messages'     => array(
						'description' => __( 'Public messages after the one the widget has, text only.', 'switchboard' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'object' ),
					),
				),
			);
			foreach ( $this->schema['properties'] as $key => $property ) {
				$this->schema['properties'][ $key ] = $property + array(
					'context'  => $view,
					'readonly' => true,
				);
			}
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The session of the request's token.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|null
	 */
	protected function session( $request ): ?array {
		$token = (string) $request->get_header( 'x_switchboard_chat_token' );
		return '' === $token ? null : $this->sessions->by_token( $token );
	}
}
