<?php
/**
 * POST /switchboard/v1/contact — the contact form.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend\Rest;

use Switchboard\Frontend\ContactForm;
use Switchboard\Frontend\ContactSubmission;
use Switchboard\Rest\Controller;
use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Public on purpose: anyone may contact the shop. Guarded by the form's nonce (`sb_nonce`, the
 * action `switchboard_contact`), a honeypot, a signed render time and rate limits per IP and per
 * e-mail address. Accepts multipart/form-data (attachments) or JSON. It returns nothing about
 * existing customers or orders beyond "this order number does not match your e-mail".
 */
final class ContactController extends Controller {

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
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'contact';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'name'     => array(
							'type'        => 'string',
							'description' => __( 'Your name.', 'switchboard' ),
						),
						'email'    => array(
							'type'        => 'string',
							'description' => __( 'Your e-mail address.', 'switchboard' ),
						),
						'order'    => array(
							'type'        => 'string',
							'description' => __( 'Order number (linked only when its billing e-mail matches).', 'switchboard' ),
						),
						'subject'  => array( 'type' => 'string' ),
						'message'  => array( 'type' => 'string' ),
						'website'  => array(
							'type'        => 'string',
							'description' => __( 'Leave empty (spam trap).', 'switchboard' ),
						),
						'ts'       => array( 'type' => 'string' ),
						'session'  => array( 'type' => 'string' ),
						'page'     => array( 'type' => 'string' ),
						'sb_nonce' => array(
							'type'     => 'string',
							'required' => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The form's nonce, then a per-IP limit (the submission adds per-e-mail limits).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( ! wp_verify_nonce( (string) $request['sb_nonce'], ContactSubmission::NONCE ) ) {
			return new WP_Error( 'switchboard_contact_expired', __( 'This form has expired. Please reload the page and try again.', 'switchboard' ), array( 'status' => 403 ) );
		}
		return RateLimiter::hit( 'contact-rest:ip:' . RateLimiter::ip(), 20, 10 * MINUTE_IN_SECONDS );
	}

	/**
	 * Submits the form.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$result = ( new ContactSubmission( $this->tickets ) )->submit( ContactForm::input_from( $request->get_params() ), $request->get_file_params() );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = rest_ensure_response(
			array(
				'ticket_id' => $result['ticket_id'],
				'message'   => ContactSubmission::success_message(),
			)
		);
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * What a submitted contact form answers.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->object_schema(
			'switchboard_contact_submission',
			static fn (): array => array(
				'ticket_id' => array(
					'description' => __( 'The ticket the message started.', 'switchboard' ),
					'type'        => 'integer',
				),
				'message'   => array(
					'description' => __( 'The confirmation shown to the visitor.', 'switchboard' ),
					'type'        => 'string',
				),
			),
			array( 'view' )
		);
	}
}
