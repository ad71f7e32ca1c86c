<?php
/**
 * Who may see which ticket: agents, the customer who owns it, or a holder of its signed link.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Auth\Capabilities;

/**
 * Ownership checks and signed guest links.
 */
final class Access {

	/**
	 * Customer id of the logged-in user (0 for guests and for users without a customer record).
	 */
	public static function current_customer_id(): int {
		$user_id = get_current_user_id();
		return $user_id > 0 ? ( new Customers() )->for_user( $user_id ) : 0;
	}

	/**
	 * Whether the logged-in user is the ticket's customer.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function owns( array $ticket ): bool {
		$customer = self::current_customer_id();
		return $customer > 0 && $customer === (int) $ticket['customer_id'];
	}

	/**
	 * Whether the current user (or a token) may read the ticket as its customer.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function can_view_as_customer( array $ticket, string $token = '' ): bool {
		return self::owns( $ticket ) || ( '' !== $token && self::verify_token( $ticket, $token ) );
	}

	/**
	 * Whether the current user may see the ticket at all (agents see every ticket).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function can_view( array $ticket, string $token = '' ): bool {
		return current_user_can( Capabilities::AGENT ) || self::can_view_as_customer( $ticket, $token );
	}

	/**
	 * The signed token of a guest link (ticket-specific secret + site salt).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function token( array $ticket ): string {
		return substr( hash_hmac( 'sha256', 'ticket:' . (int) $ticket['id'], (string) $ticket['secret'] . wp_salt( 'auth' ) ), 0, 32 );
	}

	/**
	 * Constant-time token check.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public static function verify_token( array $ticket, string $token ): bool {
		return '' !== (string) $ticket['secret'] && hash_equals( self::token( $ticket ), $token );
	}
}
