<?php
/**
 * "Was this helpful?" votes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Db\Schema;

/**
 * One vote per visitor and article (user ID, or a hash of the IP for guests): voting again
 * changes the vote instead of adding one. The counters in post meta are recomputed from the
 * votes table, so concurrent votes cannot drift them.
 */
final class Votes {

	/**
	 * Records the visitor's vote. Returns the article's counters and the visitor's vote.
	 *
	 * @param int    $post_id Article.
	 * @param string $voter   Visitor key (Visitor::key()).
	 * @param int    $value   1 (helpful) or -1 (not helpful).
	 * @return array{up: int, down: int, vote: int, changed: bool}
	 */
	public function vote( int $post_id, string $voter, int $value ): array {
		global $wpdb;
		$table = Schema::table( 'kb_votes' );
		$value = $value > 0 ? 1 : -1;

		$previous = $wpdb->get_var( $wpdb->prepare( "SELECT value FROM {$table} WHERE post_id = %d AND voter = %s", $post_id, $voter ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$changed  = null === $previous || (int) $previous !== $value;

		if ( $changed ) {
			$wpdb->query(
				$wpdb->prepare(
					"INSERT INTO {$table} (post_id, voter, value, created_at) VALUES (%d, %s, %d, %s) ON DUPLICATE KEY UPDATE value = VALUES(value), created_at = VALUES(created_at)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					$post_id,
					$voter,
					$value,
					current_time( 'mysql', true )
				)
			);
			$this->recount( $post_id );
		}

		$counts = $this->counts( $post_id );
		return array(
			'up'      => $counts['up'],
			'down'    => $counts['down'],
			'vote'    => $value,
			'changed' => $changed,
		);
	}

	/**
	 * The counters.
	 *
	 * @return array{up: int, down: int}
	 */
	public function counts( int $post_id ): array {
		return array(
			'up'   => (int) get_post_meta( $post_id, Articles::META_UP, true ),
			'down' => (int) get_post_meta( $post_id, Articles::META_DOWN, true ),
		);
	}

	/**
	 * Recomputes the counters from the votes.
	 */
	private function recount( int $post_id ): void {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM ' . Schema::table( 'kb_votes' ) . ' WHERE post_id = %d', $post_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		update_post_meta( $post_id, Articles::META_UP, (int) ( $row['up'] ?? 0 ) );
		update_post_meta( $post_id, Articles::META_DOWN, (int) ( $row['down'] ?? 0 ) );
	}
}
