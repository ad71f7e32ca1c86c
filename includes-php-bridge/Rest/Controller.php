<?php
/**
 * Base class of Switchboard's REST controllers.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Auth\Capabilities;
use WP_Error;
use WP_REST_Controller;

/**
 * Shared namespace and permission helpers. Permission callbacks answer 401 to guests and 403 to
 * logged-in users without the capability, each with a stable code and a translated message.
 */
abstract class Controller extends WP_REST_Controller {

	/**
	 * REST namespace.
	 *
	 * @var string
	 */
	protected $namespace = 'switchboard/v1';

	/**
	 * Permission: the current user is an agent.
	 *
	 * @return true|WP_Error
	 */
	public function check_agent() {
		return $this->check_capability( Capabilities::AGENT );
	}

	/**
	 * Permission: the current user manages the helpdesk.
	 *
	 * @return true|WP_Error
	 */
	public function check_manager() {
		return $this->check_capability( Capabilities::MANAGE );
	}

	/**
	 * Permission: any logged-in user (customer routes then scope every query to her).
	 *
	 * @return true|WP_Error
	 */
	public function check_logged_in() {
		if ( ! is_user_logged_in() ) {
			return self::not_logged_in();
		}
		return true;
	}

	/**
	 * 401 for guests, 403 for users without the capability.
	 *
	 * @return true|WP_Error
	 */
	protected function check_capability( string $capability ) {
		if ( ! is_user_logged_in() ) {
			return self::not_logged_in();
		}
		if ( ! current_user_can( $capability ) ) {
			return new WP_Error(
				'switchboard_forbidden',
				__( 'Sorry, you are not allowed to do that.', 'switchboard' ),
				array( 'status' => 403 )
			);
		}
		return true;
	}

	/**
	 * The error for requests without a logged-in user.
	 */
	protected static function not_logged_in(): WP_Error {
		return new WP_Error(
			'switchboard_not_logged_in',
			__( 'You need to be logged in to do that.', 'switchboard' ),
			array( 'status' => 401 )
		);
	}

	/**
	 * Rejects body fields the endpoint does not know, naming them (typos must not be ignored).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string[]         $allowed Accepted body fields.
	 * @return true|WP_Error
	 */
	protected function reject_unknown_fields( $request, array $allowed ) {
		$body    = (array) ( $request->get_json_params() ?? array() ) + (array) $request->get_body_params();
		$unknown = array_diff( array_keys( $body ), $allowed, array( '_wpnonce', '_locale', '_method', 'context', '_envelope', '_fields', '_embed' ) );
		if ( $unknown ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: comma-separated field names */
				sprintf( __( 'Unknown field(s): %s', 'switchboard' ), implode( ', ', $unknown ) ),
				array(
					'status' => 400,
					'params' => array_fill_keys( $unknown, __( 'This field is not accepted here.', 'switchboard' ) ),
				)
			);
		}
		return true;
	}

	/**
	 * A collection response with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param array<int, mixed> $items    Items.
	 * @param int               $total    Total matching.
	 * @param int               $per_page Page size.
	 */
	protected function collection( array $items, int $total, int $per_page ): \WP_REST_Response {
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) ( $per_page > 0 ? (int) ceil( $total / $per_page ) : 1 ) );
		return $response;
	}

	/**
	 * Standard "not found" error.
	 */
	protected static function not_found( string $what = 'ticket' ): WP_Error {
		$messages = array(
			'ticket'     => __( 'Ticket not found.', 'switchboard' ),
			'customer'   => __( 'Customer not found.', 'switchboard' ),
			'attachment' => __( 'Attachment not found.', 'switchboard' ),
			'message'    => __( 'Message not found.', 'switchboard' ),
		);
		return new WP_Error( 'switchboard_' . $what . '_not_found', $messages[ $what ] ?? $messages['ticket'], array( 'status' => 404 ) );
	}

	/**
	 * A cached object schema for get_item_schema(): every property read-only with the given
	 * contexts unless it says otherwise, no other properties.
	 *
	 * @param string                                          $title      Schema title.
	 * @param callable(): array<string, array<string, mixed>> $properties Builds the properties (called once).
	 * @param string[]                                        $context    Default contexts.
	 * @return array<string, mixed>
	 */
	protected function object_schema( string $title, callable $properties, array $context = array( 'view', 'edit' ) ): array {
		if ( ! $this->schema ) {
			$props = array();
			foreach ( $properties() as $key => $property ) {
				$props[ $key ] = $property + array(
					'context'  => $context,
					'readonly' => true,
				);
			}
			$this->schema = array(
				'$schema'              => 'http://json-schema.org/draft-04/schema#',
				'title'                => $title,
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => $props,
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
