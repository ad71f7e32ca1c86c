<?php
/**
 * Agents and other WordPress users as they appear in tickets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Sql;
use Switchboard\Auth\Capabilities;

/**
 * Batch user lookups with one query (no per-row get_userdata()).
 */
final class People {

	/**
	 * Users by id: name, login, email, avatar.
	 *
	 * @param int[] $ids User ids.
	 * @return array<int, array{id: int, name: string, login: string, avatar: string}>
	 */
	public static function users( array $ids ): array {
		global $wpdb;
		$ids = Sql::ids( $ids );
		if ( ! $ids ) {
			return array();
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare( "SELECT ID, user_login, user_email, display_name FROM {$wpdb->users} WHERE ID IN (" . Sql::placeholders( $ids ) . ')', $ids ),
			ARRAY_A
		);
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['ID'] ] = array(
				'id'     => (int) $row['ID'],
				'name'   => (string) $row['display_name'],
				'login'  => (string) $row['user_login'],
				'avatar' => (string) get_avatar_url( (string) $row['user_email'], array( 'size' => 48 ) ),
			);
		}
		return $out;
	}

	/**
	 * Everyone who can work tickets.
	 *
	 * @return array<int, array{id: int, name: string, login: string, avatar: string}>
	 */
	public static function agents(): array {
		$users = get_users(
			array(
				'capability' => Capabilities::AGENT,
				'orderby'    => 'display_name',
				'fields'     => array( 'ID' ),
			)
		);
		return array_values( self::users( array_map( static fn ( $u ): int => (int) $u->ID, $users ) ) );
	}
}
