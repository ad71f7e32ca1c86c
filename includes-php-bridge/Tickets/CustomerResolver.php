<?php
/**
 * Who a ticket an agent logs by hand is for.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use WP_Error;

/**
 * An agent opening a ticket on a customer's behalf (phone call, walk-in, an email forwarded by
 * hand) names an existing customer, or gives an email address or phone number; the customer is
 * then found by that identity or created (Customers::resolve()).
 */
final class CustomerResolver {

	/**
	 * Customers repository.
	 */
	private Customers $customers;

	/**
	 * Wires the repository.
	 *
	 * @param Customers|null $customers Customers.
	 */
	public function __construct( ?Customers $customers = null ) {
		$this->customers = $customers ?? new Customers();
	}

	/**
	 * The customer id for a new ticket: the existing customer when $customer_id is given (400 when
	 * unknown), otherwise the one found or created by $customer's email (preferred) or phone.
	 *
	 * @param int                  $customer_id Existing customer, or 0.
	 * @param array<string, mixed> $customer    name, email, phone (when $customer_id is 0).
	 * @return int|WP_Error
	 */
	public function for_new_ticket( int $customer_id, array $customer ) {
		if ( $customer_id > 0 ) {
			if ( null === $this->customers->get( $customer_id ) ) {
				return new WP_Error(
					'switchboard_invalid_customer',
					__( 'Customer not found.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array( 'customer_id' => __( 'Customer not found.', 'switchboard' ) ),
					)
				);
			}
			return $customer_id;
		}
		$email = sanitize_email( (string) ( $customer['email'] ?? '' ) );
		$phone = sanitize_text_field( (string) ( $customer['phone'] ?? '' ) );
		if ( '' === $email && '' === $phone ) {
			return new WP_Error(
				'rest_missing_callback_param',
				__( 'Give customer_id, or a customer with an email or phone number.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array( 'customer' => __( 'Email or phone required.', 'switchboard' ) ),
				)
			);
		}
		return '' !== $email
			? $this->customers->resolve( 'email', $email, $customer + array( 'email' => $email ) )
			: $this->customers->resolve( 'phone', $phone, $customer );
	}
}
