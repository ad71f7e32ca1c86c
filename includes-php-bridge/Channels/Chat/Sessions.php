<?php
/**
 * Chat sessions: the visitor's handle on her chat ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Db\Schema;
use Switchboard\Tickets\Time;

/**
 * A session row links a random visitor token (stored as its SHA-256 only) to a chat ticket, and
 * carries the counters that make polling cheap: `version` changes whenever the visitor has
 * something new to fetch, `agent_version` whenever the inbox has.
 *
 * Statuses: bot (the knowledge-base bot answers), waiting (asked for a person), active (an agent
 * answered), offline (nobody available: a message left, answered by email), ended.
 */
final class Sessions {

	public const STATUSES = array( 'bot', 'waiting', 'active', 'offline', 'ended' );

	/**
	 * The request header the widget sends its visitor token in.
	 */
	public const TOKEN_HEADER = 'X-Switchboard-Chat-Token';

	/**
	 * Seconds without a poll after which the visitor counts as gone (replies then go by email).
	 */
	public const GONE_AFTER = 120;

	/**
	 * Hash of a visitor token.
	 */
	public static function hash( string $token ): string {
		return hash( 'sha256', $token );
	}

	/**
	 * Whether a string looks like a token we issue (43 url-safe base64 characters).
	 */
	public static function valid_token( string $token ): bool {
		return 1 === preg_match( '/^[A-Za-z0-9_-]{43}$/', $token );
	}

	/**
	 * Creates a session and returns [ id, token ]; the raw token is never stored.
	 *
	 * @param array<string, mixed> $fields customer_id, user_id, page_url, page_title, user_agent.
	 * @return array{0: int, 1: string}
	 */
	public function create( array $fields ): array {
		global $wpdb;
		$token = rtrim( strtr( base64_encode( random_bytes( 32 ) ), '+/', '-_' ), '=' );
		$now   = Time::now();
		$wpdb->insert(
			Schema::table( 'chat_sessions' ),
			array(
				'token_hash'   => self::hash( $token ),
				'customer_id'  => (int) ( $fields['customer_id'] ?? 0 ),
				'user_id'      => (int) ( $fields['user_id'] ?? 0 ),
				'status'       => (string) ( $fields['status'] ?? 'bot' ),
				'bot_session'  => bin2hex( random_bytes( 16 ) ),
				'page_url'     => mb_substr( (string) ( $fields['page_url'] ?? '' ), 0, 2048 ),
				'page_title'   => mb_substr( (string) ( $fields['page_title'] ?? '' ), 0, 255 ),
				'user_agent'   => mb_substr( (string) ( $fields['user_agent'] ?? '' ), 0, 255 ),
				'last_seen_at' => $now,
				'created_at'   => $now,
				'updated_at'   => $now,
			)
		);
		return array( (int) $wpdb->insert_id, $token );
	}

	/**
	 * The session of a token, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function by_token( string $token ): ?array {
		global $wpdb;
		if ( ! self::valid_token( $token ) ) {
			return null;
		}
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'chat_sessions' ) . ' WHERE token_hash = %s', self::hash( $token ) ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * A session by id.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'chat_sessions' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The latest session of a ticket, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function by_ticket( int $ticket_id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'chat_sessions' ) . ' WHERE ticket_id = %d ORDER BY id DESC LIMIT 1', $ticket_id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Changes columns and bumps the version(s) in one UPDATE.
	 *
	 * @param array<string, mixed> $set      Columns.
	 * @param bool                 $visitor  Bump `version` (the visitor has something to fetch).
	 * @param bool                 $agent    Bump `agent_version` (the inbox has something to fetch).
	 */
	public function update( int $id, array $set, bool $visitor = true, bool $agent = true ): void {
		global $wpdb;
		$set['updated_at'] = Time::now();
		$sql               = array();
		$args              = array();
		foreach ( $set as $column => $value ) {
			if ( null === $value ) {
				$sql[] = "`$column` = NULL";
				continue;
			}
			$sql[]  = "`$column` = " . ( is_int( $value ) ? '%d' : '%s' );
			$args[] = $value;
		}
		if ( $visitor ) {
			$sql[] = 'version = version + 1';
		}
		if ( $agent ) {
			$sql[] = 'agent_version = agent_version + 1';
		}
		$args[] = $id;
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- column names are ours, values are placeholders.
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'chat_sessions' ) . ' SET ' . implode( ', ', $sql ) . ' WHERE id = %d', $args ) );
	}

	/**
	 * A new message on the session's ticket: both sides have something to fetch.
	 */
	public function message_added( int $ticket_id, int $message_id, bool $is_private ): void {
		global $wpdb;
		$table = Schema::table( 'chat_sessions' );
		if ( $is_private ) {
			$wpdb->query( $wpdb->prepare( "UPDATE $table SET agent_version = agent_version + 1 WHERE ticket_id = %d", $ticket_id ) );
			return;
		}
		$wpdb->query(
			$wpdb->prepare(
				"UPDATE $table SET version = version + 1, agent_version = agent_version + 1, last_message_id = GREATEST(last_message_id, %d), updated_at = %s WHERE ticket_id = %d",
				$message_id,
				Time::now(),
				$ticket_id
			)
		);
	}

	/**
	 * The visitor has read up to a message (never past the newest, never backwards).
	 */
	public function mark_read( int $id, int $message_id ): void {
		global $wpdb;
		$wpdb->query(
			$wpdb->prepare(
				'UPDATE ' . Schema::table( 'chat_sessions' ) . ' SET last_read_id = GREATEST(last_read_id, LEAST(last_message_id, %d)) WHERE id = %d',
				$message_id,
				$id
			)
		);
	}

	/**
	 * Records that the visitor polled (at most one write per 20 seconds).
	 */
	public function seen( int $id ): void {
		global $wpdb;
		$now = time();
		$wpdb->query(
			$wpdb->prepare(
				'UPDATE ' . Schema::table( 'chat_sessions' ) . ' SET last_seen_at = %s WHERE id = %d AND last_seen_at < %s',
				gmdate( 'Y-m-d H:i:s', $now ),
				$id,
				gmdate( 'Y-m-d H:i:s', $now - 20 )
			)
		);
	}

	/**
	 * Whether the visitor is still polling.
	 *
	 * @param array<string, mixed> $session Session row.
	 */
	public static function visitor_present( array $session ): bool {
		return 'ended' !== $session['status'] && strtotime( $session['last_seen_at'] . ' UTC' ) >= time() - self::GONE_AFTER;
	}

	/**
	 * Whether a "typing" timestamp is recent (typing indicators last 6 seconds).
	 */
	public static function is_typing( ?string $at ): bool {
		return null !== $at && '' !== $at && strtotime( $at . ' UTC' ) >= time() - 6;
	}

	/**
	 * Open sessions for the inbox (bot, waiting, active, offline), newest activity first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function open( int $limit = 100 ): array {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT * FROM ' . Schema::table( 'chat_sessions' ) . " WHERE status IN ('bot','waiting','active') AND ticket_id > 0 ORDER BY (status = 'waiting') DESC, updated_at DESC LIMIT %d",
				$limit
			),
			ARRAY_A
		);
		return (array) $rows;
	}

	/**
	 * A fingerprint of every open session's agent_version: changes whenever the inbox should refetch.
	 *
	 * @return array{version: string, waiting: int, active: int}
	 */
	public function agent_fingerprint(): array {
		global $wpdb;
		$row = $wpdb->get_row(
			'SELECT COUNT(*) AS n, COALESCE(SUM(agent_version),0) AS v, COALESCE(MAX(id),0) AS m, SUM(status = \'waiting\') AS waiting, SUM(status = \'active\') AS active,
				SUM(visitor_typing_at IS NOT NULL AND visitor_typing_at >= UTC_TIMESTAMP() - INTERVAL 6 SECOND) AS typing
			FROM ' . Schema::table( 'chat_sessions' ) . " WHERE status IN ('bot','waiting','active')",
			ARRAY_A
		);
		return array(
			'version' => sprintf( '%d.%d.%d.%d', (int) $row['n'], (int) $row['v'], (int) $row['m'], (int) $row['typing'] ),
			'waiting' => (int) $row['waiting'],
			'active'  => (int) $row['active'],
		);
	}
}
