<?php
/**
 * Searches that found nothing: the articles the help center is missing.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Db\Schema;

/**
 * One row per normalized query with a hit counter, so a popular unanswered question is one row,
 * not thousands. Suggestions typed live in forms are not logged (half-typed words are noise).
 */
final class MissingSearches {

	/**
	 * Counts a search that returned nothing.
	 */
	public function record( string $query ): void {
		global $wpdb;
		$query = self::normalize( $query );
		if ( '' === $query ) {
			return;
		}
		$now = current_time( 'mysql', true );
		$wpdb->query(
			$wpdb->prepare(
				'INSERT INTO ' . Schema::table( 'kb_missing' ) . ' (query, hits, first_at, last_at) VALUES (%s, 1, %s, %s)
				ON DUPLICATE KEY UPDATE hits = hits + 1, last_at = VALUES(last_at)', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name only.
				$query,
				$now,
				$now
			)
		);
	}

	/**
	 * Page of missing searches, most frequent first (or most recent).
	 *
	 * @return array{items: array<int, array<string, mixed>>, total: int}
	 */
	public function page( int $page, int $per_page, string $orderby = 'hits', string $since = '' ): array {
		global $wpdb;
		$table  = Schema::table( 'kb_missing' );
		$where  = '1=1';
		$params = array();
		if ( '' !== $since ) {
			$where   .= ' AND last_at >= %s';
			$params[] = $since;
		}
		$order = 'last' === $orderby ? 'last_at DESC, hits DESC' : 'hits DESC, last_at DESC';

		// phpcs:disable WordPress.DB.PreparedSQL -- table name and a fixed ORDER BY; values are placeholders.
		$total = (int) $wpdb->get_var( $params ? $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where}", $params ) : "SELECT COUNT(*) FROM {$table}" );
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, query, hits, first_at, last_at FROM {$table} WHERE {$where} ORDER BY {$order} LIMIT %d OFFSET %d",
				array_merge( $params, array( $per_page, ( $page - 1 ) * $per_page ) )
			),
			ARRAY_A
		);
		// phpcs:enable

		return array(
			'items' => is_array( $rows ) ? $rows : array(),
			'total' => $total,
		);
	}

	/**
	 * Deletes one entry (an agent wrote the article, or it was noise).
	 */
	public function delete( int $id ): bool {
		global $wpdb;
		return (bool) $wpdb->delete( Schema::table( 'kb_missing' ), array( 'id' => $id ), array( '%d' ) );
	}

	/**
	 * Lower-case, single spaces, at most 190 characters.
	 */
	public static function normalize( string $query ): string {
		$query = trim( (string) preg_replace( '/\s+/u', ' ', wp_strip_all_tags( $query ) ) );
		return mb_substr( mb_strtolower( $query, 'UTF-8' ), 0, 190 );
	}
}
