<?php
/**
 * /switchboard/v1/settings/support-page — which page shows customers their tickets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend\Rest;

use Switchboard\Frontend\SupportPage;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The page holding `[switchboard_account]` (or the contact form): signed links in emails (guest
 * confirmation, "rate us" after a ticket is solved) point there. Helpdesk managers only.
 */
final class SupportPageController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings/support-page';

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
					'permission_callback' => array( $this, 'check_manager' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => array(
						'page_id' => array(
							'description' => __( 'A published page showing the support screens, or 0 for none.', 'switchboard' ),
							'type'        => 'integer',
							'minimum'     => 0,
							'required'    => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET: the chosen page and the pages to choose from.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return $this->prepare_item_for_response( $this->data(), $request );
	}

	/**
	 * POST/PUT: chooses the page (0 clears it).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array( 'page_id' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$page_id = (int) $request['page_id'];
		if ( $page_id > 0 && ! SupportPage::is_candidate( $page_id ) ) {
			return new WP_Error(
				'switchboard_invalid_support_page',
				__( 'Choose a published page.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array( 'page_id' => __( 'Not a published page.', 'switchboard' ) ),
				)
			);
		}
		SupportPage::set( $page_id );
		return $this->prepare_item_for_response( $this->data(), $request );
	}

	/**
	 * The response.
	 *
	 * @return array<string, mixed>
	 */
	private function data(): array {
		$page_id = SupportPage::id();
		return array(
			'page_id'     => $page_id,
			'url'         => $page_id > 0 ? (string) get_permalink( $page_id ) : '',
			'has_screens' => $page_id > 0 && SupportPage::shows_screens( $page_id ),
			'pages'       => SupportPage::candidates(),
		);
	}

	/**
	 * The response for one item (the support page setting).
	 *
	 * @param mixed           $item    Item data, shaped by the domain service.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		return rest_ensure_response( $item );
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
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_support_page',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'page_id'     => array(
					'description' => __( 'The support page (0: none; links then use the page the customer wrote from).', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
				),
				'url'         => array(
					'description' => __( 'Its address.', 'switchboard' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'has_screens' => array(
					'description' => __( 'Whether the page holds the [switchboard_account] shortcode, its block or the contact form.', 'switchboard' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'pages'       => array(
					'description' => __( 'Published pages to choose from (at most 100, those with the support screens first).', 'switchboard' ),
					'type'        => 'array',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'id'          => array( 'type' => 'integer' ),
							'title'       => array( 'type' => 'string' ),
							'has_screens' => array( 'type' => 'boolean' ),
						),
					),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
