<?php
/**
 * GET /switchboard/v1/overview — who is signed in and what the helpdesk can do here.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Auth\Capabilities;
use Switchboard\Plugin;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The SPA's boot call: the signed-in agent, their capabilities, and the features that are on.
 */
final class OverviewController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'overview';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'context' => $this->get_context_param( array( 'default' => 'view' ) ),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Returns the overview.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$user = wp_get_current_user();
		$data = array(
			'plugin_version'     => SWITCHBOARD_VERSION,
			'woocommerce_active' => Plugin::woocommerce_active(),
			'user'               => array(
				'id'           => (int) $user->ID,
				'display_name' => $user->display_name,
				'avatar'       => (string) get_avatar_url( $user->ID, array( 'size' => 48 ) ),
			),
			'capabilities'       => array(
				'agent'  => current_user_can( Capabilities::AGENT ),
				'manage' => current_user_can( Capabilities::MANAGE ),
			),
		);

		return $this->prepare_item_for_response( $data, $request );
	}

	/**
	 * The overview as the response, filtered by context.
	 *
	 * @param mixed           $item    Overview data.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $this->filter_response_by_context( (array) $item, (string) ( $request['context'] ?? 'view' ) ) );
	}

	/**
	 * Item schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}

		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_overview',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'plugin_version'     => array(
					'description' => __( 'Switchboard version.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'woocommerce_active' => array(
					'description' => __( 'Whether WooCommerce is active, so order features are on.', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'user'               => array(
					'description'          => __( 'The signed-in agent.', 'switchboard' ),
					'type'                 => 'object',
					'context'              => array( 'view' ),
					'readonly'             => true,
					'additionalProperties' => false,
					'properties'           => array(
						'id'           => array(
							'type'    => 'integer',
							'context' => array( 'view' ),
						),
						'display_name' => array(
							'type'    => 'string',
							'context' => array( 'view' ),
						),
						'avatar'       => array(
							'type'    => 'string',
							'format'  => 'uri',
							'context' => array( 'view' ),
						),
					),
				),
				'capabilities'       => array(
					'description'          => __( 'What the signed-in user may do.', 'switchboard' ),
					'type'                 => 'object',
					'context'              => array( 'view' ),
					'readonly'             => true,
					'additionalProperties' => false,
					'properties'           => array(
						'agent'  => array(
							'type'    => 'boolean',
							'context' => array( 'view' ),
						),
						'manage' => array(
							'type'    => 'boolean',
							'context' => array( 'view' ),
						),
					),
				),
			),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}
}
