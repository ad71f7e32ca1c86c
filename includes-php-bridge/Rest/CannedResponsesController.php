<?php
/**
 * /switchboard/v1/canned-responses — saved replies, personal or shared, with placeholders.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Auth\Capabilities;
use Switchboard\Db\Schema;
use Switchboard\Plugin;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use Switchboard\Woo\Orders;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Agents read the shared responses and their own; they create personal ones. Shared ones
 * (owner_id 0) are created, edited and deleted by managers only. `POST …/<id>/render` fills the
 * placeholders for a ticket — customer, her order (WooCommerce), the agent, the site — and counts
 * the use.
 *
 * Bodies are plain text (the composer turns text into HTML when it sends), so placeholder values
 * are inserted as text too.
 */
final class CannedResponsesController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'canned-responses';

	/**
	 * The placeholders filled by render, documented in the schema and the settings screen.
	 */
	public const PLACEHOLDERS = array(
		'customer.name',
		'customer.first_name',
		'customer.last_name',
		'customer.email',
		'ticket.number',
		'ticket.subject',
		'agent.name',
		'agent.first_name',
		'site.name',
		'order.number',
		'order.status',
		'order.date',
		'order.total',
		'order.tracking',
		'order.items',
	);

	/**
	 * Registers the routes.
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
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Canned response id.', 'switchboard' ),
						'type'        => 'integer',
					),
				),
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
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/render',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'render_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'The ticket the reply is for; its customer and order fill the placeholders.', 'switchboard' ),
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
	 * Collection parameters.
	 *
	 * @return array<string, mixed>
	 */
	public function get_collection_params() {
		return array(
			'context'  => $this->get_context_param( array( 'default' => 'view' ) ),
			'search'   => array(
				'description' => __( 'Limit to responses whose title, shortcut or text contain this.', 'switchboard' ),
				'type'        => 'string',
				'default'     => '',
			),
			'page'     => array(
				'type'    => 'integer',
				'default' => 1,
				'minimum' => 1,
			),
			'per_page' => array(
				'type'    => 'integer',
				'default' => 100,
				'minimum' => 1,
				'maximum' => 100,
			),
		);
	}

	/**
	 * The table.
	 */
	private static function table(): string {
		return Schema::table( 'canned_responses' );
	}

	/**
	 * A row, or null.
	 *
	 * @param int $id Id.
	 * @return array<string, mixed>|null
	 */
	private static function find( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . self::table() . ' WHERE id = %d', $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The row if the current user may see it (shared, or hers), else a 404 WP_Error.
	 *
	 * @param int $id Id.
	 * @return array<string, mixed>|WP_Error
	 */
	private function visible( int $id ) {
		$row = self::find( $id );
		if ( null === $row || ( 0 !== (int) $row['owner_id'] && get_current_user_id() !== (int) $row['owner_id'] ) ) {
			return new WP_Error( 'switchboard_canned_not_found', __( 'No such canned response.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return $row;
	}

	/**
	 * Whether the current user may change the row: her own, or a shared one as a manager.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return true|WP_Error
	 */
	private static function can_edit( array $row ) {
		if ( 0 === (int) $row['owner_id'] ? current_user_can( Capabilities::MANAGE ) : get_current_user_id() === (int) $row['owner_id'] ) {
			return true;
		}
		return new WP_Error( 'switchboard_forbidden', __( 'Only managers can change shared canned responses.', 'switchboard' ), array( 'status' => 403 ) );
	}

	/**
	 * GET /canned-responses.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		global $wpdb;
		$where  = 'owner_id IN (0, %d)';
		$params = array( get_current_user_id() );
		$search = trim( (string) $request['search'] );
		if ( '' !== $search ) {
			$like     = '%' . $wpdb->esc_like( $search ) . '%';
			$where   .= ' AND (title LIKE %s OR shortcut LIKE %s OR body LIKE %s)';
			$params[] = $like;
			$params[] = $like;
			$params[] = $like;
		}
		$per_page = (int) $request['per_page'];
		$offset   = ( (int) $request['page'] - 1 ) * $per_page;
		$total    = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . self::table() . " WHERE $where", $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where holds placeholders only.
		$rows     = $wpdb->get_results(
			$wpdb->prepare( 'SELECT * FROM ' . self::table() . " WHERE $where ORDER BY title ASC, id ASC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where holds placeholders only.
			ARRAY_A
		);

		$items = array();
		foreach ( (array) $rows as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $total / $per_page ) ) );
		return $response;
	}

	/**
	 * GET /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$row = $this->visible( (int) $request['id'] );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		return $this->prepare_item_for_response( $row, $request );
	}

	/**
	 * Validated title/body/shortcut from a request.
	 *
	 * @param WP_REST_Request      $request  Request.
	 * @param array<string, mixed> $existing Current row on update.
	 * @return array<string, string>|WP_Error
	 */
	private static function fields( WP_REST_Request $request, array $existing = array() ) {
		$data = array();
		foreach ( array( 'title', 'body', 'shortcut' ) as $key ) {
			if ( isset( $request[ $key ] ) ) {
				$data[ $key ] = 'body' === $key
					? sanitize_textarea_field( (string) $request[ $key ] )
					: sanitize_text_field( (string) $request[ $key ] );
			}
		}
		$title = $data['title'] ?? (string) ( $existing['title'] ?? '' );
		$body  = $data['body'] ?? (string) ( $existing['body'] ?? '' );
		if ( '' === trim( $title ) || '' === trim( $body ) ) {
			return new WP_Error( 'switchboard_canned_invalid', __( 'A canned response needs a title and a text.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( isset( $data['shortcut'] ) ) {
			$data['shortcut'] = substr( preg_replace( '/[^\w\-]/u', '', ltrim( $data['shortcut'], '/' ) ) ?? '', 0, 64 );
		}
		if ( isset( $data['title'] ) ) {
			$data['title'] = mb_substr( $data['title'], 0, 190 );
		}
		return $data;
	}

	/**
	 * POST /canned-responses.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		global $wpdb;
		$data = self::fields( $request );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		$shared = (bool) ( $request['shared'] ?? false );
		if ( $shared && ! current_user_can( Capabilities::MANAGE ) ) {
			return new WP_Error( 'switchboard_forbidden', __( 'Only managers can share canned responses with the team.', 'switchboard' ), array( 'status' => 403 ) );
		}
		$now = Time::now();
		$wpdb->insert(
			self::table(),
			array(
				'title'       => $data['title'],
				'body'        => $data['body'],
				'shortcut'    => $data['shortcut'] ?? '',
				'owner_id'    => $shared ? 0 : get_current_user_id(),
				'usage_count' => 0,
				'created_at'  => $now,
				'updated_at'  => $now,
			),
			array( '%s', '%s', '%s', '%d', '%d', '%s', '%s' )
		);
		$row = self::find( (int) $wpdb->insert_id );
		if ( null === $row ) {
			return new WP_Error( 'switchboard_db_error', __( 'The canned response could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		$response = $this->prepare_item_for_response( $row, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, (int) $row['id'] ) ) );
		return $response;
	}

	/**
	 * PUT/PATCH /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		global $wpdb;
		$row = $this->visible( (int) $request['id'] );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$allowed = self::can_edit( $row );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$data = self::fields( $request, $row );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		if ( isset( $request['shared'] ) ) {
			if ( ! current_user_can( Capabilities::MANAGE ) && (bool) $request['shared'] ) {
				return new WP_Error( 'switchboard_forbidden', __( 'Only managers can share canned responses with the team.', 'switchboard' ), array( 'status' => 403 ) );
			}
			$data['owner_id'] = (bool) $request['shared'] ? 0 : ( 0 === (int) $row['owner_id'] ? get_current_user_id() : (int) $row['owner_id'] );
		}
		$data['updated_at'] = Time::now();
		$wpdb->update( self::table(), $data, array( 'id' => (int) $row['id'] ) );
		return $this->prepare_item_for_response( (array) self::find( (int) $row['id'] ), $request );
	}

	/**
	 * DELETE /canned-responses/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		global $wpdb;
		$row = $this->visible( (int) $request['id'] );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$allowed = self::can_edit( $row );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$previous = $this->prepare_item_for_response( $row, $request )->get_data();
		$wpdb->delete( self::table(), array( 'id' => (int) $row['id'] ), array( '%d' ) );
		return rest_ensure_response(
			array(
				'deleted'  => true,
				'previous' => $previous,
			)
		);
	}

	/**
	 * POST /canned-responses/<id>/render — the text with placeholders filled for a ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function render_item( $request ) {
		global $wpdb;
		$row = $this->visible( (int) $request['id'] );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$ticket = ( new TicketService() )->get( (int) $request['ticket_id'] );
		if ( null === $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'No such ticket.', 'switchboard' ), array( 'status' => 404 ) );
		}

		$values  = $this->placeholder_values( $ticket );
		$missing = array();
		$body    = (string) preg_replace_callback(
			'/\{([a-z_]+\.[a-z_]+)\}/',
			static function ( array $match ) use ( $values, &$missing ): string {
				if ( ! array_key_exists( $match[1], $values ) ) {
					return $match[0];
				}
				if ( '' === $values[ $match[1] ] ) {
					$missing[] = $match[1];
				}
				return $values[ $match[1] ];
			},
			(string) $row['body']
		);

		$wpdb->query( $wpdb->prepare( 'UPDATE ' . self::table() . ' SET usage_count = usage_count + 1 WHERE id = %d', (int) $row['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().

		return rest_ensure_response(
			array(
				'id'      => (int) $row['id'],
				'title'   => (string) $row['title'],
				'body'    => $body,
				'missing' => array_values( array_unique( $missing ) ),
			)
		);
	}

	/**
	 * Placeholder values for a ticket.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return array<string, string>
	 */
	public function placeholder_values( array $ticket ): array {
		$customers = new Customers();
		$customer  = (int) ( $ticket['customer_id'] ?? 0 ) > 0 ? $customers->get( (int) $ticket['customer_id'] ) : null;
		$agent     = wp_get_current_user();

		$name  = $customer ? trim( (string) $customer['name'] ) : '';
		$parts = preg_split( '/\s+/u', $name, 2 );
		$first = (string) ( $parts[0] ?? '' );
		$last  = (string) ( $parts[1] ?? '' );
		if ( $customer && (int) $customer['user_id'] > 0 ) {
			$user_first = (string) get_user_meta( (int) $customer['user_id'], 'first_name', true );
			$user_last  = (string) get_user_meta( (int) $customer['user_id'], 'last_name', true );
			$first      = '' !== $user_first ? $user_first : $first;
			$last       = '' !== $user_last ? $user_last : $last;
		}

		$agent_first = (string) get_user_meta( $agent->ID, 'first_name', true );
		$values      = array(
			'customer.name'       => $customer ? Customers::display_name( $customer ) : '',
			'customer.first_name' => $first,
			'customer.last_name'  => $last,
			'customer.email'      => $customer ? (string) $customer['email'] : '',
			'ticket.number'       => (string) $ticket['id'],
			'ticket.subject'      => (string) $ticket['subject'],
			'agent.name'          => (string) $agent->display_name,
			'agent.first_name'    => '' !== $agent_first ? $agent_first : (string) strtok( (string) $agent->display_name, ' ' ),
			'site.name'           => wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ),
			'order.number'        => '',
			'order.status'        => '',
			'order.date'          => '',
			'order.total'         => '',
			'order.tracking'      => '',
			'order.items'         => '',
		);

		if ( $customer && Plugin::woocommerce_active() ) {
			$order_values = ( new Orders() )->placeholders( $customer, (int) ( $ticket['order_id'] ?? 0 ) );
			if ( '' === $values['customer.first_name'] && isset( $order_values['customer.billing_first_name'] ) ) {
				$values['customer.first_name'] = $order_values['customer.billing_first_name'];
			}
			unset( $order_values['customer.billing_first_name'] );
			$values = array_merge( $values, $order_values );
		}

		/**
		 * Filters the values of canned-response placeholders (`{group.key}` → value, plain text).
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, string> $values   Placeholder → value; '' when unknown.
		 * @param array<string, mixed>  $ticket   Ticket row.
		 * @param array<string, mixed>|null $customer Customer row.
		 */
		return (array) apply_filters( 'switchboard_canned_response_placeholders', $values, $ticket, $customer );
	}

	/**
	 * Shapes a row.
	 *
	 * @param array<string, mixed> $item    Row.
	 * @param WP_REST_Request      $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data = array(
			'id'          => (int) $item['id'],
			'title'       => (string) $item['title'],
			'body'        => (string) $item['body'],
			'shortcut'    => (string) $item['shortcut'],
			'owner_id'    => (int) $item['owner_id'],
			'shared'      => 0 === (int) $item['owner_id'],
			'usage_count' => (int) $item['usage_count'],
			'created_at'  => Time::iso( (string) $item['created_at'] ),
			'updated_at'  => Time::iso( (string) $item['updated_at'] ),
		);
		$data = $this->filter_response_by_context( $data, (string) ( $request['context'] ?? 'view' ) );
		return rest_ensure_response( $data );
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
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_canned_response',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'          => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'title'       => array(
					'description' => __( 'Title agents pick it by.', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => 190,
					'context'     => array( 'view', 'edit' ),
				),
				'body'        => array(
					/* translators: %s: list of placeholders */
					'description' => sprintf( __( 'Plain text with placeholders: %s.', 'switchboard' ), '{' . implode( '}, {', self::PLACEHOLDERS ) . '}' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
				),
				'shortcut'    => array(
					'description' => __( 'Optional short name.', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => 64,
					'context'     => array( 'view', 'edit' ),
				),
				'owner_id'    => array(
					'description' => __( 'Owner (0 = shared with every agent).', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'shared'      => array(
					'description' => __( 'Shared with every agent (managers only).', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
				),
				'usage_count' => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'created_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'updated_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
