<?php
/**
 * The `{group.key}` placeholders of canned responses.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets\CannedResponses;

use Switchboard\Plugin;
use Switchboard\Tickets\Customers;
use Switchboard\Woo\Orders;
use WP_User;

/**
 * Fills placeholders for a ticket — customer, her order (WooCommerce), the agent, the site. Bodies
 * are plain text (the composer turns text into HTML when it sends), so values go in as text too.
 */
final class Placeholders {

	/**
	 * The placeholders filled, documented in the schema and the settings screen.
	 */
	public const NAMES = array(
		'customer.name',
		'customer.first_name',
		'customer.last_name',
		'customer.email',
		'ticket.number',
		'ticket.subject',
		'agent.name',
		'agent.first_name',
		'site.name',
		'order.number',
		'order.status',
		'order.date',
		'order.total',
		'order.tracking',
		'order.items',
	);

	/**
	 * Fills a body; returns [ text, placeholders that had no value ]. Unknown placeholders stay.
	 *
	 * @param string                $body   Text with placeholders.
	 * @param array<string, string> $values Placeholder → value.
	 * @return array{0: string, 1: string[]}
	 */
	public function fill( string $body, array $values ): array {
		$missing = array();
		$text    = (string) preg_replace_callback(
			'/\{([a-z_]+\.[a-z_]+)\}/',
			static function ( array $match ) use ( $values, &$missing ): string {
				if ( ! array_key_exists( $match[1], $values ) ) {
					return $match[0];
				}
				if ( '' === $values[ $match[1] ] ) {
					$missing[] = $match[1];
				}
				return $values[ $match[1] ];
			},
			$body
		);
		return array( $text, array_values( array_unique( $missing ) ) );
	}

	/**
	 * Placeholder values for a ticket answered by an agent.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param WP_User              $agent  The agent replying.
	 * @return array<string, string>
	 */
	public function values( array $ticket, WP_User $agent ): array {
		$customers = new Customers();
		$customer  = (int) ( $ticket['customer_id'] ?? 0 ) > 0 ? $customers->get( (int) $ticket['customer_id'] ) : null;

		$name  = $customer ? trim( (string) $customer['name'] ) : '';
		$parts = preg_split( '/\s+/u', $name, 2 );
		$first = (string) ( $parts[0] ?? '' );
		$last  = (string) ( $parts[1] ?? '' );
		if ( $customer && (int) $customer['user_id'] > 0 ) {
			$user_first = (string) get_user_meta( (int) $customer['user_id'], 'first_name', true );
			$user_last  = (string) get_user_meta( (int) $customer['user_id'], 'last_name', true );
			$first      = '' !== $user_first ? $user_first : $first;
			$last       = '' !== $user_last ? $user_last : $last;
		}

		$agent_first = (string) get_user_meta( $agent->ID, 'first_name', true );
		$values      = array(
			'customer.name'       => $customer ? Customers::display_name( $customer ) : '',
			'customer.first_name' => $first,
			'customer.last_name'  => $last,
			'customer.email'      => $customer ? (string) $customer['email'] : '',
			'ticket.number'       => (string) $ticket['id'],
			'ticket.subject'      => (string) $ticket['subject'],
			'agent.name'          => (string) $agent->display_name,
			'agent.first_name'    => '' !== $agent_first ? $agent_first : (string) strtok( (string) $agent->display_name, ' ' ),
			'site.name'           => wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ),
			'order.number'        => '',
			'order.status'        => '',
			'order.date'          => '',
			'order.total'         => '',
			'order.tracking'      => '',
			'order.items'         => '',
		);

		if ( $customer && Plugin::woocommerce_active() ) {
			$order_values = ( new Orders() )->placeholders( $customer, (int) ( $ticket['order_id'] ?? 0 ) );
			if ( '' === $values['customer.first_name'] && isset( $order_values['customer.billing_first_name'] ) ) {
				$values['customer.first_name'] = $order_values['customer.billing_first_name'];
			}
			unset( $order_values['customer.billing_first_name'] );
			$values = array_merge( $values, $order_values );
		}

		/**
		 * Filters the values of canned-response placeholders (`{group.key}` → value, plain text).
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, string> $values   Placeholder → value; '' when unknown.
		 * @param array<string, mixed>  $ticket   Ticket row.
		 * @param array<string, mixed>|null $customer Customer row.
		 */
		return (array) apply_filters( 'switchboard_canned_response_placeholders', $values, $ticket, $customer );
	}
}
