<?php
/**
 * /switchboard/v1/email/mailboxes — the mailboxes (managers only).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\MailboxEditor;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes: /email/mailboxes (GET, POST), /email/mailboxes/{id} (GET, PUT/PATCH, DELETE). Rules
 * of a saved mailbox are MailboxEditor's; connection tests and "check now" are
 * MailboxConnectionsController's. Passwords are write-only: a mailbox says only whether one is set.
 */
final class MailboxesController extends Controller {

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
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Mailbox schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$string       = static fn( string $desc, array $extra = array() ): array => array(
			'description' => $desc,
			'type'        => 'string',
			'context'     => array( 'view', 'edit' ),
		) + $extra;
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_mailbox',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'                => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'name'              => $string( __( 'Name shown as the sender.', 'switchboard' ) ),
				'address'           => $string( __( 'Email address.', 'switchboard' ), array( 'format' => 'email' ) ),
				'imap_host'         => $string( __( 'IMAP host.', 'switchboard' ) ),
				'imap_port'         => array(
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 65535,
					'context' => array( 'view', 'edit' ),
				),
				'imap_security'     => $string( __( 'Transport security.', 'switchboard' ), array( 'enum' => array( 'ssl', 'starttls', 'none' ) ) ),
				'imap_user'         => $string( __( 'IMAP user.', 'switchboard' ) ),
				'imap_password'     => $string( __( 'IMAP password (write only).', 'switchboard' ), array( 'context' => array( 'edit' ) ) ),
				'imap_folder'       => $string( __( 'Folder to poll.', 'switchboard' ) ),
				'after_import'      => $string( __( 'What to do with imported mail.', 'switchboard' ), array( 'enum' => array( 'seen', 'move', 'none' ) ) ),
				'move_folder'       => $string( __( 'Folder for imported mail.', 'switchboard' ) ),
				'poll_interval'     => array(
					'type'    => 'integer',
					'minimum' => 60,
					'context' => array( 'view', 'edit' ),
				),
				'is_active'         => array(
					'type'    => 'boolean',
					'context' => array( 'view', 'edit' ),
				),
				'team_id'           => array(
					'description' => __( 'Default team of new tickets from this mailbox (0 = none); must be an existing team.', 'switchboard' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'context'     => array( 'view', 'edit' ),
				),
				'tags'              => array(
					'type'    => 'array',
					'items'   => array( 'type' => 'string' ),
					'context' => array( 'view', 'edit' ),
				),
				'signature'         => $string( __( 'Signature added to replies.', 'switchboard' ) ),
				'acknowledge'       => array(
					'type'    => 'boolean',
					'context' => array( 'view', 'edit' ),
				),
				'ack_subject'       => $string( __( 'Acknowledgement subject.', 'switchboard' ) ),
				'ack_body'          => $string( __( 'Acknowledgement text.', 'switchboard' ) ),
				'quote_history'     => array(
					'type'    => 'boolean',
					'context' => array( 'view', 'edit' ),
				),
				'smtp_host'         => $string( __( 'Own SMTP server for replies (empty: the site\'s mail setup).', 'switchboard' ) ),
				'smtp_port'         => array(
					'type'    => 'integer',
					'minimum' => 0,
					'maximum' => 65535,
					'context' => array( 'view', 'edit' ),
				),
				'smtp_security'     => $string( __( 'SMTP transport security.', 'switchboard' ), array( 'enum' => array( '', 'ssl', 'starttls', 'none' ) ) ),
				'smtp_user'         => $string( __( 'SMTP user (empty: no authentication).', 'switchboard' ) ),
				'smtp_password'     => $string( __( 'SMTP password (write only).', 'switchboard' ), array( 'context' => array( 'edit' ) ) ),
				'smtp_password_set' => array(
					'type'     => 'boolean',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'imap_password_set' => array(
					'type'     => 'boolean',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'failures'          => array(
					'type'     => 'integer',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'last_error'        => $string( __( 'Last polling error.', 'switchboard' ), array( 'readonly' => true ) ),
				'last_polled_at'    => $string( __( 'Last poll (UTC).', 'switchboard' ), array( 'readonly' => true ) ),
				'next_poll_at'      => $string( __( 'Next poll (UTC).', 'switchboard' ), array( 'readonly' => true ) ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Lists mailboxes (all of them: a shop has a handful).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function get_items( $request ): WP_REST_Response {
		$items = array();
		foreach ( ( new Mailboxes() )->all() as $mailbox ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $mailbox, $request ) );
		}
		return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
	}

	/**
	 * One mailbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$mailbox = ( new Mailboxes() )->get( (int) $request['id'] );
		return null === $mailbox ? self::not_found( 'mailbox' ) : $this->prepare_item_for_response( $mailbox, $request );
	}

	/**
	 * Creates a mailbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$mailbox = ( new MailboxEditor() )->create( MailboxEditor::input( $request->get_json_params() ?: $request->get_body_params() ) );
		if ( is_wp_error( $mailbox ) ) {
			return $mailbox;
		}
		$response = $this->prepare_item_for_response( $mailbox, $request );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Updates a mailbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$saved = ( new Mailboxes() )->get( (int) $request['id'] );
		if ( null === $saved ) {
			return self::not_found( 'mailbox' );
		}
		$mailbox = ( new MailboxEditor() )->update( $saved, MailboxEditor::input( $request->get_json_params() ?: $request->get_body_params() ) );
		return is_wp_error( $mailbox ) ? $mailbox : $this->prepare_item_for_response( $mailbox, $request );
	}

	/**
	 * Deletes a mailbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$repo    = new Mailboxes();
		$mailbox = $repo->get( (int) $request['id'] );
		if ( null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		$repo->delete( (int) $request['id'] );
		return rest_ensure_response(
			array(
				'deleted'  => true,
				'previous' => Mailboxes::format( $mailbox ),
			)
		);
	}

	/**
	 * A mailbox row as the REST item (secrets replaced by "is set" flags).
	 *
	 * @param array<string, mixed> $item    Decoded mailbox row.
	 * @param WP_REST_Request|null $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( Mailboxes::format( (array) $item ) );
	}
}
