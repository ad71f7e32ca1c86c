<?php
/**
 * Connection tests and "check now" of mailboxes (managers only).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\ConnectionTests;
use Switchboard\Channels\Email\MailboxEditor;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes (POST): /email/mailboxes/{id}/test (IMAP of a saved mailbox, optional unsaved
 * overrides), /email/mailboxes/test (IMAP settings of a new mailbox), /email/mailboxes/smtp-test
 * (SMTP, of mailbox `id` when given), /email/mailboxes/{id}/check (poll now). A passed test
 * answers { ok: true }; a failed one is an error (ConnectionTests).
 */
final class MailboxConnectionsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'email/mailboxes';

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		$routes = array(
			'/(?P<id>\d+)/test'  => 'test_connection',
			'/test'              => 'test_unsaved',
			'/smtp-test'         => 'test_smtp',
			'/(?P<id>\d+)/check' => 'check_now',
		);
		foreach ( $routes as $path => $callback ) {
			register_rest_route(
				$this->namespace,
				'/' . $this->rest_base . $path,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, $callback ),
					'permission_callback' => array( $this, 'check_manager' ),
				)
			);
		}
	}

	/**
	 * Tests the IMAP connection of a saved mailbox (optionally with unsaved overrides).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_connection( WP_REST_Request $request ) {
		$mailbox = ( new Mailboxes() )->get( (int) $request['id'] );
		if ( null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		return self::answer( ( new ConnectionTests() )->imap( $mailbox, self::input( $request ) ) );
	}

	/**
	 * Tests IMAP settings that are not saved yet (the "add mailbox" form).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_unsaved( WP_REST_Request $request ) {
		return self::answer( ( new ConnectionTests() )->imap_unsaved( self::input( $request ) ) );
	}

	/**
	 * Connects and logs in to a mailbox's SMTP server without sending (saved settings, with
	 * unsaved overrides; the stored password is used unless one is typed).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_smtp( WP_REST_Request $request ) {
		$id      = (int) $request->get_param( 'id' );
		$mailbox = $id > 0 ? ( new Mailboxes() )->get( $id ) : null;
		if ( $id > 0 && null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		return self::answer( ( new ConnectionTests() )->smtp( $mailbox, self::input( $request ) ) );
	}

	/**
	 * Polls one mailbox now (whatever its schedule or backoff), and returns what it imported with
	 * the mailbox's new state. A failed poll is an answer, not an error: the mailbox shows it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function check_now( WP_REST_Request $request ) {
		$mailbox = ( new Mailboxes() )->get( (int) $request['id'] );
		if ( null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		$result = ( new ConnectionTests() )->check_now( $mailbox );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$result['mailbox'] = Mailboxes::format( $result['mailbox'] );
		return rest_ensure_response( $result );
	}

	/**
	 * The cleaned body.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private static function input( WP_REST_Request $request ): array {
		return MailboxEditor::input( $request->get_json_params() ?: $request->get_body_params() );
	}

	/**
	 * { ok: true } for a passed test, the error otherwise.
	 *
	 * @param true|WP_Error $result Result.
	 * @return WP_REST_Response|WP_Error
	 */
	private static function answer( $result ) {
		return is_wp_error( $result ) ? $result : rest_ensure_response( array( 'ok' => true ) );
	}
}
