<?php
/**
 * Inbound email over HTTP: raw MIME (HMAC) and the Mailgun, Postmark and SendGrid inbound shapes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\PostmarkMime;
use Switchboard\Channels\Email\Secrets;
use Switchboard\Rest\Controller;
use Switchboard\Security\RateLimiter;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * POST /switchboard/v1/email/inbound/{provider}. These routes are public by nature (mail providers
 * call them, logged out); each request must prove itself with what its provider documents, and
 * is refused otherwise with a stable code and status (see verify()):
 * - raw:      headers X-Switchboard-Timestamp and X-Switchboard-Signature = hex HMAC-SHA256(secret,
 *             timestamp "." raw body), ±5 minutes, each signature accepted once. Our own scheme,
 *             for an MTA or relay that POSTs the message as it is (Content-Type: message/rfc822).
 * - mailgun:  form fields timestamp, token, signature = hex HMAC-SHA256(HTTP webhook signing key,
 *             timestamp . token) — Mailgun's "Securing Webhooks" — ±5 minutes, each token accepted
 *             once; the MIME from "body-mime" (a route that forwards to …/email/inbound/mailgun/mime).
 * - postmark: Postmark signs nothing; it documents HTTP Basic credentials in the webhook URL
 *             (https://user:password@shop.example/…), which are required here. MIME from the JSON's
 *             RawEmail when "Include raw email content in JSON payload" is on, otherwise rebuilt
 *             from the parsed fields (PostmarkMime); no timestamp to check, so a replay can only
 *             repeat a Message-ID, which the importer dedupes.
 * - sendgrid: Inbound Parse with "POST the raw, full MIME message" (multipart/form-data, MIME in
 *             "email"). SendGrid's security policy signs timestamp . body with ECDSA P-256/SHA-256
 *             (headers X-Twilio-Email-Event-Webhook-Signature/-Timestamp). PHP does not expose the
 *             raw bytes of a multipart/form-data body (php://input is empty for it), so that
 *             signature can only be checked where the body reaches us unparsed; otherwise a
 *             secret token in the webhook URL (?token=…, compared in constant time) is required.
 *             A configured public key is always enforced when the signature headers come along.
 * Every request also counts against a per-IP rate limit (300 a minute) before anything else.
 *
 * Answers: 200 (202 when quarantined) once the raw message is kept in the inbound store; 503
 * whenever it was not — the store failed, the database refused the row, the import threw — so
 * the provider retries; a 4xx only for what a retry cannot fix (credentials 401/403, replay 409,
 * too large 413, no MIME 400). A signed request counts as used (409 afterwards) only once its
 * message is kept. With the database down WordPress itself answers 500 (dead_db()) before any
 * plugin code runs, which providers retry as well.
 */
final class WebhookController extends Controller {

	public const OPTION = 'switchboard_email_webhooks';

	/**
	 * Credential keys (all stored encrypted).
	 */
	public const KEYS = array( 'raw_secret', 'mailgun_key', 'postmark_user', 'postmark_password', 'sendgrid_public_key', 'sendgrid_token' );

	public const TOLERANCE = 300;

	/**
	 * Transient that marks this request's nonce as used. It is set only once the message is kept
	 * (receive()), so a request that failed in any way — an error, an exception, a fatal error or
	 * a time limit half-way — is not refused as a replay when the provider retries it.
	 */
	private string $nonce_key = '';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			'switchboard/v1',
			// Mailgun posts the full MIME (body-mime) only to URLs that end in "mime": hence /mailgun/mime.
			'/email/inbound/(?P<provider>raw|mailgun|postmark|sendgrid)(?:/mime)?',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'receive' ),
					// Public: authenticated by the provider's signature in verify(), which runs first.
					'permission_callback' => array( $this, 'verify' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Stored webhook credentials (decrypted).
	 *
	 * @return array<string, string>
	 */
	public static function credentials(): array {
		$stored  = (array) get_option( self::OPTION, array() );
		$secrets = new Secrets();
		$out     = array();
		foreach ( self::KEYS as $key ) {
			$out[ $key ] = $secrets->decrypt( (string) ( $stored[ $key ] ?? '' ) );
		}
		return $out;
	}

	/**
	 * Saves credentials (encrypted); '' clears one. Unknown keys are ignored.
	 *
	 * @param array<string, string> $values Values.
	 */
	public static function save_credentials( array $values ): void {
		$secrets = new Secrets();
		$stored  = (array) get_option( self::OPTION, array() );
		foreach ( array_intersect_key( $values, array_flip( self::KEYS ) ) as $key => $value ) {
			$stored[ $key ] = '' === (string) $value ? '' : $secrets->encrypt( (string) $value );
		}
		update_option( self::OPTION, $stored, false );
	}

	/**
	 * A refusal.
	 *
	 * @param string $code   Code suffix.
	 * @param string $text   Message.
	 * @param int    $status HTTP status.
	 */
	private static function deny( string $code, string $text, int $status = 401 ): WP_Error {
		return new WP_Error( 'switchboard_webhook_' . $code, $text, array( 'status' => $status ) );
	}

	/**
	 * Permission callback: verifies the request as its provider documents.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function verify( WP_REST_Request $request ) {
		$limited = RateLimiter::hit( 'email_webhook:ip:' . RateLimiter::ip(), 300, 60 );
		if ( $limited instanceof WP_Error ) {
			return $limited;
		}
		$creds    = self::credentials();
		$provider = (string) $request['provider'];
		$now      = time();

		$not_configured = self::deny( 'not_configured', __( 'This inbound webhook is not set up on this site.', 'switchboard' ), 403 );
		$unsigned       = self::deny( 'unsigned', __( 'The request carries no signature or credentials.', 'switchboard' ) );
		$bad            = self::deny( 'signature', __( 'The request signature or credentials are invalid.', 'switchboard' ) );
		$stale          = self::deny( 'stale', __( 'The request timestamp is missing or too far from the current time.', 'switchboard' ) );
		$replay         = self::deny( 'replay', __( 'This signed request was already received.', 'switchboard' ), 409 );
		$fresh          = static fn( string $ts ): bool => ctype_digit( $ts ) && abs( $now - (int) $ts ) <= self::TOLERANCE;

		switch ( $provider ) {
			case 'raw':
				if ( '' === $creds['raw_secret'] ) {
					return $not_configured;
				}
				$ts  = (string) $request->get_header( 'x_switchboard_timestamp' );
				$sig = strtolower( trim( (string) $request->get_header( 'x_switchboard_signature' ) ) );
				if ( '' === $sig ) {
					return $unsigned;
				}
				if ( ! $fresh( $ts ) ) {
					return $stale;
				}
				if ( ! hash_equals( hash_hmac( 'sha256', $ts . '.' . $request->get_body(), $creds['raw_secret'] ), $sig ) ) {
					return $bad;
				}
				return $this->once( 'raw:' . $sig ) ? true : $replay;

			case 'mailgun':
				if ( '' === $creds['mailgun_key'] ) {
					return $not_configured;
				}
				$ts    = (string) $request->get_param( 'timestamp' );
				$token = (string) $request->get_param( 'token' );
				$sig   = strtolower( trim( (string) $request->get_param( 'signature' ) ) );
				if ( '' === $sig || '' === $token ) {
					return $unsigned;
				}
				if ( ! $fresh( $ts ) ) {
					return $stale;
				}
				if ( ! hash_equals( hash_hmac( 'sha256', $ts . $token, $creds['mailgun_key'] ), $sig ) ) {
					return $bad;
				}
				return $this->once( 'mailgun:' . $token ) ? true : $replay;

			case 'postmark':
				if ( '' === $creds['postmark_password'] ) {
					return $not_configured;
				}
				list( $user, $pass ) = self::basic_auth( $request );
				if ( '' === $user && '' === $pass ) {
					return $unsigned;
				}
				return hash_equals( $creds['postmark_user'], $user ) && hash_equals( $creds['postmark_password'], $pass ) ? true : $bad;

			case 'sendgrid':
				if ( '' === $creds['sendgrid_public_key'] && '' === $creds['sendgrid_token'] ) {
					return $not_configured;
				}
				$ts   = (string) $request->get_header( 'x_twilio_email_event_webhook_timestamp' );
				$sig  = (string) $request->get_header( 'x_twilio_email_event_webhook_signature' );
				$body = $request->get_body();
				if ( '' !== $creds['sendgrid_public_key'] && '' !== $sig && '' !== $body ) {
					if ( ! $fresh( $ts ) ) {
						return $stale;
					}
					if ( ! self::ecdsa_ok( $creds['sendgrid_public_key'], $ts . $body, $sig ) ) {
						return $bad;
					}
					return $this->once( 'sendgrid:' . $sig ) ? true : $replay;
				}
				$token = (string) $request->get_param( 'token' );
				if ( '' === $creds['sendgrid_token'] ) {
					// Only a public key is configured and the signed bytes are not available.
					return '' === $sig ? $unsigned : $bad;
				}
				if ( '' === $token ) {
					return $unsigned;
				}
				return hash_equals( $creds['sendgrid_token'], $token ) ? true : $bad;
		}
		return $bad;
	}

	/**
	 * True unless a request with this nonce was already kept within twice the tolerance.
	 *
	 * @param string $nonce Token or signature.
	 */
	private function once( string $nonce ): bool {
		$key = 'switchboard_wh_' . md5( $nonce );
		if ( false !== get_transient( $key ) ) {
			return false;
		}
		$this->nonce_key = $key;
		return true;
	}

	/**
	 * HTTP Basic credentials of the request (from PHP or the Authorization header).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{0: string, 1: string}
	 */
	private static function basic_auth( WP_REST_Request $request ): array {
		$user = isset( $_SERVER['PHP_AUTH_USER'] ) ? (string) wp_unslash( $_SERVER['PHP_AUTH_USER'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared in constant time, never stored or shown.
		$pass = isset( $_SERVER['PHP_AUTH_PW'] ) ? (string) wp_unslash( $_SERVER['PHP_AUTH_PW'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared in constant time, never stored or shown.
		$auth = (string) $request->get_header( 'authorization' );
		if ( '' === $user && str_starts_with( strtolower( $auth ), 'basic ' ) ) {
			$pair = explode( ':', (string) base64_decode( trim( substr( $auth, 6 ) ), true ), 2 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
			$user = $pair[0];
			$pass = $pair[1] ?? '';
		}
		return array( $user, $pass );
	}

	/**
	 * Verifies SendGrid's ECDSA (P-256, SHA-256) signature, base64 DER, against a base64 or PEM key.
	 *
	 * @param string $key     Public key.
	 * @param string $payload Signed bytes (timestamp . body).
	 * @param string $sig     Base64 signature.
	 */
	private static function ecdsa_ok( string $key, string $payload, string $sig ): bool {
		if ( ! str_contains( $key, 'BEGIN PUBLIC KEY' ) ) {
			$key = "-----BEGIN PUBLIC KEY-----\n" . chunk_split( trim( $key ), 64, "\n" ) . "-----END PUBLIC KEY-----\n";
		}
		$public = openssl_pkey_get_public( $key );
		$raw    = base64_decode( $sig, true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		if ( false === $public || false === $raw ) {
			return false;
		}
		return 1 === openssl_verify( $payload, $raw, $public, OPENSSL_ALGO_SHA256 );
	}

	/**
	 * Imports the message.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function receive( WP_REST_Request $request ) {
		$provider = (string) $request['provider'];
		$raw      = '';
		$envelope = array();
		switch ( $provider ) {
			case 'raw':
				$raw = $request->get_body();
				break;
			case 'mailgun':
				$raw      = (string) $request->get_param( 'body-mime' );
				$envelope = array_filter( array( (string) $request->get_param( 'recipient' ) ) );
				break;
			case 'postmark':
				$json     = (array) $request->get_json_params();
				$raw      = (string) ( $json['RawEmail'] ?? '' );
				$raw      = '' !== trim( $raw ) ? $raw : PostmarkMime::build( $json );
				$envelope = array_filter( array( (string) ( $json['OriginalRecipient'] ?? '' ) ) );
				break;
			case 'sendgrid':
				$raw      = (string) $request->get_param( 'email' );
				$env      = json_decode( (string) $request->get_param( 'envelope' ), true );
				$envelope = is_array( $env ) ? array_map( 'strval', (array) ( $env['to'] ?? array() ) ) : array();
				break;
		}
		if ( '' === trim( $raw ) ) {
			return new WP_Error( 'switchboard_webhook_no_mime', __( 'The request carries no raw MIME message.', 'switchboard' ), array( 'status' => 400 ) );
		}
		try {
			$result = ( new Importer() )->import(
				$raw,
				array(
					'source'      => 'webhook',
					'source_ref'  => $provider,
					'envelope_to' => $envelope,
				)
			);
		} catch ( \Throwable $e ) {
			// Whether the raw message was kept is unknown: the provider must retry (a message that
			// was kept after all is a duplicate then, found by its Message-ID or its bytes).
			$result = new WP_Error( 'switchboard_email_import_failed', __( 'The email could not be saved; it will be retried.', 'switchboard' ), array( 'status' => 503 ) );
		}
		if ( $result instanceof WP_Error ) {
			return $result; // 413, or 503 when it was not kept: the provider retries.
		}
		if ( '' !== $this->nonce_key ) {
			set_transient( $this->nonce_key, 1, 2 * self::TOLERANCE ); // Kept: this signed request is used.
		}
		return new WP_REST_Response(
			array(
				'status'     => $result['status'],
				'inbound_id' => $result['inbound_id'],
			),
			'quarantined' === $result['status'] ? 202 : 200
		);
	}

	/**
	 * What the provider gets back for a received message.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->object_schema(
			'switchboard_inbound_email',
			static fn (): array => array(
				'status'     => array(
					'description' => __( 'What became of the message (quarantined answers 202).', 'switchboard' ),
					'type'        => 'string',
				),
				'inbound_id' => array( 'type' => 'integer' ),
			),
			array( 'view' )
		);
	}
}
