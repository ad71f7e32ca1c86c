<?php
/**
 * The storefront widget's chat: start, state, the cheap ping, messages, end.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\FastPing;
use Switchboard\Channels\Chat\Presence;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Channels\Chat\Settings;
use Switchboard\Channels\Chat\VisitorContext;
use Switchboard\Security\RateLimiter;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

/**
 * POST/GET /chat/session, GET /chat/ping, POST /chat/messages, POST /chat/end. Why they are
 * public, and how the visitor token guards them: see VisitorRoutes. The rest of the widget's
 * calls (feedback, hand-off, typing, read, context) are in VisitorSignalsController.
 */
final class VisitorController extends VisitorRoutes {

	public const TOKEN_HEADER = Sessions::TOKEN_HEADER;

	/**
	 * Pages visited kept in a session's context.
	 */
	public const PAGES_KEPT = VisitorContext::PAGES_KEPT;

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		$visitor = array( $this, 'check_visitor' );
		$after   = array(
			'type'    => 'integer',
			'minimum' => 0,
			'default' => 0,
		);
		$this->register_table(
			array(
				'/session'  => array(
					array( WP_REST_Server::CREATABLE, 'start', array( $this, 'check_start' ), $this->start_args() ),
					array( WP_REST_Server::READABLE, 'get_state', $visitor, array( 'after' => $after ) ),
				),
				'/ping'     => array( array( WP_REST_Server::READABLE, 'ping', $visitor, array() ) ),
				'/messages' => array(
					array(
						WP_REST_Server::CREATABLE,
						'post_message',
						$visitor,
						array(
							'body'  => array(
								'type'      => 'string',
								'required'  => true,
								'minLength' => 1,
								'maxLength' => Settings::MAX_LENGTH,
							),
							'after' => $after,
						),
					),
				),
				'/end'      => array(
					array(
						WP_REST_Server::CREATABLE,
						'end',
						$visitor,
						array(
							'email_transcript' => array(
								'type'    => 'boolean',
								'default' => false,
							),
						),
					),
				),
			)
		);
	}

	/**
	 * Arguments of "start a chat".
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function start_args(): array {
		return array(
			'name'  => array(
				'type'      => 'string',
				'maxLength' => 100,
			),
			'email' => array(
				'type'      => 'string',
				'format'    => 'email',
				'maxLength' => 190,
			),
		) + self::page_args();
	}

	/**
	 * Permission to start a chat: chat enabled, and at most 20 new chats per IP per 10 minutes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_start( $request ) {
		if ( empty( Settings::get()['enabled'] ) ) {
			return new WP_Error( 'switchboard_chat_disabled', __( 'Chat is not available.', 'switchboard' ), array( 'status' => 403 ) );
		}
		$unknown = $this->reject_unknown_fields( $request, array_keys( $this->start_args() ) );
		if ( true !== $unknown ) {
			return $unknown;
		}
		return RateLimiter::hit( 'chat_start:ip:' . RateLimiter::ip(), 20, 600 );
	}

	/**
	 * Starts a chat: logged-in customers are recognised, guests give a name and email.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function start( $request ) {
		$user_id = get_current_user_id();
		$name    = trim( sanitize_text_field( (string) $request['name'] ) );
		$email   = sanitize_email( (string) $request['email'] );
		if ( 0 === $user_id && ( '' === $name || '' === $email || ! is_email( $email ) ) ) {
			return new WP_Error(
				'switchboard_chat_prechat_required',
				__( 'Please tell us your name and email address.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array_filter(
						array(
							'name'  => '' === $name ? __( 'Required.', 'switchboard' ) : null,
							'email' => is_email( $email ) ? null : __( 'A valid email address is required.', 'switchboard' ),
						)
					),
				)
			);
		}
		list( $token, $session ) = $this->conversation->start(
			$user_id,
			array(
				'name'       => $name,
				'email'      => $email,
				'page_url'   => esc_url_raw( (string) $request['page_url'] ),
				'page_title' => sanitize_text_field( (string) $request['page_title'] ),
				'user_agent' => isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '',
			)
		);
		$response = $this->state_response( $session, 0 );
		$response->set_data( array( 'token' => $token ) + $response->get_data() );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Full state with messages after ?after=.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function get_state( $request ) {
		$session = (array) $this->session( $request );
		$this->sessions->seen( (int) $session['id'] );
		return $this->prepare_item_for_response( $session, $request );
	}

	/**
	 * "Anything new?" (normally answered before WordPress finishes booting, see FastPing).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function ping( $request ) {
		$session = (array) $this->session( $request );
		$this->sessions->seen( (int) $session['id'] );
		return rest_ensure_response( FastPing::payload( $session, ( new Presence() )->available() ) );
	}

	/**
	 * A visitor message: starts the ticket on the first one; the bot answers while it has the chat.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function post_message( $request ) {
		$session = $this->conversation->post( (array) $this->session( $request ), (string) $request['body'] );
		if ( is_wp_error( $session ) ) {
			return $session;
		}
		$response = $this->prepare_item_for_response( $session, $request );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * The visitor closes the chat, optionally asking for the transcript by email.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function end( $request ) {
		$sent = $this->conversation->end( (array) $this->session( $request ), (bool) $request['email_transcript'] );
		return rest_ensure_response(
			array(
				'ended'           => true,
				'transcript_sent' => $sent,
			)
		);
	}
}
