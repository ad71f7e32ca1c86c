<?php
/**
 * The contact form's server side: validation, spam checks, ticket creation, the guest email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Kb\Deflections;
use Switchboard\Mail\AddressConfirmationMail;
use Switchboard\Mail\ContactConfirmationMail;
use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\TicketService;
use WP_Error;

/**
 * Shared by the REST route (the form's script) and admin-post.php (the same form without
 * JavaScript). Spam defences: a nonce, a honeypot field, a signed render time (bots submit in
 * under two seconds), and rate limits per IP and per e-mail address.
 */
final class ContactSubmission {

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

	public const NONCE = 'switchboard_contact';

	/**
	 * Validates and submits. On success: ticket_id and the signed link; on failure: a WP_Error whose
	 * data has `status` and `fields` (field => message).
	 *
	 * @param array<string, mixed> $input Unslashed fields: name, email, order, subject, message,
	 *                                    website (honeypot), ts, session, page, _wpnonce.
	 * @param array<string, mixed> $files $_FILES-shaped uploads (field "attachments").
	 * @return array{ticket_id: int, link: string}|WP_Error
	 */
	public function submit( array $input, array $files ) {
		$nonce = (string) ( $input['_wpnonce'] ?? '' );
		if ( ! wp_verify_nonce( $nonce, self::NONCE ) ) {
			return new WP_Error( 'switchboard_contact_expired', __( 'This form has expired. Please reload the page and try again.', 'switchboard' ), array( 'status' => 403 ) );
		}

		// Honeypot or a form sent faster than a person can type: pretend success, create nothing.
		if ( '' !== trim( (string) ( $input['website'] ?? '' ) ) || ! self::human_speed( (string) ( $input['ts'] ?? '' ) ) ) {
			return new WP_Error( 'switchboard_contact_spam', __( 'Your message could not be sent.', 'switchboard' ), array( 'status' => 400 ) );
		}

		$limited = RateLimiter::hit( 'contact:ip:' . RateLimiter::ip(), 5, 10 * MINUTE_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}

		$fields = self::clean( $input );
		$errors = self::validate( $fields );

		$order_id = 0;
		if ( '' !== $fields['order'] && ! isset( $errors['email'] ) ) {
			/**
			 * Resolves an order number typed in the contact form to an order ID, only when the
			 * order's billing e-mail matches (answered by the WooCommerce bridge; 0 otherwise).
			 *
			 * @since 0.1.0
			 *
			 * @param int    $order_id Default 0.
			 * @param string $number   What the visitor typed.
			 * @param string $email    The visitor's e-mail address.
			 */
			$order_id = (int) apply_filters( 'switchboard_contact_order_id', 0, $fields['order'], $fields['email'] );
			if ( 0 === $order_id ) {
				$errors['order'] = __( 'We could not find an order with this number for your e-mail address. Check the number, or leave the field empty.', 'switchboard' );
			}
		}

		if ( $errors ) {
			return self::field_errors( $errors );
		}

		$limited = RateLimiter::hit( 'contact:email:' . strtolower( $fields['email'] ), 3, 10 * MINUTE_IN_SECONDS );
		if ( is_wp_error( $limited ) ) {
			return $limited;
		}

		$uploads = Uploads::store( $files, 'attachments' );
		if ( $uploads['errors'] ) {
			return self::field_errors( array( 'attachments' => implode( ' ', $uploads['errors'] ) ) );
		}

		$customers = new Customers();
		$user      = wp_get_current_user();
		$signed_in = $user->exists() && 0 === strcasecmp( $user->user_email, $fields['email'] );
		if ( $signed_in ) {
			$customer_id = $customers->for_user( (int) $user->ID );
		} else {
			$customer_id = $customers->resolve(
				'email',
				$fields['email'],
				array(
					'name'  => $fields['name'],
					'email' => $fields['email'],
				)
			);
		}

		$page      = wp_validate_redirect( (string) ( $input['page'] ?? '' ), '' );
		$service   = $this->tickets;
		$ticket_id = $service->create(
			array(
				'subject'     => $fields['subject'],
				'channel'     => 'web',
				'customer_id' => $customer_id,
				'order_id'    => $order_id,
				'meta'        => array(
					'source'  => 'contact_form',
					'page'    => $page,
					'name'    => $fields['name'],
					'user_id' => get_current_user_id(),
				) + ( $signed_in ? array() : SenderCheck::unverified( $fields['email'], SenderCheck::VIA_CONTACT_FORM ) ),
				'message'     => array(
					'author_type'       => 'customer',
					'author_id'         => $customer_id,
					'body_text'         => $fields['message'],
					'attachments'       => $uploads['ids'],
					'attachment_claims' => $uploads['claims'],
				),
				'actor'       => array(
					'type' => 'customer',
					'id'   => $customer_id,
				),
			)
		);
		if ( is_wp_error( $ticket_id ) ) {
			Uploads::discard( $uploads );
			return $ticket_id;
		}

		$session = strtolower( (string) ( $input['session'] ?? '' ) );
		if ( Deflections::valid_session( $session ) ) {
			( new Deflections() )->submitted( $session, (int) $ticket_id );
		}

		$ticket = (array) $service->get( (int) $ticket_id );
		$link   = Links::signed( $ticket, $page );
		if ( $signed_in ) {
			ContactConfirmationMail::for_submission( $ticket, $fields, $link )?->send();
		} else {
			// An address nobody proved: a fixed text, rate-limited per address.
			AddressConfirmationMail::for_address( $ticket, $fields['email'], $link )->send();
		}

		/**
		 * Fires after the contact form created a ticket.
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $ticket_id Ticket id.
		 * @param array<string, mixed> $fields    name, email, order, subject, message.
		 */
		do_action( 'switchboard_contact_submitted', (int) $ticket_id, $fields );

		return array(
			'ticket_id' => (int) $ticket_id,
			'link'      => $link,
		);
	}

	/**
	 * What the sender sees after a successful submission. The link itself only goes to the
	 * address typed in the form, so nobody can read replies meant for someone else's address.
	 */
	public static function success_message(): string {
		return __( 'Thanks! We received your message and sent you an e-mail with a link to follow your request.', 'switchboard' );
	}

	/**
	 * Trimmed, sanitized fields.
	 *
	 * @param array<string, mixed> $input Input.
	 * @return array{name: string, email: string, order: string, subject: string, message: string}
	 */
	public static function clean( array $input ): array {
		return array(
			'name'    => trim( sanitize_text_field( (string) ( $input['name'] ?? '' ) ) ),
			'email'   => trim( sanitize_email( (string) ( $input['email'] ?? '' ) ) ),
			'order'   => trim( ltrim( sanitize_text_field( (string) ( $input['order'] ?? '' ) ), '#' ) ),
			'subject' => trim( sanitize_text_field( (string) ( $input['subject'] ?? '' ) ) ),
			'message' => trim( sanitize_textarea_field( (string) ( $input['message'] ?? '' ) ) ),
		);
	}

	/**
	 * Field errors.
	 *
	 * @param array{name: string, email: string, order: string, subject: string, message: string} $fields Fields.
	 * @return array<string, string>
	 */
	public static function validate( array $fields ): array {
		$errors = array();
		if ( '' === $fields['name'] ) {
			$errors['name'] = __( 'Please enter your name.', 'switchboard' );
		} elseif ( mb_strlen( $fields['name'] ) > 100 ) {
			$errors['name'] = __( 'Your name is too long.', 'switchboard' );
		}
		if ( '' === $fields['email'] || ! is_email( $fields['email'] ) ) {
			$errors['email'] = __( 'Please enter a valid e-mail address.', 'switchboard' );
		}
		if ( '' !== $fields['order'] && ! preg_match( '/^[A-Za-z0-9\-_]{1,40}$/', $fields['order'] ) ) {
			$errors['order'] = __( 'An order number has only letters, digits and dashes.', 'switchboard' );
		}
		if ( '' === $fields['subject'] ) {
			$errors['subject'] = __( 'Please enter a subject.', 'switchboard' );
		} elseif ( mb_strlen( $fields['subject'] ) > 200 ) {
			$errors['subject'] = __( 'The subject is too long (200 characters at most).', 'switchboard' );
		}
		if ( mb_strlen( $fields['message'] ) < 10 ) {
			$errors['message'] = __( 'Please describe your question (at least 10 characters).', 'switchboard' );
		} elseif ( mb_strlen( $fields['message'] ) > 10000 ) {
			$errors['message'] = __( 'Your message is too long (10,000 characters at most).', 'switchboard' );
		}
		return $errors;
	}

	/**
	 * A 422 error listing the invalid fields.
	 *
	 * @param array<string, string> $errors Field => message.
	 */
	public static function field_errors( array $errors ): WP_Error {
		return new WP_Error(
			'switchboard_contact_invalid',
			__( 'Please correct the highlighted fields.', 'switchboard' ),
			array(
				'status' => 422,
				'fields' => $errors,
			)
		);
	}

	/**
	 * Signed render time for the form.
	 */
	public static function timestamp(): string {
		$time = (string) time();
		return $time . '.' . substr( wp_hash( 'switchboard_contact|' . $time, 'nonce' ), 0, 16 );
	}

	/**
	 * Whether the form was rendered by us at least two seconds (and at most a day) ago.
	 */
	private static function human_speed( string $stamp ): bool {
		$parts = explode( '.', $stamp );
		if ( 2 !== count( $parts ) || ! ctype_digit( $parts[0] ) ) {
			return false;
		}
		if ( ! hash_equals( substr( wp_hash( 'switchboard_contact|' . $parts[0], 'nonce' ), 0, 16 ), $parts[1] ) ) {
			return false;
		}
		$age = time() - (int) $parts[0];

		/**
		 * Filters the minimum seconds between showing the contact form and submitting it.
		 *
		 * @since 0.1.0
		 *
		 * @param int $seconds Default 2.
		 */
		$min = (int) apply_filters( 'switchboard_contact_min_seconds', 2 );
		return $age >= $min && $age <= DAY_IN_SECONDS;
	}
}
