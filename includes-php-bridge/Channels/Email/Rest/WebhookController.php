<?php
/**
 * Inbound email over HTTP: raw MIME (HMAC) and the Mailgun, Postmark and SendGrid inbound shapes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\Secrets;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * POST /switchboard/v1/email/inbound/{provider}. These routes are public by nature (mail providers
 * call them); each request must prove itself with the provider's signature scheme, and stale or
 * replayed requests are refused:
 * - raw:      X-Switchboard-Timestamp + X-Switchboard-Signature = hex HMAC-SHA256(secret, timestamp "." body), ±5 min;
 * - mailgun:  fields timestamp, token, signature = hex HMAC-SHA256(signing key, timestamp . token), ±5 min,
 *             token used once; MIME from "body-mime" (route forward to a URL ending in "mime");
 * - postmark: HTTP Basic credentials configured in the webhook URL (Postmark signs nothing) and the
 *             JSON's RawEmail (enable "include raw email content");
 * - sendgrid: Inbound Parse security policy signature: ECDSA P-256/SHA-256 over timestamp . body,
 *             headers X-Twilio-Email-Event-Webhook-Signature/-Timestamp, ±5 min; MIME from "email"
 *             ("POST the raw, full MIME message").
 */
final class WebhookController {

	public const OPTION = 'switchboard_email_webhooks';

	private const TOLERANCE = 300;

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			'switchboard/v1',
			'/email/inbound/(?P<provider>raw|mailgun|postmark|sendgrid)',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'receive' ),
				// Public: authenticated by the provider's signature in verify(), which runs first.
				'permission_callback' => array( $this, 'verify' ),
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
		foreach ( array( 'raw_secret', 'mailgun_key', 'postmark_user', 'postmark_password', 'sendgrid_public_key' ) as $key ) {
			$out[ $key ] = $secrets->decrypt( (string) ( $stored[ $key ] ?? '' ) );
		}
		return $out;
	}

	/**
	 * Saves credentials (encrypted).
	 *
	 * @param array<string, string> $values Values.
	 */
	public static function save_credentials( array $values ): void {
		$secrets = new Secrets();
		$stored  = (array) get_option( self::OPTION, array() );
		foreach ( $values as $key => $value ) {
			$stored[ $key ] = $secrets->encrypt( (string) $value );
		}
		update_option( self::OPTION, $stored, false );
	}

	/**
	 * Permission callback: verifies the request's signature.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function verify( WP_REST_Request $request ) {
		$creds    = self::credentials();
		$provider = (string) $request['provider'];
		$deny     = new WP_Error( 'switchboard_webhook_signature', __( 'The request signature is missing, invalid or stale.', 'switchboard' ), array( 'status' => 401 ) );
		$now      = time();

		switch ( $provider ) {
			case 'raw':
				$ts  = (string) $request->get_header( 'x_switchboard_timestamp' );
				$sig = strtolower( (string) $request->get_header( 'x_switchboard_signature' ) );
				if ( '' === $creds['raw_secret'] || ! ctype_digit( $ts ) || abs( $now - (int) $ts ) > self::TOLERANCE ) {
					return $deny;
				}
				return hash_equals( hash_hmac( 'sha256', $ts . '.' . $request->get_body(), $creds['raw_secret'] ), $sig ) ? true : $deny;

			case 'mailgun':
				$ts    = (string) $request->get_param( 'timestamp' );
				$token = (string) $request->get_param( 'token' );
				$sig   = strtolower( (string) $request->get_param( 'signature' ) );
				if ( '' === $creds['mailgun_key'] || ! ctype_digit( $ts ) || abs( $now - (int) $ts ) > self::TOLERANCE || '' === $token ) {
					return $deny;
				}
				if ( ! hash_equals( hash_hmac( 'sha256', $ts . $token, $creds['mailgun_key'] ), $sig ) ) {
					return $deny;
				}
				$seen = 'switchboard_mg_' . md5( $token );
				if ( false !== get_transient( $seen ) ) {
					return $deny; // Replay.
				}
				set_transient( $seen, 1, 2 * self::TOLERANCE );
				return true;

			case 'postmark':
				$user = (string) ( $_SERVER['PHP_AUTH_USER'] ?? '' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
				$pass = (string) ( $_SERVER['PHP_AUTH_PW'] ?? '' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
				$auth = (string) $request->get_header( 'authorization' );
				if ( '' === $user && str_starts_with( strtolower( $auth ), 'basic ' ) ) {
					$pair = explode( ':', (string) base64_decode( substr( $auth, 6 ) ), 2 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
					$user = $pair[0];
					$pass = $pair[1] ?? '';
				}
				if ( '' === $creds['postmark_password'] ) {
					return $deny;
				}
				return hash_equals( $creds['postmark_user'], $user ) && hash_equals( $creds['postmark_password'], $pass ) ? true : $deny;

			case 'sendgrid':
				$ts  = (string) $request->get_header( 'x_twilio_email_event_webhook_timestamp' );
				$sig = (string) $request->get_header( 'x_twilio_email_event_webhook_signature' );
				$key = $creds['sendgrid_public_key'];
				if ( '' === $key || '' === $sig || ! ctype_digit( $ts ) || abs( $now - (int) $ts ) > self::TOLERANCE ) {
					return $deny;
				}
				if ( ! str_contains( $key, 'BEGIN PUBLIC KEY' ) ) {
					$key = "-----BEGIN PUBLIC KEY-----\n" . chunk_split( $key, 64, "\n" ) . "-----END PUBLIC KEY-----\n";
				}
				$ok = openssl_verify( $ts . $request->get_body(), (string) base64_decode( $sig ), $key, OPENSSL_ALGO_SHA256 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
				return 1 === $ok ? true : $deny;
		}
		return $deny;
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
		$result = ( new Importer() )->import(
			$raw,
			array(
				'source'      => 'webhook',
				'source_ref'  => $provider,
				'envelope_to' => $envelope,
			)
		);
		if ( $result instanceof WP_Error ) {
			return $result; // 413/503: the provider retries.
		}
		return new WP_REST_Response(
			array(
				'status'     => $result['status'],
				'inbound_id' => $result['inbound_id'],
			),
			'quarantined' === $result['status'] ? 202 : 200
		);
	}
}
