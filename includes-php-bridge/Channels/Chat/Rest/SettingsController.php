<?php
/**
 * Chat settings for managers.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\Settings;
use Switchboard\Rest\Controller;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET/PATCH /chat/settings (switchboard_manage).
 */
final class SettingsController extends Controller {

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/chat/settings',
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
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Current settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		unset( $request );
		return rest_ensure_response( Settings::get() );
	}

	/**
	 * Partial update.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function update_item( $request ) {
		$body    = (array) ( $request->get_json_params() ?? array() ) + (array) $request->get_body_params();
		$unknown = $this->reject_unknown_fields( $request, array_keys( Settings::defaults() ) );
		if ( true !== $unknown ) {
			return $unknown;
		}
		$allowed = array_intersect_key( $body, Settings::defaults() );
		return rest_ensure_response( Settings::update( $allowed ) );
	}

	/**
	 * Schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$ctx          = array( 'view', 'edit' );
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_chat_settings',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'enabled'       => array(
					'type'        => 'boolean',
					'context'     => $ctx,
					'description' => __( 'Show the chat widget on the storefront.', 'switchboard' ),
				),
				'color'         => array(
					'type'        => 'string',
					'context'     => $ctx,
					'description' => __( 'Widget colour (hex).', 'switchboard' ),
				),
				'greeting'      => array(
					'type'        => 'string',
					'context'     => $ctx,
					'description' => __( 'First line visitors see.', 'switchboard' ),
				),
				'position'      => array(
					'type'        => 'string',
					'enum'        => array( 'left', 'right' ),
					'context'     => $ctx,
					'description' => __( 'Corner of the launcher.', 'switchboard' ),
				),
				'show_on'       => array(
					'type'        => 'string',
					'enum'        => array( 'all', 'selected', 'except' ),
					'context'     => $ctx,
					'description' => __( 'Which pages show the widget.', 'switchboard' ),
				),
				'page_ids'      => array(
					'type'        => 'array',
					'items'       => array( 'type' => 'integer' ),
					'context'     => $ctx,
					'description' => __( 'Pages for show_on selected/except.', 'switchboard' ),
				),
				'bot_enabled'   => array(
					'type'        => 'boolean',
					'context'     => $ctx,
					'description' => __( 'Answer from the knowledge base first.', 'switchboard' ),
				),
				'hours_enabled' => array(
					'type'        => 'boolean',
					'context'     => $ctx,
					'description' => __( 'Offer a person only within business hours.', 'switchboard' ),
				),
				'hours'         => array(
					'type'        => 'array',
					'items'       => array( 'type' => 'string' ),
					'context'     => $ctx,
					'description' => __( 'Sunday..Saturday "HH:MM-HH:MM" in the site timezone, "" = closed.', 'switchboard' ),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
