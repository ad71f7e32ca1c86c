<?php
/**
 * /switchboard/v1/attachments — uploads and permission-checked downloads.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Auth\Capabilities;
use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Files are uploaded first (POST), then linked to a message by id. Downloads check that the viewer
 * may see the ticket — and, for customers, that the file is not on a private note.
 */
final class AttachmentsController extends Controller {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Messages.
	 *
	 * @var Messages
	 */
	private Messages $messages;

	/**
	 * Attachments.
	 *
	 * @var Attachments
	 */
	private Attachments $attachments;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 * @param Messages|null      $messages Messages.
	 * @param Attachments|null   $attachments Attachments.
	 */
	public function __construct( ?TicketService $tickets = null, ?Messages $messages = null, ?Attachments $attachments = null ) {
		$this->messages    = $messages ?? new Messages();
		$this->attachments = $attachments ?? new Attachments();
		$this->tickets     = $tickets ?? new TicketService();
	}

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'attachments';

	/**
	 * Registers routes and the file-streaming hook.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_logged_in' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args' => array(
					'id'    => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
					'token' => array(
						'description' => __( 'Signed ticket token (guest links).', 'switchboard' ),
						'type'        => 'string',
						'pattern'     => '^[a-f0-9]{32}$',
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'can_download' ),
				),
			)
		);
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_file' ), 10, 4 );
	}

	/**
	 * POST /attachments (multipart field "file").
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( ! current_user_can( Capabilities::AGENT ) ) {
			$limited = RateLimiter::hit( 'upload:user:' . get_current_user_id(), 30, HOUR_IN_SECONDS );
			if ( is_wp_error( $limited ) ) {
				return $limited;
			}
		}
		$files = $request->get_file_params();
		$file  = $files['file'] ?? null;
		if ( ! is_array( $file ) || ! isset( $file['tmp_name'] ) || UPLOAD_ERR_OK !== (int) ( $file['error'] ?? UPLOAD_ERR_NO_FILE ) ) {
			$error = is_array( $file ) ? (int) ( $file['error'] ?? 0 ) : UPLOAD_ERR_NO_FILE;
			return new WP_Error(
				UPLOAD_ERR_INI_SIZE === $error || UPLOAD_ERR_FORM_SIZE === $error ? 'switchboard_attachment_too_large' : 'switchboard_no_file',
				UPLOAD_ERR_INI_SIZE === $error ? __( 'The file is larger than the server accepts.', 'switchboard' ) : __( 'Send one file in the "file" field.', 'switchboard' ),
				array(
					'status' => UPLOAD_ERR_INI_SIZE === $error ? 413 : 400,
					'params' => array( 'file' => __( 'Required.', 'switchboard' ) ),
				)
			);
		}
		$contents = (string) file_get_contents( (string) $file['tmp_name'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		$store    = $this->attachments;
		$id       = $store->store( (string) $file['name'], $contents, (string) ( $file['type'] ?? '' ), array( 'uploaded_by' => get_current_user_id() ) );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		$response = $this->prepare_item_for_response( (array) $store->get( $id ), $request );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Permission for downloads.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function can_download( $request ) {
		$row = $this->attachments->get( (int) $request['id'] );
		if ( ! $row ) {
			return self::not_found( 'attachment' );
		}
		if ( current_user_can( Capabilities::AGENT ) ) {
			return true;
		}
		$user_id = get_current_user_id();
		if ( 0 === (int) $row['message_id'] ) {
			// Not sent yet: only its uploader.
			return $user_id > 0 && (int) $row['uploaded_by'] === $user_id ? true : self::not_found( 'attachment' );
		}
		$ticket  = $this->tickets->get( (int) $row['ticket_id'] );
		$message = $this->messages->get( (int) $row['message_id'] );
		$token   = (string) ( $request['token'] ?? '' );
		if ( $ticket && $message && ! (int) $message['is_private'] && Access::can_view_as_customer( $ticket, $token ) ) {
			return true;
		}
		// The same answer whether it exists or not: ids cannot be probed.
		return 0 === $user_id && '' === $token ? self::not_logged_in() : self::not_found( 'attachment' );
	}

	/**
	 * GET /attachments/<id>: the file (streamed by serve_file()).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$store = $this->attachments;
		$row   = $store->get( (int) $request['id'] );
		if ( ! $row || ! is_readable( $store->path( $row ) ) ) {
			return self::not_found( 'attachment' );
		}
		$inline   = (bool) preg_match( '#^image/(png|jpe?g|gif|webp)$#', (string) $row['mime_type'] );
		$response = new WP_REST_Response( array( '__switchboard_file' => $store->path( $row ) ) );
		$response->header( 'Content-Type', $inline ? (string) $row['mime_type'] : 'application/octet-stream' );
		$response->header( 'Content-Length', (string) $row['size'] );
		$response->header( 'Content-Disposition', self::content_disposition( $inline ? 'inline' : 'attachment', (string) $row['filename'] ) );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		$response->header( 'Content-Security-Policy', "default-src 'none'; sandbox" );
		$response->header( 'Cache-Control', 'private, max-age=3600' );
		$response->header( 'X-Switchboard-Sha256', (string) $row['sha256'] );
		return $response;
	}

	/**
	 * A Content-Disposition value after RFC 6266: the display name as an ASCII fallback in
	 * `filename` (anything else, quotes, backslashes and percent signs become `_`) and in full,
	 * percent-encoded UTF-8, in `filename*`. No character of the name can end the header.
	 *
	 * @param string $type     'attachment' or 'inline'.
	 * @param string $filename Stored file name.
	 */
	public static function content_disposition( string $type, string $filename ): string {
		$name     = Attachments::display_name( $filename );
		$fallback = (string) preg_replace( '/[^\x20-\x7e]|["\\\\%]/u', '_', $name );
		return ( 'inline' === $type ? 'inline' : 'attachment' ) . '; filename="' . $fallback . '"; filename*=UTF-8\'\'' . rawurlencode( $name );
	}

	/**
	 * Streams the file instead of JSON for our download route.
	 *
	 * @param bool            $served  Whether the request was served.
	 * @param mixed           $result  Response.
	 * @param WP_REST_Request $request Request.
	 * @param \WP_REST_Server $server  Server.
	 */
	public function serve_file( $served, $result, $request, $server ): bool {
		if ( $served || ! $result instanceof WP_REST_Response ) {
			return (bool) $served;
		}
		$data = $result->get_data();
		if ( ! is_array( $data ) || ! isset( $data['__switchboard_file'] ) || 200 !== $result->get_status() ) {
			return (bool) $served;
		}
		unset( $request, $server );
		readfile( (string) $data['__switchboard_file'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return true;
	}

	/**
	 * An uploaded attachment as the upload route answers.
	 *
	 * @param array<string, mixed> $item    Attachment row.
	 * @param WP_REST_Request      $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $this->filter_response_by_context( $this->attachments->format( $item ), 'view' ) );
	}

	/**
	 * The attachment (the download route sends the file itself, not this).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->object_schema(
			'switchboard_attachment',
			static fn (): array => array(
				'id'         => array( 'type' => 'integer' ),
				'filename'   => array( 'type' => 'string' ),
				'mime_type'  => array( 'type' => 'string' ),
				'size'       => array(
					'description' => __( 'Bytes.', 'switchboard' ),
					'type'        => 'integer',
				),
				'is_inline'  => array( 'type' => 'boolean' ),
				'content_id' => array( 'type' => 'string' ),
				'url'        => array(
					'type'   => 'string',
					'format' => 'uri',
				),
			)
		);
	}
}
