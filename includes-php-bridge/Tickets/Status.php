<?php
/**
 * Ticket statuses, priorities and the rules between them.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * Status values and transitions.
 *
 * - new: nobody has answered yet.
 * - open: in progress, the ball is with the team.
 * - pending: waiting on the customer.
 * - on-hold: waiting on a third party (supplier, carrier).
 * - solved: answered; a customer reply reopens it.
 * - closed: final; a customer reply starts a follow-up ticket.
 */
final class Status {

	public const NEW     = 'new';
	public const OPEN    = 'open';
	public const PENDING = 'pending';
	public const ON_HOLD = 'on-hold';
	public const SOLVED  = 'solved';
	public const CLOSED  = 'closed';

	public const ALL = array( self::NEW, self::OPEN, self::PENDING, self::ON_HOLD, self::SOLVED, self::CLOSED );

	/**
	 * Statuses that count as "open work" (is_open = 1).
	 */
	public const OPEN_SET = array( self::NEW, self::OPEN, self::PENDING, self::ON_HOLD );

	public const PRIORITIES = array(
		'low'    => 0,
		'normal' => 1,
		'high'   => 2,
		'urgent' => 3,
	);

	/**
	 * Whether the status is open work.
	 */
	public static function is_open( string $status ): bool {
		return in_array( $status, self::OPEN_SET, true );
	}

	/**
	 * Priority name for its stored number.
	 */
	public static function priority_name( int $priority ): string {
		$name = array_search( $priority, self::PRIORITIES, true );
		return false === $name ? 'normal' : (string) $name;
	}

	/**
	 * Stored number for a priority name.
	 */
	public static function priority_value( string $name ): int {
		return self::PRIORITIES[ $name ] ?? 1;
	}

	/**
	 * Status after a new message, or null to keep it.
	 *
	 * @param string $status      Current status.
	 * @param string $author_type customer|agent|bot|system.
	 * @param bool   $is_private  Private notes never change the status.
	 */
	public static function after_message( string $status, string $author_type, bool $is_private ): ?string {
		if ( $is_private ) {
			return null;
		}
		if ( 'customer' === $author_type ) {
			// The customer answered: the ball is back with the team.
			return in_array( $status, array( self::PENDING, self::SOLVED, self::ON_HOLD ), true ) ? self::OPEN : null;
		}
		if ( 'agent' === $author_type && self::NEW === $status ) {
			return self::OPEN;
		}
		return null;
	}

	/**
	 * Human label.
	 */
	public static function label( string $status ): string {
		$labels = array(
			self::NEW     => __( 'New', 'switchboard' ),
			self::OPEN    => __( 'Open', 'switchboard' ),
			self::PENDING => __( 'Pending', 'switchboard' ),
			self::ON_HOLD => __( 'On hold', 'switchboard' ),
			self::SOLVED  => __( 'Solved', 'switchboard' ),
			self::CLOSED  => __( 'Closed', 'switchboard' ),
		);
		return $labels[ $status ] ?? $status;
	}
}
