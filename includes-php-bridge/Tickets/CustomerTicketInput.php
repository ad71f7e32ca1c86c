<?php
/**
 * What a customer may send about her tickets: the fields of a new ticket, a reply and a rating.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use WP_Error;

/**
 * One definition of each form, in the REST argument format: the customer routes
 * (Rest\MeController) register them as their arguments, and CustomerTickets checks input from the
 * screens (Frontend\AccountScreens) against the same definitions, with the same errors
 * (rest_missing_callback_param / rest_invalid_param, status 400, `params` naming each field).
 */
final class CustomerTicketInput {

	/**
	 * The `id` and `token` arguments of routes about one ticket.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function ticket(): array {
		return array(
			'id'    => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'token' => array(
				'description' => __( 'Signed token from a guest link.', 'switchboard' ),
				'type'        => 'string',
				'pattern'     => '^[a-f0-9]{32}$',
			),
		);
	}

	/**
	 * A new ticket.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create(): array {
		return array(
			'subject'       => array(
				'type'      => 'string',
				'required'  => true,
				'minLength' => 1,
				'maxLength' => 255,
			),
			'body'          => self::body(),
			'order_id'      => array(
				'type'    => 'integer',
				'minimum' => 0,
				'default' => 0,
			),
			'order_item_id' => array(
				'description' => __( 'The line item of the order the ticket is about (0 for the whole order).', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'attachments'   => self::attachments(),
		);
	}

	/**
	 * A reply on a ticket.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function reply(): array {
		return array(
			'body'              => self::body(),
			'attachments'       => self::attachments(),
			'attachment_claims' => array(
				'description' => __( 'A guest\'s claim secrets for the files in "attachments" (handed out with her upload).', 'switchboard' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'string',
					'pattern' => '^[a-f0-9]{64}$',
				),
				'maxItems'    => 10,
				'default'     => array(),
			),
		);
	}

	/**
	 * A satisfaction rating.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function rating(): array {
		return array(
			'score'   => array(
				'type'     => 'integer',
				'required' => true,
				'minimum'  => 1,
				'maximum'  => 5,
			),
			'comment' => array(
				'type'      => 'string',
				'maxLength' => 2000,
				'default'   => '',
			),
		);
	}

	/**
	 * Checks input against a definition the way the REST server checks route arguments: defaults
	 * filled in, required fields present, every value valid, then sanitized.
	 *
	 * @param array<string, array<string, mixed>> $args  Definition (create(), reply(), rating()).
	 * @param array<string, mixed>                $input Input.
	 * @return array<string, mixed>|WP_Error The sanitized input.
	 */
	public static function check( array $args, array $input ) {
		$missing = array();
		$invalid = array();
		$details = array();
		foreach ( $args as $key => $arg ) {
			if ( ! array_key_exists( $key, $input ) ) {
				if ( array_key_exists( 'default', $arg ) ) {
					$input[ $key ] = $arg['default'];
				} elseif ( ! empty( $arg['required'] ) ) {
					$missing[] = $key;
				}
				continue;
			}
			$valid = rest_validate_value_from_schema( $input[ $key ], $arg, $key );
			if ( is_wp_error( $valid ) ) {
				$invalid[ $key ] = implode( ' ', $valid->get_error_messages() );
				$details[ $key ] = rest_convert_error_to_response( $valid )->get_data();
				continue;
			}
			$input[ $key ] = rest_sanitize_value_from_schema( $input[ $key ], $arg, $key );
		}
		if ( $missing ) {
			return new WP_Error(
				'rest_missing_callback_param',
				/* translators: %s: comma-separated field names */
				sprintf( __( 'Missing parameter(s): %s', 'switchboard' ), implode( ', ', $missing ) ),
				array(
					'status' => 400,
					'params' => $missing,
				)
			);
		}
		if ( $invalid ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: comma-separated field names */
				sprintf( __( 'Invalid parameter(s): %s', 'switchboard' ), implode( ', ', array_keys( $invalid ) ) ),
				array(
					'status'  => 400,
					'params'  => $invalid,
					'details' => $details,
				)
			);
		}
		return $input;
	}

	/**
	 * The text of a new ticket or a reply.
	 *
	 * @return array<string, mixed>
	 */
	private static function body(): array {
		return array(
			'type'      => 'string',
			'required'  => true,
			'minLength' => 1,
			'maxLength' => 50000,
		);
	}

	/**
	 * Uploaded files to attach (ids).
	 *
	 * @return array<string, mixed>
	 */
	private static function attachments(): array {
		return array(
			'type'     => 'array',
			'items'    => array( 'type' => 'integer' ),
			'maxItems' => 10,
			'default'  => array(),
		);
	}
}
