<?php
/**
 * The customer's support screens: ticket list, one ticket's public thread with reply and rating,
 * and the new-ticket form. Shown in WooCommerce's My Account ("Support"), on any page through
 * `[switchboard_account]`, and — for one ticket — to a guest holding a signed link.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Kb\Assets;
use Switchboard\Kb\Blocks;
use Switchboard\Kb\Deflections;
use Switchboard\Tickets\CustomerTickets;
use WP_Error;

/**
 * Server-rendered HTML with plain forms (works without JavaScript, nothing heavy on the
 * storefront). Every read and write goes through Tickets\CustomerTickets, the service behind the
 * customer routes (`/switchboard/v1/me/tickets…`) too, so ownership, signed tokens, validation and
 * rate limits are decided in one place. Forms post back to the same page and redirect after
 * success (post/redirect/get).
 */
final class AccountScreens {

	public const ACTION_FIELD = 'switchboard_account_action';
	public const NONCE        = 'switchboard_account';

	/**
	 * Errors and submitted values of a failed post in this request.
	 *
	 * @var array{errors: array<string, string>, message: string, values: array<string, mixed>}|null
	 */
	private static ?array $failed = null;

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
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'template_redirect', array( $this, 'handle_post' ), 5 );
		add_shortcode( 'switchboard_account', array( $this, 'shortcode' ) );
		add_action( 'init', array( $this, 'register_block' ) );
	}

	/**
	 * The `switchboard/account` block (same screens as the shortcode, for block themes and pages
	 * built in the editor).
	 */
	public function register_block(): void {
		Blocks::register( 'account', array( $this, 'render_block' ) );
	}

	/**
	 * Block render callback.
	 */
	public function render_block(): string {
		$html    = $this->shortcode();
		$wrapper = \WP_Block_Supports::$block_to_render ? get_block_wrapper_attributes( array( 'class' => 'switchboard-account-block' ) ) : '';
		return '' !== $wrapper ? '<div ' . $wrapper . '>' . $html . '</div>' : $html;
	}

	/**
	 * `[switchboard_account]`.
	 */
	public function shortcode(): string {
		return $this->render( Links::base( Links::current() ) );
	}

	/**
	 * Renders the screen the URL asks for.
	 *
	 * @param string $base URL of the screens (without our query arguments).
	 */
	public function render( string $base ): string {
		Assets::enqueue_front();
		ContactForm::enqueue();

		$ticket_id = isset( $_GET[ Links::TICKET ] ) ? absint( $_GET[ Links::TICKET ] ) : 0; // phpcs:ignore WordPress.Security.NonceVerification -- navigation.
		$token     = isset( $_GET[ Links::TOKEN ] ) ? sanitize_key( wp_unslash( $_GET[ Links::TOKEN ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification
		$view      = isset( $_GET[ Links::VIEW ] ) ? sanitize_key( wp_unslash( $_GET[ Links::VIEW ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification
		$notice    = isset( $_GET[ Links::NOTICE ] ) ? sanitize_key( wp_unslash( $_GET[ Links::NOTICE ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification

		if ( $ticket_id > 0 ) {
			return $this->render_ticket( $base, $ticket_id, $token, $notice );
		}
		if ( ! is_user_logged_in() ) {
			return Blocks::render_template( 'account/login', array( 'redirect' => Links::current() ) );
		}
		if ( 'new' === $view ) {
			return $this->render_new( $base );
		}
		return $this->render_list( $base, $notice );
	}

	/**
	 * The list of the customer's tickets.
	 */
	private function render_list( string $base, string $notice ): string {
		$page = isset( $_GET['sb_page'] ) ? max( 1, absint( $_GET['sb_page'] ) ) : 1; // phpcs:ignore WordPress.Security.NonceVerification
		$list = $this->customer_tickets->list( $page, 20 );

		return Blocks::render_template(
			'account/list',
			array(
				'base'        => $base,
				'tickets'     => $list['items'],
				'page'        => $page,
				'total_pages' => (int) ceil( $list['total'] / 20 ),
				'notice'      => $notice,
				'new_url'     => add_query_arg( Links::VIEW, 'new', $base ),
			)
		);
	}

	/**
	 * One ticket: thread, reply form, rating.
	 */
	private function render_ticket( string $base, int $ticket_id, string $token, string $notice ): string {
		$row = $this->customer_tickets->authorize( $ticket_id, $token );
		if ( is_wp_error( $row ) ) {
			if ( 401 === ( $row->get_error_data()['status'] ?? 0 ) ) {
				return Blocks::render_template( 'account/login', array( 'redirect' => Links::current() ) );
			}
			return Blocks::render_template(
				'account/notice',
				array(
					'type'    => 'error',
					'message' => 'switchboard_link_expired' === $row->get_error_code()
						? __( 'This link has expired. Reply to our last e-mail, or sign in, to see your request.', 'switchboard' )
						: __( 'This ticket does not exist or the link is no longer valid.', 'switchboard' ),
					'back'    => is_user_logged_in() ? $base : '',
				)
			);
		}
		$ticket = $this->customer_tickets->view()->detail( $row, $token );

		return Blocks::render_template(
			'account/ticket',
			array(
				'base'     => $base,
				'ticket'   => $ticket,
				'token'    => $token,
				'order'    => self::order_summary( (int) $ticket['order_id'] ),
				'notice'   => $notice,
				'failed'   => self::$failed,
				'back_url' => is_user_logged_in() ? $base : '',
				'self_url' => add_query_arg(
					array_filter(
						array(
							Links::TICKET => $ticket_id,
							Links::TOKEN  => $token,
						)
					),
					$base
				),
			)
		);
	}

	/**
	 * New-ticket form with the customer's orders.
	 */
	private function render_new( string $base ): string {
		/**
		 * Filters the orders a customer can pick when opening a ticket (the WooCommerce bridge
		 * answers; empty without WooCommerce, and the order field is hidden).
		 *
		 * @since 0.1.0
		 *
		 * @param array<int, array<string, mixed>> $orders  Orders, newest first: id, label, and
		 *                                                  items (id, name) when the customer may
		 *                                                  pick one line of the order.
		 * @param int                              $user_id User.
		 */
		$orders = (array) apply_filters( 'switchboard_customer_orders', array(), get_current_user_id() );
		$order  = isset( $_GET['order'] ) ? absint( $_GET['order'] ) : 0; // phpcs:ignore WordPress.Security.NonceVerification -- preselection from an order page link.

		return Blocks::render_template(
			'account/new',
			array(
				'base'     => $base,
				'orders'   => $orders,
				'selected' => (int) ( self::$failed['values']['order_id'] ?? $order ),
				'item'     => (int) ( self::$failed['values']['order_item_id'] ?? 0 ),
				'failed'   => self::$failed,
				'session'  => bin2hex( random_bytes( 16 ) ),
			)
		);
	}

	/**
	 * Handles the screens' forms (before any output, so it can redirect).
	 */
	public function handle_post(): void {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || empty( $_POST[ self::ACTION_FIELD ] ) ) {
			return;
		}
		$nonce = isset( $_POST['sb_nonce'] ) ? sanitize_key( wp_unslash( $_POST['sb_nonce'] ) ) : '';
		if ( ! wp_verify_nonce( $nonce, self::NONCE ) ) {
			self::fail( array(), __( 'This form has expired. Please reload the page and try again.', 'switchboard' ), array() );
			return;
		}
		$action    = sanitize_key( wp_unslash( $_POST[ self::ACTION_FIELD ] ) );
		$base      = Links::base( wp_validate_redirect( esc_url_raw( wp_unslash( (string) ( $_POST['sb_base'] ?? '' ) ) ), home_url( '/' ) ) );
		$ticket_id = isset( $_POST['ticket_id'] ) ? absint( $_POST['ticket_id'] ) : 0;
		$token     = isset( $_POST['token'] ) ? sanitize_key( wp_unslash( $_POST['token'] ) ) : '';
		$body      = isset( $_POST['body'] ) ? sanitize_textarea_field( wp_unslash( $_POST['body'] ) ) : '';

		switch ( $action ) {
			case 'reply':
				$uploads = Uploads::store( $_FILES, 'attachments' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- handled by Uploads/Attachments.
				if ( $uploads['errors'] ) {
					self::fail( array( 'attachments' => implode( ' ', $uploads['errors'] ) ), '', array( 'body' => $body ) );
					return;
				}
				$result = $this->customer_tickets->submit(
					'reply',
					array(
						'body'              => $body,
						'attachments'       => $uploads['ids'],
						'attachment_claims' => $uploads['claims'],
					),
					$ticket_id,
					$token
				);
				if ( is_wp_error( $result ) ) {
					Uploads::discard( $uploads );
					self::fail_from( $result, array( 'body' => $body ) );
					return;
				}
				self::redirect( $base, $ticket_id, $token, 'replied' );
				return;

			case 'rate':
				$score   = isset( $_POST['score'] ) ? absint( $_POST['score'] ) : 0;
				$comment = isset( $_POST['comment'] ) ? sanitize_textarea_field( wp_unslash( $_POST['comment'] ) ) : '';
				$result  = $this->customer_tickets->submit(
					'rate',
					array(
						'score'   => $score,
						'comment' => $comment,
					),
					$ticket_id,
					$token
				);
				if ( is_wp_error( $result ) ) {
					if ( 400 === ( $result->get_error_data()['status'] ?? 0 ) ) {
						self::fail( array( 'score' => __( 'Please choose from 1 to 5 stars.', 'switchboard' ) ), '', array( 'comment' => $comment ) );
						return;
					}
					self::fail_from( $result, array( 'comment' => $comment ) );
					return;
				}
				self::redirect( $base, $ticket_id, $token, 'rated' );
				return;

			case 'new':
				$subject  = isset( $_POST['subject'] ) ? sanitize_text_field( wp_unslash( $_POST['subject'] ) ) : '';
				$order_id = isset( $_POST['order_id'] ) ? absint( $_POST['order_id'] ) : 0;
				$item_id  = $order_id > 0 && isset( $_POST['order_item_id'] ) ? absint( $_POST['order_item_id'] ) : 0;
				$values   = array(
					'subject'       => $subject,
					'body'          => $body,
					'order_id'      => $order_id,
					'order_item_id' => $item_id,
				);
				$errors   = array();
				if ( '' === trim( $subject ) ) {
					$errors['subject'] = __( 'Please enter a subject.', 'switchboard' );
				}
				if ( '' === trim( $body ) ) {
					$errors['body'] = __( 'Please describe your question.', 'switchboard' );
				}
				if ( $errors ) {
					self::fail( $errors, '', $values );
					return;
				}
				$uploads = Uploads::store( $_FILES, 'attachments' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
				if ( $uploads['errors'] ) {
					self::fail( array( 'attachments' => implode( ' ', $uploads['errors'] ) ), '', $values );
					return;
				}
				$created = $this->customer_tickets->submit( 'new', $values + array( 'attachments' => $uploads['ids'] ) );
				if ( is_wp_error( $created ) ) {
					Uploads::discard( $uploads );
					self::fail_from( $created, $values );
					return;
				}
				$session = isset( $_POST['session'] ) ? sanitize_key( wp_unslash( $_POST['session'] ) ) : '';
				if ( Deflections::valid_session( $session ) ) {
					( new Deflections() )->submitted( $session, (int) $created );
				}
				self::redirect( $base, (int) $created, '', 'created' );
				return;
		}
	}

	/**
	 * Redirects to a ticket with a notice.
	 */
	private static function redirect( string $base, int $ticket_id, string $token, string $notice ): void {
		$url = add_query_arg(
			array_filter(
				array(
					Links::TICKET => $ticket_id,
					Links::TOKEN  => $token,
					Links::NOTICE => $notice,
				)
			),
			$base
		);
		if ( wp_safe_redirect( $url, 303 ) ) {
			exit;
		}
	}

	/**
	 * Keeps a failure for the render later in this request.
	 *
	 * @param array<string, string> $errors  Field errors.
	 * @param string                $message General message.
	 * @param array<string, mixed>  $values  Submitted values.
	 */
	private static function fail( array $errors, string $message, array $values ): void {
		self::$failed = array(
			'errors'  => $errors,
			'message' => '' !== $message ? $message : __( 'Please correct the highlighted fields.', 'switchboard' ),
			'values'  => $values,
		);
	}

	/**
	 * A failure from the service's error (field messages from its `params`).
	 *
	 * @param WP_Error             $error  Error.
	 * @param array<string, mixed> $values Submitted values.
	 */
	private static function fail_from( WP_Error $error, array $values ): void {
		$data    = (array) $error->get_error_data();
		$errors  = array();
		$message = $error->get_error_message();
		foreach ( (array) ( $data['params'] ?? array() ) as $field => $text ) {
			$errors[ (string) $field ] = (string) $text;
		}
		self::fail( $errors, '' !== $message ? $message : __( 'Something went wrong. Please try again.', 'switchboard' ), $values );
	}

	/**
	 * The order's label for the ticket header (empty without WooCommerce).
	 *
	 * @return array{label: string, url: string}|null
	 */
	private static function order_summary( int $order_id ): ?array {
		if ( $order_id <= 0 ) {
			return null;
		}

		/**
		 * Filters how a customer sees the order linked to her ticket (WooCommerce bridge).
		 *
		 * @since 0.1.0
		 *
		 * @param array{label: string, url: string}|null $summary  Default null.
		 * @param int                                    $order_id Order id.
		 */
		$summary = apply_filters( 'switchboard_customer_order_summary', null, $order_id );
		return is_array( $summary ) ? $summary : null;
	}
}
