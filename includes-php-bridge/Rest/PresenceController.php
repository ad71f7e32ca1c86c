<?php
/**
 * /switchboard/v1/tickets/<id>/presence — collision detection between agents.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The SPA says every ~15 s "I am viewing" or "I am replying to" a ticket (POST) and gets back the
 * other agents on it; it says goodbye with DELETE. Entries live in one transient per ticket and
 * expire after TTL seconds without a beat, so a closed tab disappears by itself.
 *
 * Transients (object cache when there is one, else an option row) rather than the Heartbeat
 * API, because the SPA already polls the REST API and needs the answer for one ticket only.
 */
final class PresenceController extends Controller {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	/**
	 * Seconds without a beat after which an agent is gone.
	 */
	public const TTL = 45;

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tickets/(?P<id>[\d]+)/presence';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Ticket id.', 'switchboard' ),
						'type'        => 'integer',
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
					'args'                => array(
						'state' => array(
							'description' => __( 'What the agent does on the ticket.', 'switchboard' ),
							'type'        => 'string',
							'enum'        => array( 'viewing', 'replying' ),
							'default'     => 'viewing',
						),
					),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Transient key of a ticket.
	 *
	 * @param int $ticket_id Ticket id.
	 */
	private static function key( int $ticket_id ): string {
		return 'switchboard_presence_' . $ticket_id;
	}

	/**
	 * Live entries of a ticket: user id → [state, seen (unix time)].
	 *
	 * @param int $ticket_id Ticket id.
	 * @return array<int, array{state: string, seen: int}>
	 */
	private static function entries( int $ticket_id ): array {
		$entries = get_transient( self::key( $ticket_id ) );
		$entries = is_array( $entries ) ? $entries : array();
		$cutoff  = time() - self::TTL;
		return array_filter(
			$entries,
			static fn ( $entry ): bool => is_array( $entry ) && (int) ( $entry['seen'] ?? 0 ) >= $cutoff
		);
	}

	/**
	 * Stores the entries (or drops the transient when nobody is left).
	 *
	 * @param int                                         $ticket_id Ticket id.
	 * @param array<int, array{state: string, seen: int}> $entries   Entries.
	 */
	private static function save( int $ticket_id, array $entries ): void {
		if ( ! $entries ) {
			delete_transient( self::key( $ticket_id ) );
			return;
		}
		set_transient( self::key( $ticket_id ), $entries, self::TTL * 2 );
	}

	/**
	 * 404 unless the ticket exists.
	 *
	 * @param int $ticket_id Ticket id.
	 * @return true|WP_Error
	 */
	private function ticket_exists( int $ticket_id ) {
		if ( null === $this->tickets->get( $ticket_id ) ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'No such ticket.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return true;
	}

	/**
	 * The other agents on the ticket, as the API shows them.
	 *
	 * @param array<int, array{state: string, seen: int}> $entries Entries.
	 * @return array<int, array<string, mixed>>
	 */
	private static function others( array $entries ): array {
		$me  = get_current_user_id();
		$out = array();
		foreach ( $entries as $user_id => $entry ) {
			$user_id = (int) $user_id;
			if ( $user_id === $me ) {
				continue;
			}
			$user = get_userdata( $user_id );
			if ( ! $user ) {
				continue;
			}
			$out[] = array(
				'user_id' => $user_id,
				'name'    => (string) $user->display_name,
				'avatar'  => (string) get_avatar_url( $user_id, array( 'size' => 40 ) ),
				'state'   => 'replying' === $entry['state'] ? 'replying' : 'viewing',
				'seen_at' => gmdate( 'Y-m-d\TH:i:s\Z', (int) $entry['seen'] ),
			);
		}
		// Replying first: that is the collision that matters.
		usort( $out, static fn ( array $a, array $b ): int => strcmp( $a['state'], $b['state'] ) );
		return $out;
	}

	/**
	 * GET: who else is on the ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$ticket_id = (int) $request['id'];
		$exists    = $this->ticket_exists( $ticket_id );
		if ( is_wp_error( $exists ) ) {
			return $exists;
		}
		return $this->collection_of( self::others( self::entries( $ticket_id ) ), $request );
	}

	/**
	 * POST: the current agent views/replies; answers who else is on the ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$ticket_id = (int) $request['id'];
		$exists    = $this->ticket_exists( $ticket_id );
		if ( is_wp_error( $exists ) ) {
			return $exists;
		}
		$entries                          = self::entries( $ticket_id );
		$entries[ get_current_user_id() ] = array(
			'state' => 'replying' === $request['state'] ? 'replying' : 'viewing',
			'seen'  => time(),
		);
		self::save( $ticket_id, $entries );
		return $this->collection_of( self::others( $entries ), $request );
	}

	/**
	 * DELETE: the current agent left the ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function delete_item( $request ) {
		$ticket_id = (int) $request['id'];
		$entries   = self::entries( $ticket_id );
		unset( $entries[ get_current_user_id() ] );
		self::save( $ticket_id, $entries );
		return $this->collection_of( self::others( $entries ), $request );
	}

	/**
	 * One other agent on the ticket.
	 *
	 * @param mixed           $item    Entry as others() shapes it.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $item );
	}

	/**
	 * The list response: each entry through prepare_item_for_response().
	 *
	 * @param array<int, array<string, mixed>> $others  Entries.
	 * @param WP_REST_Request                  $request Request.
	 */
	private function collection_of( array $others, $request ): \WP_REST_Response {
		$items = array();
		foreach ( $others as $other ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $other, $request ) );
		}
		return rest_ensure_response( $items );
	}

	/**
	 * Schema of one presence entry (the routes return arrays of them).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_presence',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'user_id' => array(
					'type'     => 'integer',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'name'    => array(
					'type'     => 'string',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'avatar'  => array(
					'type'     => 'string',
					'format'   => 'uri',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'state'   => array(
					'type'     => 'string',
					'enum'     => array( 'viewing', 'replying' ),
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'seen_at' => array(
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
