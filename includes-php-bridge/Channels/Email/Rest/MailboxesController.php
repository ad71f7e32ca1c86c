<?php
/**
 * Mailboxes, the inbound log/quarantine and message originals over REST.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\HostGuard;
use Switchboard\Channels\Email\Imap\Poller;
use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Channels\Email\Mailer;
use Switchboard\Mail\AgentReplyMail;
use Switchboard\Mail\ReplyDelivery;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Rest\Controller;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Html;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes (managers only, except the original of a message, which agents may read):
 * - /email/mailboxes (GET, POST), /email/mailboxes/{id} (GET, PUT/PATCH, DELETE),
 *   /email/mailboxes/{id}/test (POST, optional unsaved overrides), /email/mailboxes/test (POST, unsaved
 *   settings of a new mailbox), /email/mailboxes/{id}/check (POST, poll now)
 * - /email/webhooks (GET, PUT): which inbound webhooks are set up and their URLs; secrets are
 *   write-only ('' clears one)
 * - /email/inbound?status=quarantined (GET), /email/inbound/{id}/retry (POST), /email/inbound/{id}/raw (GET)
 * - /email/messages/{id}/original (GET): the unstripped HTML/text of an imported message.
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
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_connection' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_unsaved' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/smtp-test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_smtp' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/messages/(?P<id>\d+)/retry',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'retry_delivery' ),
				'permission_callback' => array( $this, 'check_agent' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/check',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'check_now' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/webhooks',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'webhooks_get' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'webhooks_update' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => array_fill_keys(
						WebhookController::KEYS,
						array(
							'type'      => 'string',
							'maxLength' => 4096,
						)
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/inbound',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'inbound_list' ),
				'permission_callback' => array( $this, 'check_manager' ),
				'args'                => array(
					'status'   => array(
						'type'    => 'array',
						'items'   => array(
							'type' => 'string',
							'enum' => InboundStore::STATUSES,
						),
						'default' => array( 'quarantined' ),
					),
					'page'     => array(
						'type'    => 'integer',
						'minimum' => 1,
						'default' => 1,
					),
					'per_page' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 100,
						'default' => 20,
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/inbound/(?P<id>\d+)/retry',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'inbound_retry' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/inbound/(?P<id>\d+)/raw',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'inbound_raw' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/email/messages/(?P<id>\d+)/original',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'original' ),
				'permission_callback' => array( $this, 'check_agent' ),
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
	 * Lists mailboxes.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function get_items( $request ): WP_REST_Response {
		$items = array_map( array( Mailboxes::class, 'format' ), ( new Mailboxes() )->all() );
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
		return null === $mailbox ? self::not_found( 'mailbox' ) : rest_ensure_response( Mailboxes::format( $mailbox ) );
	}

	/**
	 * Creates a mailbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$data = $this->input( $request );
		if ( empty( $data['address'] ) || ! is_email( (string) $data['address'] ) ) {
			return new WP_Error(
				'switchboard_invalid_address',
				__( 'A mailbox needs a valid email address.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'address',
				)
			);
		}
		$team = self::check_team( $data );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		$hosts = self::check_hosts( $data );
		if ( $hosts ) {
			return $hosts;
		}
		$repo = new Mailboxes();
		if ( null !== $repo->find_by_address( (string) $data['address'] ) ) {
			return new WP_Error(
				'switchboard_mailbox_exists',
				__( 'A mailbox with this address already exists.', 'switchboard' ),
				array(
					'status' => 409,
					'field'  => 'address',
				)
			);
		}
		$id = $repo->save( $data );
		if ( 0 === $id ) {
			return new WP_Error( 'switchboard_db_error', __( 'The mailbox could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		$response = rest_ensure_response( Mailboxes::format( (array) $repo->get( $id ) ) );
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
		$repo  = new Mailboxes();
		$id    = (int) $request['id'];
		$saved = $repo->get( $id );
		if ( null === $saved ) {
			return self::not_found( 'mailbox' );
		}
		$data = $this->input( $request );
		if ( isset( $data['address'] ) && ! is_email( (string) $data['address'] ) ) {
			return new WP_Error(
				'switchboard_invalid_address',
				__( 'A mailbox needs a valid email address.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'address',
				)
			);
		}
		$team = self::check_team( $data );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		$hosts = self::check_hosts( $data, $saved );
		if ( $hosts ) {
			return $hosts;
		}
		$repo->save( $data, $id );
		return rest_ensure_response( Mailboxes::format( (array) $repo->get( $id ) ) );
	}

	/**
	 * The IMAP and SMTP hosts must not be private (HostGuard), and a changed server or account
	 * needs its password typed again: polling and sending would otherwise hand the saved one over.
	 *
	 * @param array<string, mixed>      $data  Input.
	 * @param array<string, mixed>|null $saved The mailbox before the change (null when new).
	 */
	private static function check_hosts( array $data, ?array $saved = null ): ?WP_Error {
		foreach ( array( 'imap_host', 'smtp_host' ) as $field ) {
			$refused = isset( $data[ $field ] ) ? HostGuard::check( (string) $data[ $field ], $field ) : null;
			if ( $refused ) {
				return $refused;
			}
		}
		if ( null === $saved ) {
			return null;
		}
		if ( ! isset( $data['imap_password'] ) && '' !== (string) $saved['imap_password'] && HostGuard::differs( $saved, $data, array( 'imap_host', 'imap_port', 'imap_user' ) ) ) {
			return HostGuard::password_required( 'imap_password' );
		}
		if ( ! isset( $data['smtp_password'] ) && '' !== (string) ( $saved['settings']['smtp_password'] ?? '' ) && HostGuard::differs( (array) $saved['settings'], $data, array( 'smtp_host', 'smtp_port', 'smtp_user' ) ) ) {
			return HostGuard::password_required( 'smtp_password' );
		}
		return null;
	}

	/**
	 * The default team must exist (0 = none); stored as an integer.
	 *
	 * @param array<string, mixed> $data Input (team_id normalized in place).
	 * @return true|WP_Error
	 */
	private static function check_team( array &$data ) {
		if ( ! array_key_exists( 'team_id', $data ) ) {
			return true;
		}
		$data['team_id'] = (int) $data['team_id'];
		if ( 0 !== $data['team_id'] && ! ( new Teams() )->exists( $data['team_id'] ) ) {
			return Teams::invalid_reference();
		}
		return true;
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
	 * Tests the IMAP connection of a saved mailbox (optionally with unsaved overrides).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_connection( WP_REST_Request $request ) {
		$repo    = new Mailboxes();
		$mailbox = $repo->get( (int) $request['id'] );
		if ( null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		$overrides = $this->input( $request );
		$typed     = isset( $overrides['imap_password'] ) && '' !== (string) $overrides['imap_password'];
		// The saved password only ever goes to the saved server and account.
		if ( ! $typed && HostGuard::differs( $mailbox, $overrides, array( 'imap_host', 'imap_port', 'imap_user' ) ) ) {
			return HostGuard::password_required( 'imap_password' );
		}
		$settings = array_merge( $mailbox, array_intersect_key( $overrides, array_flip( array( 'imap_host', 'imap_port', 'imap_security', 'imap_user', 'imap_folder' ) ) ) );
		$refused  = HostGuard::check( (string) $settings['imap_host'], 'imap_host' );
		if ( $refused ) {
			return $refused;
		}
		$result = ( new Poller() )->test( $settings, $typed ? (string) $overrides['imap_password'] : $repo->password( $mailbox ) );
		if ( true !== $result ) {
			return HostGuard::connection_failed( 'switchboard_imap_failed', $result );
		}
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * Tests IMAP settings that are not saved yet (the "add mailbox" form).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_unsaved( WP_REST_Request $request ) {
		$data = $this->input( $request );
		if ( '' === trim( (string) ( $data['imap_host'] ?? '' ) ) || (int) ( $data['imap_port'] ?? 0 ) <= 0 ) {
			return new WP_Error(
				'switchboard_imap_incomplete',
				__( 'Enter the IMAP host and port first.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'imap_host',
				)
			);
		}
		$settings = array(
			'imap_host'     => (string) $data['imap_host'],
			'imap_port'     => (int) $data['imap_port'],
			'imap_security' => (string) ( $data['imap_security'] ?? 'ssl' ),
			'imap_user'     => (string) ( $data['imap_user'] ?? '' ),
			'imap_folder'   => (string) ( $data['imap_folder'] ?? 'INBOX' ),
		);
		$refused  = HostGuard::check( $settings['imap_host'], 'imap_host' );
		if ( $refused ) {
			return $refused;
		}
		$result = ( new Poller() )->test( $settings, (string) ( $data['imap_password'] ?? '' ) );
		if ( true !== $result ) {
			return HostGuard::connection_failed( 'switchboard_imap_failed', $result );
		}
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * Polls one mailbox now (whatever its schedule or backoff), and returns what it imported with
	 * the mailbox's new state. A failed poll is an answer, not an error: the mailbox shows it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function check_now( WP_REST_Request $request ) {
		$repo    = new Mailboxes();
		$mailbox = $repo->get( (int) $request['id'] );
		if ( null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		if ( '' === (string) $mailbox['imap_host'] ) {
			return new WP_Error( 'switchboard_imap_incomplete', __( 'This mailbox has no IMAP server to check.', 'switchboard' ), array( 'status' => 400 ) );
		}
		$result = ( new Poller() )->poll( $mailbox );
		if ( ! empty( $result['busy'] ) ) {
			return new WP_Error( 'switchboard_poll_running', __( 'This mailbox is being checked right now; try again in a minute.', 'switchboard' ), array( 'status' => 409 ) );
		}
		return rest_ensure_response(
			array(
				'imported' => $result['imported'],
				'error'    => $result['error'],
				'mailbox'  => Mailboxes::format( (array) $repo->get( (int) $mailbox['id'] ) ),
			)
		);
	}

	/**
	 * The inbound webhooks: URL to give each provider and whether its credentials are set.
	 */
	public function webhooks_get(): WP_REST_Response {
		$creds = WebhookController::credentials();
		$url   = static fn( string $provider ): string => rest_url( 'switchboard/v1/email/inbound/' . $provider );
		return rest_ensure_response(
			array(
				'raw'      => array(
					'url'        => $url( 'raw' ),
					'configured' => '' !== $creds['raw_secret'],
				),
				'mailgun'  => array(
					'url'        => $url( 'mailgun' ) . '/mime',
					'configured' => '' !== $creds['mailgun_key'],
				),
				'postmark' => array(
					'url'        => $url( 'postmark' ),
					'user'       => $creds['postmark_user'],
					'configured' => '' !== $creds['postmark_password'],
				),
				'sendgrid' => array(
					'url'            => $url( 'sendgrid' ),
					'configured'     => '' !== $creds['sendgrid_public_key'] || '' !== $creds['sendgrid_token'],
					'public_key_set' => '' !== $creds['sendgrid_public_key'],
					'token_set'      => '' !== $creds['sendgrid_token'],
				),
			)
		);
	}

	/**
	 * Sets inbound webhook credentials (only the keys sent; '' clears one).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function webhooks_update( WP_REST_Request $request ) {
		$params = (array) ( $request->get_json_params() ?: $request->get_body_params() );
		$values = array();
		foreach ( WebhookController::KEYS as $key ) {
			if ( array_key_exists( $key, $params ) ) {
				$values[ $key ] = trim( (string) $params[ $key ] );
			}
		}
		if ( array() === $values ) {
			return new WP_Error( 'switchboard_nothing_to_update', __( 'Send at least one webhook credential.', 'switchboard' ), array( 'status' => 400 ) );
		}
		WebhookController::save_credentials( $values );
		return $this->webhooks_get();
	}

	/**
	 * Inbound log (quarantine by default).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function inbound_list( WP_REST_Request $request ): WP_REST_Response {
		$per_page = (int) $request['per_page'];
		$list     = ( new InboundStore() )->list( array_map( 'strval', (array) $request['status'] ), (int) $request['page'], $per_page );
		$items    = array_map(
			static fn( array $row ): array => array(
				'id'         => (int) $row['id'],
				'mailbox_id' => (int) $row['mailbox_id'],
				'source'     => (string) $row['source'],
				'status'     => (string) $row['status'],
				'kind'       => (string) $row['kind'],
				'from'       => (string) $row['from_addr'],
				'subject'    => (string) $row['subject'],
				'message_id' => (string) $row['message_id'],
				'size'       => (int) $row['size'],
				'ticket_id'  => (int) $row['ticket_id'],
				'error'      => (string) $row['error'],
				'attempts'   => (int) $row['attempts'],
				'created_at' => (string) $row['created_at'],
			),
			$list['rows']
		);
		return $this->collection( $items, $list['total'], $per_page );
	}

	/**
	 * Retries an inbound message.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function inbound_retry( WP_REST_Request $request ) {
		$result = ( new Importer() )->retry( (int) $request['id'] );
		return $result instanceof WP_Error ? $result : rest_ensure_response( $result );
	}

	/**
	 * Downloads the raw source.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function inbound_raw( WP_REST_Request $request ) {
		$store = new InboundStore();
		$row   = $store->get( (int) $request['id'] );
		if ( null === $row ) {
			return self::not_found( 'email' );
		}
		$raw = $store->raw( $row );
		if ( '' === $raw ) {
			return new WP_Error( 'switchboard_email_raw_missing', __( 'The raw email file is missing.', 'switchboard' ), array( 'status' => 410 ) );
		}
		if ( 'json' === $request->get_param( 'format' ) ) {
			return rest_ensure_response( array( 'raw' => mb_convert_encoding( $raw, 'UTF-8', 'UTF-8' ) ) );
		}
		add_filter(
			'rest_pre_serve_request',
			static function ( $served ) use ( $raw, $row ) {
				if ( $served ) {
					return $served;
				}
				header( 'Content-Type: message/rfc822' );
				header( 'Content-Disposition: attachment; filename="inbound-' . (int) $row['id'] . '.eml"' );
				header( 'X-Content-Type-Options: nosniff' );
				echo $raw; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a download, not HTML.
				return true;
			}
		);
		return new WP_REST_Response( null, 200 );
	}

	/**
	 * The full (unstripped) body of an imported message, sanitized, for agents who may see its ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function original( WP_REST_Request $request ) {
		$message = ( new Messages() )->get( (int) $request['id'] );
		if ( null === $message || 'email' !== (string) $message['channel'] ) {
			return self::not_found( 'message' );
		}
		$ticket = ( new TicketService() )->get( (int) $message['ticket_id'] );
		if ( null === $ticket || ! Access::can_view( $ticket ) ) {
			return new WP_Error( 'switchboard_forbidden', __( 'You cannot view this ticket.', 'switchboard' ), array( 'status' => 403 ) );
		}
		$store = new InboundStore();
		$row   = $store->get( (int) ( $message['meta']['email']['raw_id'] ?? 0 ) );
		$raw   = null === $row ? '' : $store->raw( $row );
		if ( '' === $raw ) {
			return self::not_found( 'email' );
		}
		$parsed = ( new Parser() )->parse( $raw );
		return rest_ensure_response(
			array(
				'html' => '' !== $parsed->html() ? Html::sanitize( $parsed->html() ) : '',
				'text' => $parsed->text(),
			)
		);
	}

	/**
	 * Connects and logs in to a mailbox's SMTP server without sending (saved settings, with
	 * unsaved overrides; the stored password is used unless one is typed).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_smtp( WP_REST_Request $request ) {
		$repo    = new Mailboxes();
		$id      = (int) $request->get_param( 'id' );
		$mailbox = $id > 0 ? $repo->get( $id ) : null;
		if ( $id > 0 && null === $mailbox ) {
			return self::not_found( 'mailbox' );
		}
		$mailbox = $mailbox ?? Mailboxes::decode( array() );
		$data    = $this->input( $request );
		$typed   = isset( $data['smtp_password'] ) && '' !== (string) $data['smtp_password'];
		if ( $id > 0 && ! $typed && HostGuard::differs( (array) $mailbox['settings'], $data, array( 'smtp_host', 'smtp_port', 'smtp_user' ) ) ) {
			return HostGuard::password_required( 'smtp_password' );
		}
		foreach ( array( 'smtp_host', 'smtp_port', 'smtp_security', 'smtp_user' ) as $key ) {
			if ( array_key_exists( $key, $data ) ) {
				$mailbox['settings'][ $key ] = $data[ $key ];
			}
		}
		$smtp = Mailer::smtp_settings( $mailbox );
		if ( null === $smtp ) {
			return new WP_Error(
				'switchboard_smtp_incomplete',
				__( 'Enter the SMTP host first.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'smtp_host',
				)
			);
		}
		$refused = HostGuard::check( $smtp['host'], 'smtp_host' );
		if ( $refused ) {
			return $refused;
		}
		if ( $typed ) {
			$smtp['password'] = (string) $data['smtp_password'];
		}
		$result = Mailer::test_smtp( $smtp );
		if ( true !== $result ) {
			return HostGuard::connection_failed( 'switchboard_smtp_failed', $result );
		}
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * An agent's "retry now" of an email reply that failed or bounced.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function retry_delivery( WP_REST_Request $request ) {
		$messages = new Messages();
		$message  = $messages->get( (int) $request['id'] );
		if ( null === $message || ! in_array( (string) $message['channel'], AgentReplyMail::CHANNELS, true ) || 'out' !== (string) $message['direction'] || ! empty( $message['is_private'] ) ) {
			return self::not_found( 'message' );
		}
		$ticket = ( new TicketService() )->get( (int) $message['ticket_id'] );
		if ( null === $ticket || ! Access::can_view( $ticket ) ) {
			return new WP_Error( 'switchboard_forbidden', __( 'You cannot view this ticket.', 'switchboard' ), array( 'status' => 403 ) );
		}
		if ( ! in_array( (string) $message['delivery_status'], array( 'failed', 'bounced' ), true ) ) {
			return new WP_Error( 'switchboard_not_failed', __( 'Only a reply that failed to send can be retried.', 'switchboard' ), array( 'status' => 409 ) );
		}
		( new ReplyDelivery() )->retry_now( (int) $message['id'] );
		$message = (array) $messages->get( (int) $message['id'] );
		return rest_ensure_response(
			array(
				'id'                => (int) $message['id'],
				'delivery_status'   => (string) $message['delivery_status'],
				'delivery_error'    => (string) $message['delivery_error'],
				'delivery_attempts' => (int) $message['delivery_attempts'],
			)
		);
	}

	/**
	 * Accepted input fields.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private function input( WP_REST_Request $request ): array {
		$fields = array( 'name', 'address', 'imap_host', 'imap_port', 'imap_security', 'imap_user', 'imap_password', 'imap_folder', 'after_import', 'move_folder', 'poll_interval', 'is_active', 'team_id', 'tags', 'signature', 'acknowledge', 'ack_subject', 'ack_body', 'quote_history', 'smtp_host', 'smtp_port', 'smtp_security', 'smtp_user', 'smtp_password' );
		$params = $request->get_json_params() ?: $request->get_body_params();
		$out    = array();
		foreach ( $fields as $field ) {
			if ( is_array( $params ) && array_key_exists( $field, $params ) ) {
				$value         = $params[ $field ];
				$out[ $field ] = is_string( $value ) && ! in_array( $field, array( 'imap_password', 'smtp_password' ), true ) ? sanitize_text_field( $value ) : $value;
			}
		}
		if ( isset( $out['smtp_port'] ) ) {
			$out['smtp_port'] = max( 0, min( 65535, (int) $out['smtp_port'] ) );
		}
		if ( isset( $out['smtp_security'] ) && ! in_array( $out['smtp_security'], array( '', 'ssl', 'starttls', 'none' ), true ) ) {
			$out['smtp_security'] = 'starttls';
		}
		if ( isset( $out['signature'] ) ) {
			$out['signature'] = sanitize_textarea_field( (string) ( $params['signature'] ?? '' ) );
		}
		if ( isset( $out['ack_body'] ) ) {
			$out['ack_body'] = sanitize_textarea_field( (string) ( $params['ack_body'] ?? '' ) );
		}
		return $out;
	}
}
