<?php
/**
 * Agent presence for chat: online or away, kept alive by the inbox's heartbeat.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Db\Schema;
use Switchboard\Tickets\Time;

/**
 * An agent counts as online while her status is "online" and the inbox sent a heartbeat in the
 * last HEARTBEAT seconds (a closed tab goes offline by itself).
 */
final class Presence {

	public const HEARTBEAT = 90;

	public const STATUSES = array( 'online', 'away' );

	/**
	 * Sets an agent's status (and refreshes her heartbeat).
	 */
	public function set( int $user_id, string $status ): void {
		global $wpdb;
		$now = Time::now();
		$wpdb->query(
			$wpdb->prepare(
				'INSERT INTO ' . Schema::table( 'chat_agents' ) . ' (user_id, status, last_seen_at, updated_at) VALUES (%d, %s, %s, %s)
				ON DUPLICATE KEY UPDATE status = VALUES(status), last_seen_at = VALUES(last_seen_at), updated_at = VALUES(updated_at)',
				$user_id,
				in_array( $status, self::STATUSES, true ) ? $status : 'away',
				$now,
				$now
			)
		);
	}

	/**
	 * Heartbeat without changing the status.
	 */
	public function heartbeat( int $user_id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'chat_agents' ) . ' SET last_seen_at = %s WHERE user_id = %d', Time::now(), $user_id ) );
	}

	/**
	 * An agent's status: "online" only while the heartbeat is fresh.
	 */
	public function status( int $user_id ): string {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT status, last_seen_at FROM ' . Schema::table( 'chat_agents' ) . ' WHERE user_id = %d', $user_id ), ARRAY_A );
		if ( ! $row || 'online' !== $row['status'] || strtotime( $row['last_seen_at'] . ' UTC' ) < time() - self::HEARTBEAT ) {
			return 'away';
		}
		return 'online';
	}

	/**
	 * Ids of agents online now.
	 *
	 * @return int[]
	 */
	public function online(): array {
		global $wpdb;
		$ids = $wpdb->get_col(
			$wpdb->prepare(
				'SELECT user_id FROM ' . Schema::table( 'chat_agents' ) . " WHERE status = 'online' AND last_seen_at >= %s",
				gmdate( 'Y-m-d H:i:s', time() - self::HEARTBEAT )
			)
		);
		return array_map( 'intval', (array) $ids );
	}

	/**
	 * Whether a visitor may "talk to a person" now: an agent online, within business hours.
	 *
	 * @param array<string, mixed>|null $settings Chat settings (read when null).
	 */
	public function available( ?array $settings = null ): bool {
		$settings = $settings ?? Settings::raw();
		if ( ! Settings::within_hours( $settings ) ) {
			return false;
		}
		/**
		 * Filters whether a person is available for chat right now.
		 *
		 * @since 0.1.0
		 *
		 * @param bool $available Whether an agent is online within business hours.
		 */
		return (bool) apply_filters( 'switchboard_chat_available', count( $this->online() ) > 0 );
	}
}
