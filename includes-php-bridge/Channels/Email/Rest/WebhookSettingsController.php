<?php
/**
 * The inbound webhooks' settings (managers only).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Rest;

use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /email/webhooks: the URL to give each provider and whether its credentials are set.
 * PUT /email/webhooks: sets credentials (only the keys sent; '' clears one). Secrets are
 * write-only; they are stored encrypted by WebhookController (which receives the webhooks).
 */
final class WebhookSettingsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'email/webhooks';

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
					'callback'            => array( $this, 'get_settings' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_settings' ),
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
	}

	/**
	 * The inbound webhooks: URL to give each provider and whether its credentials are set.
	 */
	public function get_settings(): WP_REST_Response {
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
	public function update_settings( WP_REST_Request $request ) {
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
		return $this->get_settings();
	}
}
