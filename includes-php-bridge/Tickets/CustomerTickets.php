<?php
/**
 * A customer's own tickets: open one, list, create, reply, rate.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Security\RateLimiter;
use WP_Error;

/**
 * Shared by the customer routes (Rest\MeController) and the My Account screens
 * (Frontend\AccountScreens), so ownership, signed tokens, validation and rate limits are decided
 * in one place. Every query is scoped to the signed-in customer, or to the one ticket a signed
 * guest token opens; another customer's ticket is "not found", exactly like a ticket that does
 * not exist, so ids cannot be probed; tickets from an address a visitor typed stay hidden until
 * their owner confirms it.
 */
final class CustomerTickets {

	/**
	 * Ticket core.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Customer view of tickets.
	 *
	 * @var CustomerTicketView
	 */
	private CustomerTicketView $view;

	/**
	 * Wires the ticket core.
	 *
	 * @param TicketService|null $tickets Ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
		$this->view    = new CustomerTicketView( $this->tickets );
	}

	/**
	 * The customer's view of tickets.
	 */
	public function view(): CustomerTicketView {
		return $this->view;
	}

	/**
	 * The ticket row, for a caller who was let in by authorize().
	 *
	 * @param int $ticket_id Ticket id.
	 * @return array<string, mixed>
	 */
	public function get( int $ticket_id ): array {
		return (array) $this->tickets->get( $ticket_id );
	}

	/**
	 * Opens one ticket for the current visitor: its customer, or a guest with a valid signed token
	 * (rate-limited per IP). 401 for a guest without a token, 403 switchboard_link_expired for an
	 * expired link, 404 for everything else.
	 *
	 * @param int    $ticket_id Ticket id.
	 * @param string $token     Signed token, or ''.
	 * @return array<string, mixed>|WP_Error The ticket row.
	 */
	public function authorize( int $ticket_id, string $token ) {
		if ( ! is_user_logged_in() && '' === $token ) {
			return new WP_Error( 'switchboard_not_logged_in', __( 'You need to be logged in to do that.', 'switchboard' ), array( 'status' => 401 ) );
		}
		if ( '' !== $token ) {
			$limited = RateLimiter::hit( 'me-token:' . RateLimiter::ip(), 120, MINUTE_IN_SECONDS );
			if ( is_wp_error( $limited ) ) {
				return $limited;
			}
		}
		$ticket = $this->tickets->get( $ticket_id );
		if ( $ticket && ! Access::owns( $ticket ) && '' !== $token && 'expired' === Access::token_state( $ticket, $token ) ) {
			return new WP_Error(
				'switchboard_link_expired',
				__( 'This link has expired. Reply to our last e-mail, or sign in, to see your request.', 'switchboard' ),
				array( 'status' => 403 )
			);
		}
		if ( ! $ticket || ! Access::can_view_as_customer( $ticket, $token ) ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return $ticket;
	}

	/**
	 * A page of the signed-in customer's tickets (confirmed ones only), newest activity first.
	 *
	 * @param int $page     1-based page.
	 * @param int $per_page Page size.
	 * @return array{items: array<int, array<string, mixed>>, total: int}
	 */
	public function list( int $page, int $per_page ): array {
		$customer = Access::current_customer_id();
		if ( 0 === $customer ) {
			return array(
				'items' => array(),
				'total' => 0,
			);
		}
		$result = ( new TicketQuery() )->query(
			array(
				'customer'       => $customer,
				'confirmed_only' => true,
				'orderby'        => 'last_message_at',
				'page'           => $page,
				'per_page'       => $per_page,
			)
		);
		return array(
			'items' => array_map( array( $this->view, 'summary' ), $result['rows'] ),
			'total' => (int) $result['total'],
		);
	}

	/**
	 * Opens a ticket for the signed-in customer (rate-limited per user).
	 *
	 * @param array<string, mixed> $input Checked input (CustomerTicketInput::create()).
	 * @return int|WP_Error The new ticket's id.
	 */
	public function create( array $input ) {
		$limited = RateLimiter::hit( 'me-create:' . get_current_user_id(), 10, HOUR_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}
		$files = ( new UploadClaims() )->check( (array) $input['attachments'], get_current_user_id(), (array) ( $input['attachment_claims'] ?? array() ) );
		if ( is_wp_error( $files ) ) {
			return $files;
		}
		$customer = Access::current_customer_id();
		$order_id = (int) $input['order_id'];
		if ( $order_id > 0 && ! self::owns_order( $order_id, get_current_user_id() ) ) {
			return new WP_Error(
				'switchboard_invalid_order',
				__( 'That order is not one of yours.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array( 'order_id' => __( 'Not your order.', 'switchboard' ) ),
				)
			);
		}
		$item_id   = (int) $input['order_item_id'];
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
		return $this->tickets->create(
			array(
				'subject'     => (string) $input['subject'],
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
					'body_text'   => (string) $input['body'],
					'attachments' => (array) $input['attachments'],
				),
				'actor'       => array(
					'type' => 'customer',
					'id'   => $customer,
				),
			)
		);
	}

	/**
	 * The customer's reply on a ticket authorize() opened (rate-limited per user or IP; not on a
	 * closed ticket).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param array<string, mixed> $input  Checked input (CustomerTicketInput::reply()).
	 * @return int|WP_Error The new message's id.
	 */
	public function reply( array $ticket, array $input ) {
		$bucket  = is_user_logged_in() ? 'user:' . get_current_user_id() : 'ip:' . RateLimiter::ip();
		$limited = RateLimiter::hit( 'me-reply:' . $bucket, 30, HOUR_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}
		if ( Status::CLOSED === $ticket['status'] ) {
			return new WP_Error( 'switchboard_ticket_closed', __( 'This ticket is closed. Please open a new one.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$files = ( new UploadClaims() )->check( (array) $input['attachments'], get_current_user_id(), (array) ( $input['attachment_claims'] ?? array() ) );
		if ( is_wp_error( $files ) ) {
			return $files;
		}
		return $this->tickets->add_message(
			(int) $ticket['id'],
			array(
				'author_type'       => 'customer',
				'author_id'         => (int) $ticket['customer_id'],
				'channel'           => is_user_logged_in() ? 'account' : 'web',
				'body_text'         => (string) $input['body'],
				'attachments'       => (array) $input['attachments'],
				'attachment_claims' => (array) $input['attachment_claims'],
				// Her own account, or the signed link that only went to her address.
				'meta'              => array( 'via' => Access::owns( $ticket ) ? SenderCheck::BY_ACCOUNT : SenderCheck::BY_LINK ),
			)
		);
	}

	/**
	 * The customer's rating of a solved (or closed) ticket authorize() opened.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param array<string, mixed> $input  Checked input (CustomerTicketInput::rating()).
	 * @return array<string, mixed>|WP_Error The rating: score, comment, at.
	 */
	public function rate( array $ticket, array $input ) {
		if ( ! in_array( $ticket['status'], array( Status::SOLVED, Status::CLOSED ), true ) ) {
			return new WP_Error( 'switchboard_not_solved', __( 'You can rate a ticket once it is solved.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$rating = array(
			'score'   => (int) $input['score'],
			'comment' => sanitize_textarea_field( (string) $input['comment'] ),
			'at'      => Time::iso( Time::now() ),
		);
		$this->tickets->update_meta( (int) $ticket['id'], 'rating', $rating );
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
		return $rating;
	}

	/**
	 * Checks and submits a form of the screens the way the customer routes take it: input checked
	 * against the route's definition first, then the ticket opened (for a reply or a rating),
	 * then the action.
	 *
	 * @param string               $action    'new', 'reply' or 'rate'.
	 * @param array<string, mixed> $input     Fields.
	 * @param int                  $ticket_id Ticket (reply, rate).
	 * @param string               $token     Signed token, or ''.
	 * @return int|array<string, mixed>|WP_Error What create(), reply() or rate() answer.
	 */
	public function submit( string $action, array $input, int $ticket_id = 0, string $token = '' ) {
		$definitions = array(
			'new'   => CustomerTicketInput::create(),
			'reply' => CustomerTicketInput::reply(),
			'rate'  => CustomerTicketInput::rating(),
		);
		if ( ! isset( $definitions[ $action ] ) ) {
			return new WP_Error( 'switchboard_unknown_action', __( 'Something went wrong. Please try again.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( 'new' === $action ) {
			$checked = CustomerTicketInput::check( $definitions['new'], $input );
			return is_wp_error( $checked ) ? $checked : $this->create( $checked );
		}
		// The route's id and token arguments are checked with the fields, as the REST server does.
		$input  += array_filter(
			array(
				'id'    => $ticket_id,
				'token' => $token,
			),
			static fn ( $value ): bool => '' !== $value
		);
		$checked = CustomerTicketInput::check( $definitions[ $action ] + CustomerTicketInput::ticket(), $input );
		if ( is_wp_error( $checked ) ) {
			return $checked;
		}
		$ticket = $this->authorize( $ticket_id, $token );
		if ( is_wp_error( $ticket ) ) {
			return $ticket;
		}
		return 'reply' === $action ? $this->reply( $ticket, $checked ) : $this->rate( $ticket, $checked );
	}

	/**
	 * Whether the order belongs to the user (answered by the WooCommerce bridge).
	 *
	 * @param int $order_id Order id.
	 * @param int $user_id  User id.
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
}
