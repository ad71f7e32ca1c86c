<?php
/**
 * Deflection log: a suggested article was opened from a contact or new-ticket form.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

use Switchboard\Db\Schema;

/**
 * The form gets a random session id when it loads. Opening a suggested article records
 * (session, article, query) with submitted = 0; submitting the form marks that session's rows
 * submitted = 1 with the new ticket. A row still at 0 is a deflected ticket — reports count them
 * after a grace period (the visitor may come back and submit).
 */
final class Deflections {

	public const SOURCES = array( 'contact', 'account', 'chat' );

	/**
	 * Records that a suggestion was opened. Idempotent per session and article.
	 */
	public function opened( string $session, int $article_id, string $query, string $source, int $user_id ): void {
		global $wpdb;
		$wpdb->query(
			$wpdb->prepare(
				'INSERT IGNORE INTO ' . Schema::table( 'kb_deflections' ) . ' (session, source, article_id, query, user_id, submitted, ticket_id, created_at) VALUES (%s, %s, %d, %s, %d, 0, 0, %s)', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$session,
				in_array( $source, self::SOURCES, true ) ? $source : 'contact',
				$article_id,
				MissingSearches::normalize( $query ),
				$user_id,
				current_time( 'mysql', true )
			)
		);
	}

	/**
	 * Marks a session's opened suggestions as followed by a ticket after all.
	 */
	public function submitted( string $session, int $ticket_id ): int {
		global $wpdb;
		if ( ! self::valid_session( $session ) ) {
			return 0;
		}
		return (int) $wpdb->query(
			$wpdb->prepare(
				'UPDATE ' . Schema::table( 'kb_deflections' ) . ' SET submitted = 1, ticket_id = %d WHERE session = %s', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$ticket_id,
				$session
			)
		);
	}

	/**
	 * Counts for a period: opened suggestions, and sessions that ended without a ticket.
	 *
	 * @return array{opened: int, deflected: int, submitted: int}
	 */
	public function summary( string $since_gmt ): array {
		global $wpdb;
		$row = $wpdb->get_row(
			$wpdb->prepare(
				'SELECT COUNT(DISTINCT session) AS opened, COUNT(DISTINCT CASE WHEN submitted = 0 THEN session END) AS deflected, COUNT(DISTINCT CASE WHEN submitted = 1 THEN session END) AS submitted FROM ' . Schema::table( 'kb_deflections' ) . ' WHERE created_at >= %s', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$since_gmt
			),
			ARRAY_A
		);
		return array(
			'opened'    => (int) ( $row['opened'] ?? 0 ),
			'deflected' => (int) ( $row['deflected'] ?? 0 ),
			'submitted' => (int) ( $row['submitted'] ?? 0 ),
		);
	}

	/**
	 * A session id is 32 lower-case hex characters.
	 */
	public static function valid_session( string $session ): bool {
		return 1 === preg_match( '/^[a-f0-9]{32}$/', $session );
	}
}
