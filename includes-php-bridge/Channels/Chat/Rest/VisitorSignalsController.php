<?php
/**
 * The storefront widget's small calls: bot feedback, "talk to a person", typing, read, context.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

/**
 * POST /chat/feedback, /chat/handoff, /chat/typing, /chat/read, /chat/context — each with the
 * visitor token (see VisitorRoutes).
 */
final class VisitorSignalsController extends VisitorRoutes {

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		$visitor = array( $this, 'check_visitor' );
		$this->register_table(
			array(
				'/feedback' => array(
					array(
						WP_REST_Server::CREATABLE,
						'feedback',
						$visitor,
						array(
							'message_id' => array(
								'type'     => 'integer',
								'required' => true,
								'minimum'  => 1,
							),
							'helpful'    => array(
								'type'     => 'boolean',
								'required' => true,
							),
							'article_id' => array(
								'type'    => 'integer',
								'minimum' => 0,
								'default' => 0,
							),
						),
					),
				),
				'/handoff'  => array( array( WP_REST_Server::CREATABLE, 'handoff', $visitor, array() ) ),
				'/typing'   => array( array( WP_REST_Server::CREATABLE, 'typing', $visitor, array() ) ),
				'/read'     => array(
					array(
						WP_REST_Server::CREATABLE,
						'read',
						$visitor,
						array(
							'message_id' => array(
								'type'     => 'integer',
								'required' => true,
								'minimum'  => 0,
							),
						),
					),
				),
				'/context'  => array( array( WP_REST_Server::CREATABLE, 'context', $visitor, self::page_args() ) ),
			)
		);
	}

	/**
	 * "Did this answer your question?" — yes records a deflection, no hands off to a person.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function feedback( $request ) {
		$session = $this->conversation->feedback( (array) $this->session( $request ), (int) $request['message_id'], (bool) $request['helpful'], (int) $request['article_id'] );
		return is_wp_error( $session ) ? $session : $this->state_response( $session, 0 );
	}

	/**
	 * "Talk to a person".
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function handoff( $request ) {
		$session = $this->conversation->request_person( (array) $this->session( $request ) );
		return is_wp_error( $session ) ? $session : $this->state_response( $session, 0 );
	}

	/**
	 * The visitor is typing.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function typing( $request ) {
		$this->conversation->typing( (array) $this->session( $request ) );
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * The visitor has read up to a message (unread counts survive reloads and devices).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function read( $request ) {
		return rest_ensure_response( array( 'unread' => $this->conversation->read( (array) $this->session( $request ), (int) $request['message_id'] ) ) );
	}

	/**
	 * The page the visitor is on (shown to the agent).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function context( $request ) {
		$this->conversation->visiting( (array) $this->session( $request ), esc_url_raw( (string) $request['page_url'] ), mb_substr( sanitize_text_field( (string) $request['page_title'] ), 0, 255 ) );
		return rest_ensure_response( array( 'ok' => true ) );
	}
}
