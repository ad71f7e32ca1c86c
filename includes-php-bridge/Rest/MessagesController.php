<?php
/**
 * /switchboard/v1/tickets/<id>/messages — replies and private notes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Agents list a ticket's messages and add public replies (handed to the ticket's channel) or
 * private notes (with @mentions).
 */
final class MessagesController extends Controller {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Messages.
	 *
	 * @var Messages
	 */
	private Messages $messages;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 * @param Messages|null      $messages Messages.
	 */
	public function __construct( ?TicketService $tickets = null, ?Messages $messages = null ) {
		$this->messages = $messages ?? new Messages();
		$this->tickets  = $tickets ?? new TicketService();
	}

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/messages';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'ticket_id' => array(
						'description' => __( 'Ticket id.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => self::create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Arguments for a new reply or note (shared with the customer routes).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create_args(): array {
		return array(
			'body'        => array(
				'description' => __( 'Message body (HTML; sanitized).', 'switchboard' ),
				'type'        => 'string',
				'required'    => true,
				'maxLength'   => 200000,
			),
			'is_private'  => array(
				'description' => __( 'A private note, never shown to the customer.', 'switchboard' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'attachments' => array(
				'description' => __( 'Ids of files uploaded with POST /attachments.', 'switchboard' ),
				'type'        => 'array',
				'items'       => array( 'type' => 'integer' ),
				'maxItems'    => 20,
				'default'     => array(),
			),
		);
	}

	/**
	 * GET messages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$ticket = $this->tickets->get( (int) $request['ticket_id'] );
		if ( ! $ticket ) {
			return self::not_found();
		}
		$messages = $this->messages;
		$items    = $messages->format_many( $messages->for_ticket( (int) $ticket['id'] ) );
		return $this->collection( $items, count( $items ), count( $items ) );
	}

	/**
	 * POST a reply or note.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array( 'body', 'is_private', 'attachments', 'ticket_id' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$service = $this->tickets;
		if ( ! $service->get( (int) $request['ticket_id'] ) ) {
			return self::not_found();
		}
		$id = $service->add_message(
			(int) $request['ticket_id'],
			array(
				'author_type' => 'agent',
				'author_id'   => get_current_user_id(),
				'body_html'   => (string) $request['body'],
				'is_private'  => (bool) $request['is_private'],
				'attachments' => (array) $request['attachments'],
			)
		);
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$messages = $this->messages;
		$response = rest_ensure_response( $messages->format_many( array( (array) $messages->get( $id ) ) )[0] );
		$response->set_status( 201 );
		return $response;
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
		$view         = array( 'view', 'edit' );
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_message',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'              => array(
					'type'     => 'integer',
					'context'  => $view,
					'readonly' => true,
				),
				'ticket_id'       => array(
					'type'     => 'integer',
					'context'  => $view,
					'readonly' => true,
				),
				'direction'       => array(
					'type'     => 'string',
					'enum'     => array( 'in', 'out' ),
					'context'  => $view,
					'readonly' => true,
				),
				'author'          => array(
					'type'     => 'object',
					'context'  => $view,
					'readonly' => true,
				),
				'channel'         => array(
					'type'     => 'string',
					'context'  => $view,
					'readonly' => true,
				),
				'is_private'      => array(
					'type'    => 'boolean',
					'context' => $view,
				),
				'body_html'       => array(
					'type'     => 'string',
					'context'  => $view,
					'readonly' => true,
				),
				'body_text'       => array(
					'type'     => 'string',
					'context'  => $view,
					'readonly' => true,
				),
				'created_at'      => array(
					'type'     => 'string',
					'format'   => 'date-time',
					'context'  => $view,
					'readonly' => true,
				),
				'delivery_status' => array(
					'type'     => 'string',
					'enum'     => Messages::DELIVERY_STATUSES,
					'context'  => $view,
					'readonly' => true,
				),
				'delivery_error'  => array(
					'type'     => 'string',
					'context'  => $view,
					'readonly' => true,
				),
				'attachments'     => array(
					'type'     => 'array',
					'context'  => $view,
					'readonly' => true,
				),
				'meta'            => array(
					'type'     => 'object',
					'context'  => array( 'edit' ),
					'readonly' => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
