<?php
/**
 * Canned responses: saved replies, personal (owner_id = the agent) or shared (owner_id 0).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets\CannedResponses;

use Switchboard\Db\Schema;
use Switchboard\Tickets\Time;

/**
 * The table `switchboard_canned_responses`: reads scoped to what one agent may see (the shared
 * responses and her own), writes, and the usage counter.
 */
final class Repository {

	/**
	 * The table.
	 */
	private static function table(): string {
		return Schema::table( 'canned_responses' );
	}

	/**
	 * A row, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function find( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . self::table() . ' WHERE id = %d', $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The row if a user may see it (shared, or hers), else null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function visible_to( int $id, int $user_id ): ?array {
		$row = $this->find( $id );
		if ( null === $row || ( 0 !== (int) $row['owner_id'] && $user_id !== (int) $row['owner_id'] ) ) {
			return null;
		}
		return $row;
	}

	/**
	 * One page of the responses a user sees, by title; returns [ rows, total ].
	 *
	 * @param int    $user_id  The agent.
	 * @param string $search   Limit to title, shortcut or text containing this ('' = all).
	 * @param int    $page     Page (1-based).
	 * @param int    $per_page Page size.
	 * @return array{0: array<int, array<string, mixed>>, 1: int}
	 */
	public function page_for( int $user_id, string $search, int $page, int $per_page ): array {
		global $wpdb;
		$where  = 'owner_id IN (0, %d)';
		$params = array( $user_id );
		if ( '' !== $search ) {
			$like     = '%' . $wpdb->esc_like( $search ) . '%';
			$where   .= ' AND (title LIKE %s OR shortcut LIKE %s OR body LIKE %s)';
			$params[] = $like;
			$params[] = $like;
			$params[] = $like;
		}
		$offset = ( $page - 1 ) * $per_page;
		$total  = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . self::table() . " WHERE $where", $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where holds placeholders only.
		$rows   = $wpdb->get_results(
			$wpdb->prepare( 'SELECT * FROM ' . self::table() . " WHERE $where ORDER BY title ASC, id ASC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where holds placeholders only.
			ARRAY_A
		);
		return array( (array) $rows, $total );
	}

	/**
	 * Inserts a response; returns the new row, or null when the database refused it.
	 *
	 * @param array<string, string> $fields   title, body, shortcut (validated).
	 * @param int                   $owner_id Owner (0 = shared).
	 * @return array<string, mixed>|null
	 */
	public function create( array $fields, int $owner_id ): ?array {
		global $wpdb;
		$now = Time::now();
		$wpdb->insert(
			self::table(),
			array(
				'title'       => $fields['title'],
				'body'        => $fields['body'],
				'shortcut'    => $fields['shortcut'] ?? '',
				'owner_id'    => $owner_id,
				'usage_count' => 0,
				'created_at'  => $now,
				'updated_at'  => $now,
			),
			array( '%s', '%s', '%s', '%d', '%d', '%s', '%s' )
		);
		return $this->find( (int) $wpdb->insert_id );
	}

	/**
	 * Changes columns; returns the row afterwards.
	 *
	 * @param array<string, mixed> $fields Columns (title, body, shortcut, owner_id).
	 * @return array<string, mixed>
	 */
	public function update( int $id, array $fields ): array {
		global $wpdb;
		$fields['updated_at'] = Time::now();
		$wpdb->update( self::table(), $fields, array( 'id' => $id ) );
		return (array) $this->find( $id );
	}

	/**
	 * Deletes a response.
	 */
	public function delete( int $id ): void {
		global $wpdb;
		$wpdb->delete( self::table(), array( 'id' => $id ), array( '%d' ) );
	}

	/**
	 * Counts one use.
	 */
	public function count_use( int $id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . self::table() . ' SET usage_count = usage_count + 1 WHERE id = %d', $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
	}
}
