<?php
/**
 * Uploads no message ever linked: removed when their form fails, and by a daily cleanup.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Db\Sql;

/**
 * A file is stored before the message that links it: a form that fails on a later file or on its
 * ticket, a browser that never sends the message, a mail delivered twice. Whoever stored files
 * for a submission that failed deletes them at once (delete()); whatever is left unlinked for a
 * day is deleted by a daily job (Action Scheduler when present, WP-Cron otherwise).
 */
final class OrphanAttachments {

	public const HOOK = 'switchboard_purge_orphan_attachments';

	/**
	 * Rows deleted per run (the next run takes the rest).
	 */
	private const BATCH = 500;

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'init', array( $this, 'schedule' ) );
	}

	/**
	 * The scheduled job.
	 */
	public function run(): void {
		$this->purge( DAY_IN_SECONDS );
	}

	/**
	 * Keeps the daily job scheduled (admin and cron requests only, so storefront pages pay nothing).
	 */
	public function schedule(): void {
		if ( ! is_admin() && ! wp_doing_cron() ) {
			return;
		}
		if ( function_exists( 'as_has_scheduled_action' ) && function_exists( 'as_schedule_recurring_action' ) ) {
			if ( ! as_has_scheduled_action( self::HOOK, array(), 'switchboard' ) ) {
				as_schedule_recurring_action( time() + HOUR_IN_SECONDS, DAY_IN_SECONDS, self::HOOK, array(), 'switchboard' );
			}
			return;
		}
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::HOOK );
		}
	}

	/**
	 * Drops the job (plugin deactivation).
	 */
	public static function unschedule(): void {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), 'switchboard' );
		}
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Deletes uploads that are still unlinked (rows and files). Linked ones are left alone, so a
	 * caller can pass every id it stored.
	 *
	 * @param int[] $ids Attachment ids.
	 * @return int How many were deleted.
	 */
	public function delete( array $ids ): int {
		global $wpdb;
		$ids = Sql::ids( $ids );
		if ( ! $ids ) {
			return 0;
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare( 'SELECT id, path FROM ' . Schema::table( 'attachments' ) . ' WHERE message_id = 0 AND id IN (' . Sql::placeholders( $ids ) . ')', $ids ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders built above.
			ARRAY_A
		);
		return $this->remove( (array) $rows );
	}

	/**
	 * Deletes uploads no message linked within $age seconds.
	 *
	 * @param int $age Seconds.
	 * @return int How many were deleted.
	 */
	public function purge( int $age ): int {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT id, path FROM ' . Schema::table( 'attachments' ) . ' WHERE message_id = 0 AND created_at < %s ORDER BY id LIMIT %d',
				gmdate( 'Y-m-d H:i:s', time() - max( 0, $age ) ),
				self::BATCH
			),
			ARRAY_A
		);
		return $this->remove( (array) $rows );
	}

	/**
	 * Deletes rows (still unlinked at the moment of deleting) and then their files.
	 *
	 * @param array<int, array<string, mixed>> $rows Rows with id and path.
	 */
	private function remove( array $rows ): int {
		global $wpdb;
		$store   = new Attachments();
		$removed = 0;
		foreach ( $rows as $row ) {
			// message_id = 0 again: a message may have linked it since the SELECT.
			if ( 1 !== (int) $wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Schema::table( 'attachments' ) . ' WHERE id = %d AND message_id = 0', (int) $row['id'] ) ) ) {
				continue;
			}
			$path = $store->path( $row );
			if ( '' !== (string) $row['path'] && is_file( $path ) ) {
				wp_delete_file( $path );
			}
			++$removed;
		}
		return $removed;
	}
}
