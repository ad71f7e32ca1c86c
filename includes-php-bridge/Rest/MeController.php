<?php
/**
 * /switchboard/v1/me/tickets — a customer's own tickets (My Account, guest links).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\CustomerTicketInput;
use Switchboard\Tickets\CustomerTickets;
use Switchboard\Tickets\Status;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The customer routes over Tickets\CustomerTickets (which the My Account screens call too): every
 * query is scoped to the signed-in customer (or to the one ticket a signed guest token opens).
 * Private notes and internal events never leave. Another customer's ticket answers 404, exactly
 * like a ticket that does not exist, so ids cannot be probed.
 */
final class MeController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'me/tickets';

	/**
	 * The customer's tickets.
	 *
	 * @var CustomerTickets
	 */
	private CustomerTickets $customer_tickets;

	/**
	 * Wires the service.
	 *
	 * @param CustomerTickets|null $customer_tickets The customer's tickets.
	 */
	public function __construct( ?CustomerTickets $customer_tickets = null ) {
		$this->customer_tickets = $customer_tickets ?? new CustomerTickets();
	}

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
					'permission_callback' => array( $this, 'check_logged_in' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_logged_in' ),
					'args'                => CustomerTicketInput::create(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		$routes = array(
			''          => array( WP_REST_Server::READABLE, 'get_item', array() ),
			'/messages' => array( WP_REST_Server::CREATABLE, 'reply', CustomerTicketInput::reply() ),
			'/rating'   => array( WP_REST_Server::CREATABLE, 'rate', CustomerTicketInput::rating() ),
		);
		foreach ( $routes as $path => list( $methods, $callback, $args ) ) {
			$endpoint = array(
				'methods'             => $methods,
				'callback'            => array( $this, $callback ),
				'permission_callback' => array( $this, 'check_ticket' ),
			);
			if ( $args ) {
				$endpoint['args'] = $args;
			}
			$route = array(
				'args' => CustomerTicketInput::ticket(),
				$endpoint,
			);
			if ( '' === $path ) {
				$route['schema'] = array( $this, 'get_public_item_schema' );
			}
			register_rest_route( $this->namespace, '/' . $this->rest_base . '/(?P<id>[\d]+)' . $path, $route );
		}
	}

	/**
	 * Permission for one ticket: its customer, or a valid signed token. Public with a token, so
	 * guests are rate-limited per IP (CustomerTickets::authorize()).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_ticket( $request ) {
		$ticket = $this->customer_tickets->authorize( (int) $request['id'], (string) ( $request['token'] ?? '' ) );
		return is_wp_error( $ticket ) ? $ticket : true;
	}

	/**
	 * GET /me/tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$page = $this->customer_tickets->list( (int) $request['page'], (int) $request['per_page'] );
		return $this->collection( $page['items'], $page['total'], (int) $request['per_page'] );
	}

	/**
	 * POST /me/tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_keys( CustomerTicketInput::create() ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$id = $this->customer_tickets->create( $request->get_params() );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$response = $this->prepare_item_for_response( $this->customer_tickets->get( $id ), $request );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * GET /me/tickets/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return $this->prepare_item_for_response( $this->customer_tickets->get( (int) $request['id'] ), $request );
	}

	/**
	 * POST /me/tickets/<id>/messages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reply( $request ) {
		$id = $this->customer_tickets->reply( $this->customer_tickets->get( (int) $request['id'] ), $request->get_params() );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$response = rest_ensure_response( $this->customer_tickets->view()->message( $id, (string) ( $request['token'] ?? '' ) ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * POST /me/tickets/<id>/rating.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function rate( $request ) {
		$rating = $this->customer_tickets->rate( $this->customer_tickets->get( (int) $request['id'] ), $request->get_params() );
		return is_wp_error( $rating ) ? $rating : rest_ensure_response( $rating );
	}

	/**
	 * One ticket with its public thread, as its customer (or the guest with its link) sees it.
	 *
	 * @param array<string, mixed> $item    Ticket row.
	 * @param WP_REST_Request      $request Request (its token goes into attachment links).
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $this->customer_tickets->view()->detail( (array) $item, (string) ( $request['token'] ?? '' ) ) );
	}

	/**
	 * Collection parameters of GET /me/tickets.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'page'     => array(
				'type'    => 'integer',
				'default' => 1,
				'minimum' => 1,
			),
			'per_page' => array(
				'type'    => 'integer',
				'default' => 20,
				'minimum' => 1,
				'maximum' => 50,
			),
		);
	}

	/**
	 * A customer's ticket (the list has the fields up to created_at; one ticket adds its thread,
	 * rating, order item and can_rate). Cached.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$field = static fn ( $type, string $description ): array => array(
			'description' => $description,
			'type'        => $type,
		);
		return $this->object_schema(
			'switchboard_my_ticket',
			static fn (): array => array(
				'id'              => $field( 'integer', __( 'Ticket id.', 'switchboard' ) ),
				'number'          => $field( 'integer', __( 'Ticket number.', 'switchboard' ) ),
				'subject'         => $field( 'string', __( 'Subject.', 'switchboard' ) ),
				'status'          => $field( 'string', __( 'Status.', 'switchboard' ) ) + array( 'enum' => Status::ALL ),
				'status_label'    => $field( 'string', __( 'Status, as the customer reads it.', 'switchboard' ) ),
				'channel'         => $field( 'string', __( 'Channel the ticket came in on.', 'switchboard' ) ),
				'order_id'        => $field( 'integer', __( 'Linked order (0 = none).', 'switchboard' ) ),
				'message_count'   => $field( 'integer', __( 'Public messages.', 'switchboard' ) ),
				'last_message_at' => $field( array( 'string', 'null' ), __( 'Last public message.', 'switchboard' ) ) + array( 'format' => 'date-time' ),
				'created_at'      => $field( array( 'string', 'null' ), __( 'Created.', 'switchboard' ) ) + array( 'format' => 'date-time' ),
				'messages'        => $field( 'array', __( 'The public thread (one ticket only).', 'switchboard' ) ) + array( 'items' => array( 'type' => 'object' ) ),
				'rating'          => $field( array( 'object', 'null' ), __( 'The customer’s rating, once given (one ticket only).', 'switchboard' ) ),
				'order_item'      => $field( array( 'object', 'null' ), __( 'The order line the ticket is about (one ticket only).', 'switchboard' ) ),
				'can_rate'        => $field( 'boolean', __( 'Whether the customer may rate it now (one ticket only).', 'switchboard' ) ),
			),
			array( 'view' )
		);
	}

}
