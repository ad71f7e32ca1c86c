<?php
/**
 * /switchboard/v1/tickets — the agents' ticket API.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\CustomerResolver;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketFormatter;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * List, read, create and update tickets. Actions on a ticket (bulk update, merge, split, revoke
 * links, timeline) are TicketActionsController's; the schema is TicketSchema's.
 */
final class TicketsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tickets';

	private const WRITABLE = array( 'subject', 'status', 'priority', 'assignee_id', 'team_id', 'order_id', 'tags', 'custom_fields' );

	/**
	 * Ticket core.
	 */
	private TicketService $tickets;

	/**
	 * Wires the ticket core.
	 *
	 * @param TicketService|null $tickets Ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
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
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => self::id_arg(),
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
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The `id` argument of routes about one ticket.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function id_arg(): array {
		return array(
			'id' => array(
				'description' => __( 'Ticket id.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	/**
	 * GET /tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$args = array(
			'status'   => self::csv( $request['status'] ),
			'assignee' => $request['assignee'],
			'channel'  => self::csv( $request['channel'] ),
			'tag'      => $request['tag'],
			'team'     => $request['team'],
			'priority' => $request['priority'],
			'customer' => $request['customer'],
			'order_id' => $request['order_id'],
			'search'   => $request['search'],
			'orderby'  => $request['orderby'],
			'order'    => $request['order'],
			'page'     => $request['page'],
			'per_page' => $request['per_page'],
		);
		foreach ( array( 'after', 'before' ) as $key ) {
			if ( ! empty( $request[ $key ] ) ) {
				$args[ $key ] = Time::to_mysql( (string) $request[ $key ] );
			}
		}
		if ( null !== $args['assignee'] && ! in_array( $args['assignee'], array( 'me', 'none' ), true ) && ! ctype_digit( (string) $args['assignee'] ) ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'assignee must be "me", "none" or a user id.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array( 'assignee' => 'me|none|<id>' ),
				)
			);
		}

		$result = ( new TicketQuery() )->query( $args );
		$items  = array();
		// A page is shaped in batches (TicketFormatter::format_many()), without per-ticket meta.
		foreach ( ( new TicketFormatter() )->format_many( $result['rows'] ) as $item ) {
			$items[] = $this->prepare_response_for_collection( $this->with_links( $item ) );
		}
		return $this->collection( $items, $result['total'], (int) $request['per_page'] );
	}

	/**
	 * GET /tickets/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$ticket = $this->tickets->get( (int) $request['id'] );
		if ( ! $ticket ) {
			return self::not_found();
		}
		return $this->prepare_item_for_response( $ticket, $request );
	}

	/**
	 * POST /tickets — on behalf of a customer (phone call, walk-in, an email forwarded by hand).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_merge( self::WRITABLE, array( 'customer_id', 'customer', 'channel', 'message' ) ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$customer_id = ( new CustomerResolver() )->for_new_ticket( (int) $request['customer_id'], (array) $request['customer'] );
		if ( is_wp_error( $customer_id ) ) {
			return $customer_id;
		}
		$team_id = (int) ( $request['team_id'] ?? 0 );
		if ( 0 !== $team_id && ! ( new Teams() )->exists( $team_id ) ) {
			return Teams::invalid_reference();
		}

		$message = (array) $request['message'];
		$channel = (string) ( $request['channel'] ?? 'phone' );
		$author  = (string) ( $message['author'] ?? 'customer' );
		$result  = $this->tickets->create(
			array(
				'subject'         => (string) $request['subject'],
				'channel'         => $channel,
				'customer_id'     => $customer_id,
				'status'          => $request['status'] ?? Status::OPEN,
				'priority'        => $request['priority'] ?? 'normal',
				'assignee_id'     => (int) ( $request['assignee_id'] ?? 0 ),
				'team_id'         => $team_id,
				'order_id'        => (int) ( $request['order_id'] ?? 0 ),
				'tags'            => (array) ( $request['tags'] ?? array() ),
				'may_create_tags' => current_user_can( 'switchboard_manage' ),
				'message'         => '' !== trim( (string) ( $message['body'] ?? '' ) ) ? array(
					'author_type' => 'agent' === $author ? 'agent' : 'customer',
					'author_id'   => 'agent' === $author ? get_current_user_id() : $customer_id,
					'body_html'   => (string) $message['body'],
					'is_private'  => ! empty( $message['is_private'] ),
					'channel'     => $channel,
					'attachments' => (array) ( $message['attachments'] ?? array() ),
					'meta'        => array( 'logged_by' => get_current_user_id() ),
				) : null,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}

		$response = $this->prepare_item_for_response( (array) $this->tickets->get( $result ), $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $result ) );
		return $response;
	}

	/**
	 * PATCH /tickets/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_merge( self::WRITABLE, array( 'id' ) ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$changes = array();
		foreach ( self::WRITABLE as $field ) {
			if ( null !== $request->get_param( $field ) && isset( $request->get_params()[ $field ] ) ) {
				$changes[ $field ] = $request->get_param( $field );
			}
		}
		$result = $this->tickets->update( (int) $request['id'], $changes, null, current_user_can( 'switchboard_manage' ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return $this->prepare_item_for_response( $result, $request );
	}

	/**
	 * One ticket row as the REST item: the formatted ticket with its custom fields, rating, order
	 * item and unverified sender, and its links.
	 *
	 * @param array<string, mixed> $item    Ticket row.
	 * @param WP_REST_Request|null $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$row  = (array) $item;
		$data = ( new TicketFormatter() )->format( $row );
		$meta = $this->tickets->all_meta( (int) $row['id'] );
		$cf   = array();
		foreach ( $meta as $key => $value ) {
			if ( str_starts_with( $key, 'cf_' ) ) {
				$cf[ substr( $key, 3 ) ] = $value;
			}
		}
		$data['custom_fields'] = (object) $cf;
		$data['rating']        = $meta['rating'] ?? null;
		$data['order_item']    = is_array( $meta['order_item'] ?? null ) ? $meta['order_item'] : null;
		// An address a visitor typed without signing in, until its owner answers (SenderCheck).
		$data['unverified_sender'] = is_array( $meta[ SenderCheck::META ] ?? null ) ? $meta[ SenderCheck::META ] : null;
		return $this->with_links( $data );
	}

	/**
	 * Collection parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$params                        = parent::get_collection_params();
		$params['per_page']['maximum'] = 100;
		$params['per_page']['default'] = 25;
		return $params + TicketSchema::filters();
	}

	/**
	 * Item schema (cached).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = TicketSchema::item();
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Arguments of POST /tickets.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function create_args(): array {
		$args                        = $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE );
		$args['subject']['required'] = true;
		return array_merge( $args, TicketSchema::create_extras() );
	}

	/**
	 * Response with links.
	 *
	 * @param array<string, mixed> $item Shaped ticket.
	 */
	private function with_links( array $item ): WP_REST_Response {
		$response = rest_ensure_response( $item );
		$base     = $this->namespace . '/' . $this->rest_base . '/' . (int) $item['id'];
		$response->add_links(
			array(
				'self'     => array( 'href' => rest_url( $base ) ),
				'messages' => array( 'href' => rest_url( $base . '/messages' ) ),
				'timeline' => array( 'href' => rest_url( $base . '/timeline' ) ),
			)
		);
		return $response;
	}

	/**
	 * Comma list → array.
	 *
	 * @param mixed $value Raw.
	 * @return string[]
	 */
	private static function csv( $value ): array {
		if ( is_array( $value ) ) {
			return array_map( 'strval', $value );
		}
		return array_values( array_filter( array_map( 'trim', explode( ',', (string) $value ) ) ) );
	}
}
