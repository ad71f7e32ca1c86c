<?php
/**
 * Background jobs: Action Scheduler when present, WP-Cron otherwise.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * Thin wrapper so callers do not care which scheduler runs the job.
 */
final class Scheduler {

	/**
	 * Runs a hook once after a delay.
	 *
	 * @param string  $hook  Hook.
	 * @param mixed[] $args  Arguments.
	 * @param int     $delay Seconds.
	 */
	public static function later( string $hook, array $args, int $delay ): void {
		if ( function_exists( 'as_schedule_single_action' ) ) {
			as_schedule_single_action( time() + $delay, $hook, $args, 'switchboard' );
			return;
		}
		wp_schedule_single_event( time() + $delay, $hook, $args );
	}

	/**
	 * The time a one-off job is due (0 when none is scheduled).
	 *
	 * @param string  $hook Hook.
	 * @param mixed[] $args Arguments.
	 */
	public static function next( string $hook, array $args ): int {
		if ( function_exists( 'as_next_scheduled_action' ) ) {
			$next = as_next_scheduled_action( $hook, $args, 'switchboard' );
			return is_int( $next ) ? $next : 0;
		}
		return (int) wp_next_scheduled( $hook, $args );
	}

	/**
	 * Drops a scheduled one-off job.
	 *
	 * @param string  $hook Hook.
	 * @param mixed[] $args Arguments.
	 */
	public static function cancel( string $hook, array $args ): void {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( $hook, $args, 'switchboard' );
		}
		wp_clear_scheduled_hook( $hook, $args );
	}

	/**
	 * Ensures a recurring hook is scheduled.
	 *
	 * @param string $hook     Hook.
	 * @param int    $interval Seconds (WP-Cron uses the "switchboard_minute" schedule).
	 */
	public static function recurring( string $hook, int $interval ): void {
		if ( function_exists( 'as_has_scheduled_action' ) && function_exists( 'as_schedule_recurring_action' ) ) {
			if ( ! as_has_scheduled_action( $hook, array(), 'switchboard' ) ) {
				as_schedule_recurring_action( time() + 30, $interval, $hook, array(), 'switchboard' );
			}
			return;
		}
		if ( ! wp_next_scheduled( $hook ) ) {
			wp_schedule_event( time() + 30, 'switchboard_minute', $hook );
		}
	}
}
