<?php
/**
 * /switchboard/v1/customers — one person across every channel.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketFormatter;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Search, read (with identities and tickets), unified timeline, merge.
 */
final class CustomersController extends Controller {

	/**
	 * Customers.
	 *
	 * @var Customers
	 */
	private Customers $customers;

	/**
	 * Messages.
	 *
	 * @var Messages
	 */
	private Messages $messages;

	/**
	 * Constructor.
	 *
	 * @param Customers|null $customers Customers.
	 * @param Messages|null  $messages Messages.
	 */
	public function __construct( ?Customers $customers = null, ?Messages $messages = null ) {
		$this->customers = $customers ?? new Customers();
		$this->messages  = $messages ?? new Messages();
	}

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'customers';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		$id = array(
			'id' => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'search'   => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
						),
						'per_page' => array(
							'type'    => 'integer',
							'default' => 20,
							'minimum' => 1,
							'maximum' => 100,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => $id,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/tickets',
			array(
				'args' => $id,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_tickets' ),
					'permission_callback' => array( $this, 'check_agent' ),
					// Her 50 latest tickets, newest activity first; X-WP-Total counts them all.
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/timeline',
			array(
				'args' => $id,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_timeline' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/merge',
			array(
				'args' => $id,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'merge' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => array(
						'source_id' => array(
							'description' => __( 'The customer to merge into this one.', 'switchboard' ),
							'type'        => 'integer',
							'required'    => true,
							'minimum'     => 1,
						),
					),
				),
			)
		);
	}

	/**
	 * GET /customers?search=.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$rows  = $this->customers->search( (string) $request['search'], (int) $request['per_page'] );
		$items = array_map( fn ( array $row ): array => (array) $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) ), $rows );
		return $this->collection( $items, count( $items ), (int) $request['per_page'] );
	}

	/**
	 * GET /customers/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$customers = $this->customers;
		$row       = $customers->get( $customers->canonical( (int) $request['id'] ) );
		return $row ? $this->prepare_item_for_response( $row, $request ) : self::not_found( 'customer' );
	}

	/**
	 * GET /customers/<id>/tickets (every channel).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_tickets( $request ) {
		$customers = $this->customers;
		$id        = $customers->canonical( (int) $request['id'] );
		if ( ! $customers->get( $id ) ) {
			return self::not_found( 'customer' );
		}
		$result = ( new TicketQuery() )->query(
			array(
				'customer' => $id,
				'orderby'  => 'last_message_at',
				'per_page' => 50,
			)
		);
		return $this->collection( ( new TicketFormatter() )->format_many( $result['rows'] ), $result['total'], 50 );
	}

	/**
	 * GET /customers/<id>/timeline: her latest messages across all tickets and channels.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_timeline( $request ) {
		$customers = $this->customers;
		$id        = $customers->canonical( (int) $request['id'] );
		if ( ! $customers->get( $id ) ) {
			return self::not_found( 'customer' );
		}
		$messages = $this->messages;
		return rest_ensure_response( $messages->format_many( $messages->latest_of_customer( $id, 100 ) ) );
	}

	/**
	 * POST /customers/<id>/merge.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function merge( $request ) {
		$customers = $this->customers;
		$result    = $customers->merge( (int) $request['id'], (int) $request['source_id'] );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return $this->prepare_item_for_response( (array) $customers->get( (int) $request['id'] ), $request );
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
		$prop         = static fn ( $type ): array => array(
			'type'     => $type,
			'context'  => array( 'view', 'edit' ),
			'readonly' => true,
		);
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_customer',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'           => $prop( 'integer' ),
				'name'         => $prop( 'string' ),
				'email'        => $prop( 'string' ),
				'phone'        => $prop( 'string' ),
				'user_id'      => $prop( 'integer' ),
				'avatar'       => $prop( 'string' ),
				'identities'   => $prop( 'array' ),
				'ticket_count' => $prop( 'integer' ),
				'created_at'   => $prop( 'string' ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * REST shape of a customer: with her identities when the request is about her (has an id),
	 * without them in lists (one query less per row).
	 *
	 * @param mixed           $item    Customer row.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $this->shape( (array) $item, null !== $request->get_param( 'id' ) ) );
	}

	/**
	 * REST shape.
	 *
	 * @param array<string, mixed> $row  Customer row.
	 * @param bool                 $full Include identities.
	 * @return array<string, mixed>
	 */
	private function shape( array $row, bool $full ): array {
		$item = array(
			'id'           => (int) $row['id'],
			'name'         => Customers::display_name( $row ),
			'email'        => (string) $row['email'],
			'phone'        => (string) $row['phone'],
			'user_id'      => (int) $row['user_id'],
			'avatar'       => (string) get_avatar_url( (string) $row['email'], array( 'size' => 96 ) ),
			'ticket_count' => (int) $row['ticket_count'],
			'created_at'   => Time::iso( (string) $row['created_at'] ),
		);
		if ( $full ) {
			$item['identities'] = $this->customers->identities( (int) $row['id'] );
		}

		/**
		 * Filters a customer's REST shape (WooCommerce adds order stats here).
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, mixed> $item Shaped customer.
		 * @param array<string, mixed> $row  Customer row.
		 */
		return (array) apply_filters( 'switchboard_rest_customer', $item, $row );
	}
}
