<?php
/**
 * The inbound log and quarantine (managers only).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Routes: GET /email/inbound?status=quarantined (the log, quarantine by default),
 * POST /email/inbound/{id}/retry, GET /email/inbound/{id}/raw (the .eml download, or
 * ?format=json).
 */
final class InboundController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'email/inbound';

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
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/retry',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'retry' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/raw',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'raw' ),
				'permission_callback' => array( $this, 'check_manager' ),
			)
		);
	}

	/**
	 * Collection parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
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
		);
	}

	/**
	 * An inbound log entry (cached).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$field = static fn ( $type, string $description ): array => array(
			'description' => $description,
			'type'        => $type,
		);
		return $this->object_schema(
			'switchboard_inbound_email',
			static fn (): array => array(
				'id'         => $field( 'integer', __( 'Log entry id.', 'switchboard' ) ),
				'mailbox_id' => $field( 'integer', __( 'Mailbox (0 = none).', 'switchboard' ) ),
				'source'     => $field( 'string', __( 'How it came in: imap, pipe, webhook, cli.', 'switchboard' ) ),
				'status'     => $field( 'string', __( 'Outcome.', 'switchboard' ) ) + array( 'enum' => InboundStore::STATUSES ),
				'kind'       => $field( 'string', __( 'What the message was.', 'switchboard' ) ),
				'from'       => $field( 'string', __( 'Sender address.', 'switchboard' ) ),
				'subject'    => $field( 'string', __( 'Subject.', 'switchboard' ) ),
				'message_id' => $field( 'string', __( 'Message-ID header.', 'switchboard' ) ),
				'size'       => $field( 'integer', __( 'Size in bytes.', 'switchboard' ) ),
				'ticket_id'  => $field( 'integer', __( 'Ticket it went to (0 = none).', 'switchboard' ) ),
				'error'      => $field( 'string', __( 'Why it was not imported.', 'switchboard' ) ),
				'attempts'   => $field( 'integer', __( 'Import attempts.', 'switchboard' ) ),
				'created_at' => $field( 'string', __( 'Received (UTC).', 'switchboard' ) ),
			),
			array( 'view' )
		);
	}


	/**
	 * The inbound log (quarantine by default).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function get_items( $request ): WP_REST_Response {
		$per_page = (int) $request['per_page'];
		$list     = ( new InboundStore() )->list( array_map( 'strval', (array) $request['status'] ), (int) $request['page'], $per_page );
		$items    = array();
		foreach ( $list['rows'] as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}
		return $this->collection( $items, $list['total'], $per_page );
	}

	/**
	 * A log row as the REST item.
	 *
	 * @param array<string, mixed> $item    Inbound row.
	 * @param WP_REST_Request|null $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$row = (array) $item;
		return rest_ensure_response(
			array(
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
			)
		);
	}

	/**
	 * Retries an inbound message.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function retry( WP_REST_Request $request ) {
		$result = ( new Importer() )->retry( (int) $request['id'] );
		return $result instanceof WP_Error ? $result : rest_ensure_response( $result );
	}

	/**
	 * Downloads the raw source.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function raw( WP_REST_Request $request ) {
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
}
