<?php
/**
 * Actions on tickets: bulk update, merge, split, revoke links, and the timeline.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Merger;
use Switchboard\Tickets\SignedLinks;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\Tags;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Timeline;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes (agents): POST /tickets/bulk, POST /tickets/{id}/merge, POST /tickets/{id}/split,
 * POST /tickets/{id}/revoke-links, GET /tickets/{id}/timeline. A ticket in an answer has the
 * shape of TicketsController's items (its prepare_item_for_response(), like WordPress's
 * revisions and autosaves controllers use their parent's).
 */
final class TicketActionsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tickets';

	/**
	 * The tickets controller (item shape).
	 */
	private TicketsController $tickets_controller;

	/**
	 * Ticket core.
	 */
	private TicketService $tickets;

	/**
	 * Wires the tickets controller and the ticket core.
	 *
	 * @param TicketsController|null $tickets_controller Tickets controller.
	 * @param TicketService|null     $tickets            Ticket core.
	 */
	public function __construct( ?TicketsController $tickets_controller = null, ?TicketService $tickets = null ) {
		$this->tickets            = $tickets ?? new TicketService();
		$this->tickets_controller = $tickets_controller ?? new TicketsController( $this->tickets );
	}

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/bulk',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'bulk_update' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => self::bulk_args(),
				),
			)
		);
		$actions = array(
			'merge'        => array(
				WP_REST_Server::CREATABLE,
				'merge',
				array(
					'source_id'         => array(
						'description' => __( 'The ticket to merge into this one.', 'switchboard' ),
						'type'        => 'integer',
						'required'    => true,
						'minimum'     => 1,
					),
					'confirm_customers' => array(
						'description' => __( 'Both customer ids, to confirm merging tickets of two different customers (managers only).', 'switchboard' ),
						'type'        => 'array',
						'items'       => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'maxItems'    => 2,
					),
				),
			),
			'split'        => array(
				WP_REST_Server::CREATABLE,
				'split',
				array(
					'message_id' => array(
						'description' => __( 'The message to move into a new ticket.', 'switchboard' ),
						'type'        => 'integer',
						'required'    => true,
						'minimum'     => 1,
					),
				),
			),
			'timeline'     => array( WP_REST_Server::READABLE, 'get_timeline', array() ),
			'revoke-links' => array( WP_REST_Server::CREATABLE, 'revoke_links', array() ),
		);
		foreach ( $actions as $path => list( $methods, $callback, $args ) ) {
			$endpoint = array(
				'methods'             => $methods,
				'callback'            => array( $this, $callback ),
				'permission_callback' => array( $this, 'check_agent' ),
			);
			if ( $args ) {
				$endpoint['args'] = $args;
			}
			register_rest_route(
				$this->namespace,
				'/' . $this->rest_base . '/(?P<id>[\d]+)/' . $path,
				array(
					'args' => TicketsController::id_arg(),
					$endpoint,
				)
			);
		}
	}

	/**
	 * Arguments of POST /tickets/bulk.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function bulk_args(): array {
		$tags = array(
			'type'  => 'array',
			'items' => array( 'type' => 'string' ),
		);
		return array(
			'ids'         => array(
				'type'     => 'array',
				'items'    => array( 'type' => 'integer' ),
				'required' => true,
				'minItems' => 1,
				'maxItems' => 500,
			),
			'status'      => array(
				'type' => 'string',
				'enum' => Status::ALL,
			),
			'priority'    => array(
				'type' => 'string',
				'enum' => array_keys( Status::PRIORITIES ),
			),
			'assignee_id' => array(
				'type'    => 'integer',
				'minimum' => 0,
			),
			'team_id'     => array(
				'type'    => 'integer',
				'minimum' => 0,
			),
			'add_tags'    => $tags,
			'remove_tags' => $tags,
		);
	}

	/**
	 * POST /tickets/bulk.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function bulk_update( $request ) {
		$check = $this->reject_unknown_fields( $request, array( 'ids', 'status', 'priority', 'assignee_id', 'team_id', 'add_tags', 'remove_tags' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		if ( null !== $request['team_id'] && 0 !== (int) $request['team_id'] && ! ( new Teams() )->exists( (int) $request['team_id'] ) ) {
			return Teams::invalid_reference();
		}
		$tags    = new Tags();
		$refused = $tags->refuse_unknown( (array) $request['add_tags'], current_user_can( 'switchboard_manage' ) );
		if ( $refused ) {
			return $refused;
		}
		$changes = array_filter(
			array(
				'status'      => $request['status'],
				'priority'    => $request['priority'],
				'assignee_id' => $request['assignee_id'],
				'team_id'     => $request['team_id'],
			),
			static fn ( $v ): bool => null !== $v
		);
		$ids     = array_values( array_unique( array_map( 'intval', (array) $request['ids'] ) ) );
		$updated = array();
		$errors  = array();
		foreach ( $ids as $id ) {
			$result = $changes ? $this->tickets->update( $id, $changes ) : $this->tickets->get( $id );
			if ( is_wp_error( $result ) ) {
				$errors[ $id ] = $result->get_error_message();
			} elseif ( null !== $result ) {
				$updated[] = $id;
			}
		}
		if ( $request['add_tags'] || $request['remove_tags'] ) {
			$tags->change_for_tickets( $updated, (array) $request['add_tags'], (array) $request['remove_tags'], current_user_can( 'switchboard_manage' ) );
		}
		return rest_ensure_response(
			array(
				'updated' => count( $updated ),
				'ids'     => $updated,
				'errors'  => (object) $errors,
			)
		);
	}

	/**
	 * POST /tickets/<id>/merge.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function merge( $request ) {
		$result = ( new Merger() )->merge(
			(int) $request['id'],
			(int) $request['source_id'],
			current_user_can( 'switchboard_manage' ),
			(array) ( $request['confirm_customers'] ?? array() )
		);
		return is_wp_error( $result ) ? $result : $this->tickets_controller->prepare_item_for_response( $result, $request );
	}

	/**
	 * POST /tickets/<id>/split.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function split( $request ) {
		$result = $this->tickets->split( (int) $request['id'], (int) $request['message_id'] );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = $this->tickets_controller->prepare_item_for_response( (array) $this->tickets->get( $result ), $request );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * POST /tickets/<id>/revoke-links: every signed link (and signed reply address) mailed so far
	 * stops working.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function revoke_links( $request ) {
		$result = ( new SignedLinks( null, $this->tickets ) )->revoke( (int) $request['id'] );
		return is_wp_error( $result ) ? $result : $this->tickets_controller->prepare_item_for_response( $result, $request );
	}

	/**
	 * GET /tickets/<id>/timeline.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_timeline( $request ) {
		$ticket = $this->tickets->get( (int) $request['id'] );
		if ( ! $ticket ) {
			return self::not_found();
		}
		return rest_ensure_response( ( new Timeline() )->for_ticket( $ticket ) );
	}
}
