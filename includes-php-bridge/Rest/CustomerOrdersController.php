<?php
/**
 * GET /switchboard/v1/customers/<id>/orders — the customer's WooCommerce orders for the panel.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Plugin;
use Switchboard\Tickets\Customers;
use Switchboard\Woo\Orders;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Her latest orders (number, date, status, items, total, edit link, tracking), order count,
 * lifetime value, and the ticket's linked order when it is not among the latest. Answers 404
 * `switchboard_woocommerce_inactive` while WooCommerce is not active.
 */
final class CustomerOrdersController extends Controller {

	/**
	 * Customers.
	 *
	 * @var Customers
	 */
	private Customers $customers;

	/**
	 * Constructor.
	 *
	 * @param Customers|null $customers Customers.
	 */
	public function __construct( ?Customers $customers = null ) {
		$this->customers = $customers ?? new Customers();
	}

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'customers/(?P<id>[\d]+)/orders';

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
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Query parameters.
	 *
	 * @return array<string, mixed>
	 */
	public function get_collection_params() {
		return array(
			'context'      => $this->get_context_param( array( 'default' => 'view' ) ),
			'per_page'     => array(
				'description' => __( 'How many recent orders.', 'switchboard' ),
				'type'        => 'integer',
				'default'     => 10,
				'minimum'     => 1,
				'maximum'     => 50,
			),
			'linked_order' => array(
				'description' => __( 'The ticket’s order, returned as linked_order when it is not among the recent ones.', 'switchboard' ),
				'type'        => 'integer',
				'default'     => 0,
				'minimum'     => 0,
			),
		);
	}

	/**
	 * The orders.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		if ( ! Plugin::woocommerce_active() ) {
			return new WP_Error(
				'switchboard_woocommerce_inactive',
				__( 'WooCommerce is not active, so there are no orders.', 'switchboard' ),
				array( 'status' => 404 )
			);
		}
		$customers = $this->customers;
		$customer  = $customers->get( $customers->canonical( (int) $request['id'] ) );
		if ( null === $customer ) {
			return new WP_Error(
				'switchboard_customer_not_found',
				__( 'No such customer.', 'switchboard' ),
				array( 'status' => 404 )
			);
		}

		$data = ( new Orders() )->for_customer( $customer, (int) $request['per_page'], (int) $request['linked_order'] );
		return $this->prepare_item_for_response( $data, $request );
	}

	/**
	 * Schema of one order summary.
	 *
	 * @return array<string, mixed>
	 */
	private static function order_schema(): array {
		$string = array(
			'type'    => 'string',
			'context' => array( 'view' ),
		);
		return array(
			'type'                 => array( 'object', 'null' ),
			'context'              => array( 'view' ),
			'additionalProperties' => false,
			'properties'           => array(
				'id'              => array(
					'type'    => 'integer',
					'context' => array( 'view' ),
				),
				'number'          => $string,
				'date_created'    => array(
					'type'    => array( 'string', 'null' ),
					'format'  => 'date-time',
					'context' => array( 'view' ),
				),
				'status'          => $string,
				'status_label'    => $string,
				'total'           => $string,
				'total_formatted' => $string,
				'currency'        => $string,
				'items'           => array(
					'type'    => 'array',
					'context' => array( 'view' ),
					'items'   => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'name'     => $string,
							'quantity' => array(
								'type'    => 'integer',
								'context' => array( 'view' ),
							),
							'total'    => $string,
						),
					),
				),
				'item_count'      => array(
					'type'    => 'integer',
					'context' => array( 'view' ),
				),
				'edit_url'        => array(
					'type'    => 'string',
					'format'  => 'uri',
					'context' => array( 'view' ),
				),
				'tracking'        => $string,
			),
		);
	}

	/**
	 * The response for one item (her orders, as Woo\\Orders shapes them).
	 *
	 * @param mixed           $item    Item data, shaped by the domain service.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $item );
	}

	/**
	 * Response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$order        = self::order_schema();
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_customer_orders',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'orders'                   => array(
					'description' => __( 'Her latest orders, newest first.', 'switchboard' ),
					'type'        => 'array',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'items'       => $order,
				),
				'order_count'              => array(
					'description' => __( 'All her orders.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'lifetime_value'           => array(
					'description' => __( 'Paid totals minus refunds, in the shop currency.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'lifetime_value_formatted' => array(
					'type'     => 'string',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'currency'                 => array(
					'type'     => 'string',
					'context'  => array( 'view' ),
					'readonly' => true,
				),
				'linked_order'             => array_merge(
					$order,
					array( 'description' => __( 'The ticket’s order when it is not among the latest.', 'switchboard' ) )
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
