<?php
/**
 * /switchboard/v1/me/tickets — a customer's own tickets (My Account, guest links).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use Switchboard\Tickets\UploadClaims;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Every query here is scoped to the signed-in customer (or to the one ticket a signed guest token
 * opens). Private notes and internal events never leave. Another customer's ticket answers 404,
 * exactly like a ticket that does not exist, so ids cannot be probed.
 */
final class MeController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'me/tickets';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		$ticket_args = array(
			'id'    => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'token' => array(
				'description' => __( 'Signed token from a guest link.', 'switchboard' ),
				'type'        => 'string',
				'pattern'     => '^[a-f0-9]{32}$',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_logged_in' ),
					'args'                => array(
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
					),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_logged_in' ),
					'args'                => array(
						'subject'       => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => 255,
						),
						'body'          => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => 50000,
						),
						'order_id'      => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
						'order_item_id' => array(
							'description' => __( 'The line item of the order the ticket is about (0 for the whole order).', 'switchboard' ),
							'type'        => 'integer',
							'minimum'     => 0,
							'default'     => 0,
						),
						'attachments'   => array(
							'type'     => 'array',
							'items'    => array( 'type' => 'integer' ),
							'maxItems' => 10,
							'default'  => array(),
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args' => $ticket_args,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_ticket' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/messages',
			array(
				'args' => $ticket_args,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'reply' ),
					'permission_callback' => array( $this, 'check_ticket' ),
					'args'                => array(
						'body'              => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => 50000,
						),
						'attachments'       => array(
							'type'     => 'array',
							'items'    => array( 'type' => 'integer' ),
							'maxItems' => 10,
							'default'  => array(),
						),
						'attachment_claims' => array(
							'description' => __( 'A guest\'s claim secrets for the files in "attachments" (handed out with her upload).', 'switchboard' ),
							'type'        => 'array',
							'items'       => array(
								'type'    => 'string',
								'pattern' => '^[a-f0-9]{64}$',
							),
							'maxItems'    => 10,
							'default'     => array(),
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/rating',
			array(
				'args' => $ticket_args,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rate' ),
					'permission_callback' => array( $this, 'check_ticket' ),
					'args'                => array(
						'score'   => array(
							'type'     => 'integer',
							'required' => true,
							'minimum'  => 1,
							'maximum'  => 5,
						),
						'comment' => array(
							'type'      => 'string',
							'maxLength' => 2000,
							'default'   => '',
						),
					),
				),
			)
		);
	}

	/**
	 * Permission for one ticket: its customer, or a valid signed token. Public with a token, so
	 * guests are rate-limited per IP.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_ticket( $request ) {
		$token = (string) ( $request['token'] ?? '' );
		if ( ! is_user_logged_in() && '' === $token ) {
			return self::not_logged_in();
		}
		if ( '' !== $token ) {
			$limited = RateLimiter::hit( 'me-token:' . RateLimiter::ip(), 120, MINUTE_IN_SECONDS );
			if ( is_wp_error( $limited ) ) {
				return $limited;
			}
		}
		$ticket = ( new TicketService() )->get( (int) $request['id'] );
		if ( $ticket && ! Access::owns( $ticket ) && '' !== $token && 'expired' === Access::token_state( $ticket, $token ) ) {
			return new WP_Error(
				'switchboard_link_expired',
				__( 'This link has expired. Reply to our last e-mail, or sign in, to see your request.', 'switchboard' ),
				array( 'status' => 403 )
			);
		}
		if ( ! $ticket || ! Access::can_view_as_customer( $ticket, $token ) ) {
			return self::not_found();
		}
		return true;
	}

	/**
	 * GET /me/tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$customer = Access::current_customer_id();
		if ( 0 === $customer ) {
			return $this->collection( array(), 0, (int) $request['per_page'] );
		}
		$result = ( new TicketQuery() )->query(
			array(
				'customer'       => $customer,
				'confirmed_only' => true,
				'orderby'        => 'last_message_at',
				'page'           => (int) $request['page'],
				'per_page'       => (int) $request['per_page'],
			)
		);
		$items  = array_map( array( $this, 'shape' ), $result['rows'] );
		return $this->collection( $items, $result['total'], (int) $request['per_page'] );
	}

	/**
	 * POST /me/tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array( 'subject', 'body', 'order_id', 'order_item_id', 'attachments' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$limited = RateLimiter::hit( 'me-create:' . get_current_user_id(), 10, HOUR_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}
		$files = ( new UploadClaims() )->check( (array) $request['attachments'], get_current_user_id(), (array) ( $request['attachment_claims'] ?? array() ) );
		if ( is_wp_error( $files ) ) {
			return $files;
		}
		$customer = Access::current_customer_id();
		$order_id = (int) $request['order_id'];
		if ( $order_id > 0 && ! self::owns_order( $order_id, get_current_user_id() ) ) {
			return new WP_Error(
				'switchboard_invalid_order',
				__( 'That order is not one of yours.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array(
						'order_id' => __(
							'Not your order.',
							'switchboard'
						),
					),
				)
			);
		}
		$item_id   = (int) $request['order_item_id'];
		$item_name = '';
		if ( $item_id > 0 ) {
			/**
			 * Filters the name of a line item of an order, '' when the item is not in the order
			 * (the WooCommerce bridge answers).
			 *
			 * @since 0.1.0
			 *
			 * @param string $name     Default ''.
			 * @param int    $order_id Order id.
			 * @param int    $item_id  Order item id.
			 */
			$item_name = $order_id > 0 ? (string) apply_filters( 'switchboard_order_item_name', '', $order_id, $item_id ) : '';
			if ( '' === $item_name ) {
				return new WP_Error(
					'switchboard_invalid_order_item',
					__( 'That item is not part of the chosen order.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array( 'order_item_id' => __( 'Choose an item of the chosen order.', 'switchboard' ) ),
					)
				);
			}
		}
		$id = ( new TicketService() )->create(
			array(
				'subject'     => (string) $request['subject'],
				'channel'     => 'account',
				'customer_id' => $customer,
				'order_id'    => $order_id,
				'meta'        => $item_id > 0 ? array(
					'order_item' => array(
						'id'   => $item_id,
						'name' => $item_name,
					),
				) : array(),
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => (string) $request['body'],
					'attachments' => (array) $request['attachments'],
				),
				'actor'       => array(
					'type' => 'customer',
					'id'   => $customer,
				),
			)
		);
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$response = rest_ensure_response( $this->detail( (array) ( new TicketService() )->get( $id ), '' ) );
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
		return rest_ensure_response( $this->detail( (array) ( new TicketService() )->get( (int) $request['id'] ), (string) ( $request['token'] ?? '' ) ) );
	}

	/**
	 * POST /me/tickets/<id>/messages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reply( $request ) {
		$ticket  = (array) ( new TicketService() )->get( (int) $request['id'] );
		$bucket  = is_user_logged_in() ? 'user:' . get_current_user_id() : 'ip:' . RateLimiter::ip();
		$limited = RateLimiter::hit( 'me-reply:' . $bucket, 30, HOUR_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}
		if ( Status::CLOSED === $ticket['status'] ) {
			return new WP_Error( 'switchboard_ticket_closed', __( 'This ticket is closed. Please open a new one.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$files = ( new UploadClaims() )->check( (array) $request['attachments'], get_current_user_id(), (array) ( $request['attachment_claims'] ?? array() ) );
		if ( is_wp_error( $files ) ) {
			return $files;
		}
		$id = ( new TicketService() )->add_message(
			(int) $ticket['id'],
			array(
				'author_type'       => 'customer',
				'author_id'         => (int) $ticket['customer_id'],
				'channel'           => is_user_logged_in() ? 'account' : 'web',
				'body_text'         => (string) $request['body'],
				'attachments'       => (array) $request['attachments'],
				'attachment_claims' => (array) $request['attachment_claims'],
				// Her own account, or the signed link that only went to her address.
				'meta'              => array( 'via' => Access::owns( $ticket ) ? SenderCheck::BY_ACCOUNT : SenderCheck::BY_LINK ),
			)
		);
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$messages = new Messages();
		$token    = (string) ( $request['token'] ?? '' );
		$response = rest_ensure_response( self::public_message( $messages->format_many( array( (array) $messages->get( $id ) ), '' !== $token ? array( 'token' => $token ) : array() )[0] ) );
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
		$service = new TicketService();
		$ticket  = (array) $service->get( (int) $request['id'] );
		if ( ! in_array( $ticket['status'], array( Status::SOLVED, Status::CLOSED ), true ) ) {
			return new WP_Error( 'switchboard_not_solved', __( 'You can rate a ticket once it is solved.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$rating = array(
			'score'   => (int) $request['score'],
			'comment' => sanitize_textarea_field( (string) $request['comment'] ),
			'at'      => Time::iso( Time::now() ),
		);
		$service->update_meta( (int) $ticket['id'], 'rating', $rating );
		( new Events() )->record(
			(int) $ticket['id'],
			'rated',
			$rating,
			array(
				'type' => 'customer',
				'id'   => (int) $ticket['customer_id'],
			)
		);

		/**
		 * Fires after a customer rated a solved ticket (CSAT).
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $ticket_id Ticket id.
		 * @param array<string, mixed> $rating    score (1–5), comment, at.
		 */
		do_action( 'switchboard_ticket_rated', (int) $ticket['id'], $rating );
		return rest_ensure_response( $rating );
	}

	/**
	 * Whether the order belongs to the user (answered by the WooCommerce bridge).
	 */
	private static function owns_order( int $order_id, int $user_id ): bool {
		/**
		 * Filters whether an order belongs to a user (WooCommerce bridge answers; without
		 * WooCommerce nothing is anyone's order).
		 *
		 * @since 0.1.0
		 *
		 * @param bool $owns     Default false.
		 * @param int  $order_id Order id.
		 * @param int  $user_id  User id.
		 */
		return (bool) apply_filters( 'switchboard_user_owns_order', false, $order_id, $user_id );
	}

	/**
	 * List shape for customers (no assignee, no internal counters).
	 *
	 * @param array<string, mixed> $row Ticket row.
	 * @return array<string, mixed>
	 */
	public function shape( array $row ): array {
		return array(
			'id'              => (int) $row['id'],
			'number'          => (int) $row['id'],
			'subject'         => (string) $row['subject'],
			'status'          => (string) $row['status'],
			'status_label'    => Status::label( (string) $row['status'] ),
			'channel'         => (string) $row['channel'],
			'order_id'        => (int) $row['order_id'],
			'message_count'   => (int) $row['message_count'],
			'last_message_at' => Time::iso( (string) $row['last_message_at'] ),
			'created_at'      => Time::iso( (string) $row['created_at'] ),
		);
	}

	/**
	 * A ticket with its public thread.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return array<string, mixed>
	 */
	private function detail( array $ticket, string $token ): array {
		$messages           = new Messages();
		$item               = $this->shape( $ticket );
		$item['messages']   = array_map(
			array( self::class, 'public_message' ),
			$messages->format_many( $messages->for_ticket( (int) $ticket['id'], true ), '' !== $token ? array( 'token' => $token ) : array() )
		);
		$rating             = ( new TicketService() )->get_meta( (int) $ticket['id'], 'rating' );
		$item['rating']     = is_array( $rating ) ? $rating : null;
		$order_item         = ( new TicketService() )->get_meta( (int) $ticket['id'], 'order_item' );
		$item['order_item'] = is_array( $order_item ) ? array(
			'id'   => (int) ( $order_item['id'] ?? 0 ),
			'name' => (string) ( $order_item['name'] ?? '' ),
		) : null;
		$item['can_rate']   = in_array( $ticket['status'], array( Status::SOLVED, Status::CLOSED ), true ) && ! is_array( $rating );
		return $item;
	}

	/**
	 * What a customer sees of a message: no channel metadata, agents by display name only.
	 *
	 * @param array<string, mixed> $message Shaped message.
	 * @return array<string, mixed>
	 */
	private static function public_message( array $message ): array {
		unset( $message['meta'], $message['delivery_error'], $message['is_private'] );
		$message['author'] = array(
			'type'   => $message['author']['type'],
			'name'   => $message['author']['name'],
			'avatar' => $message['author']['avatar'],
		);
		return $message;
	}
}
