<?php
/**
 * Teams: named routing groups of agents (Billing, Shipping, …).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Auth\Capabilities;
use Switchboard\Db\Schema;
use Switchboard\Db\Sql;
use WP_Error;

/**
 * The team store. Teams live in their own two tables (teams, team_members) rather than in an
 * option or a taxonomy: tickets reference them by id (tickets.team_id, indexed for the inbox
 * filter), "the teams of this agent" is one indexed read, and deleting a team clears its id
 * from tickets in one UPDATE.
 *
 * Every write validates: a non-empty name (at most 100 characters) that no other team has
 * (case-insensitively), and members who are agents.
 */
final class Teams {

	public const NAME_MAX = 100;

	public const DESCRIPTION_MAX = 255;

	/**
	 * All teams by name, with their member ids.
	 *
	 * @return array<int, array{id: int, name: string, description: string, member_ids: int[], created_at: string, updated_at: string}>
	 */
	public function all(): array {
		global $wpdb;
		$rows = $wpdb->get_results( 'SELECT * FROM ' . Schema::table( 'teams' ) . ' ORDER BY name, id', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- no input.
		return $this->with_members( (array) $rows );
	}

	/**
	 * One team, or null.
	 *
	 * @param int $id Team id.
	 * @return array{id: int, name: string, description: string, member_ids: int[], created_at: string, updated_at: string}|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		if ( $id <= 0 ) {
			return null;
		}
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'teams' ) . ' WHERE id = %d', $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
		return is_array( $row ) ? $this->with_members( array( $row ) )[0] : null;
	}

	/**
	 * Whether a team with this id exists.
	 *
	 * @param int $id Team id.
	 */
	public function exists( int $id ): bool {
		global $wpdb;
		return $id > 0 && (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'teams' ) . ' WHERE id = %d', $id ) ) > 0; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
	}

	/**
	 * Team names by id, in one query (ticket lists, timeline events).
	 *
	 * @param int[] $ids Team ids.
	 * @return array<int, string>
	 */
	public function names( array $ids ): array {
		global $wpdb;
		$ids = Sql::ids( $ids );
		if ( ! $ids ) {
			return array();
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare( 'SELECT id, name FROM ' . Schema::table( 'teams' ) . ' WHERE id IN (' . Sql::placeholders( $ids ) . ')', $ids ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders only.
			ARRAY_A
		);
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['id'] ] = (string) $row['name'];
		}
		return $out;
	}

	/**
	 * The ids of the teams a user belongs to.
	 *
	 * @param int $user_id User id.
	 * @return int[]
	 */
	public function ids_of_user( int $user_id ): array {
		global $wpdb;
		if ( $user_id <= 0 ) {
			return array();
		}
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( 'SELECT team_id FROM ' . Schema::table( 'team_members' ) . ' WHERE user_id = %d ORDER BY team_id', $user_id ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
	}

	/**
	 * Creates a team.
	 *
	 * @param array<string, mixed> $data name (required), description, member_ids (int[]).
	 * @return array{id: int, name: string, description: string, member_ids: int[], created_at: string, updated_at: string}|WP_Error
	 */
	public function create( array $data ) {
		global $wpdb;
		$fields = $this->validate( $data, null );
		if ( is_wp_error( $fields ) ) {
			return $fields;
		}
		$now = Time::now();
		$ok  = $wpdb->insert(
			Schema::table( 'teams' ),
			array(
				'name'        => $fields['name'],
				'description' => $fields['description'] ?? '',
				'created_at'  => $now,
				'updated_at'  => $now,
			),
			array( '%s', '%s', '%s', '%s' )
		);
		if ( false === $ok ) {
			// Lost a race against a team of the same name (the UNIQUE key kept one).
			return self::name_taken();
		}
		$id = (int) $wpdb->insert_id;
		$this->set_members( $id, $fields['member_ids'] ?? array() );

		$team = (array) $this->get( $id );

		/**
		 * Fires after a team was created.
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $team_id Team id.
		 * @param array<string, mixed> $team    The team (id, name, description, member_ids).
		 */
		do_action( 'switchboard_team_created', $id, $team );
		return $team;
	}

	/**
	 * Changes a team: only the fields given.
	 *
	 * @param int                  $id   Team id.
	 * @param array<string, mixed> $data name, description, member_ids (the full set).
	 * @return array{id: int, name: string, description: string, member_ids: int[], created_at: string, updated_at: string}|WP_Error
	 */
	public function update( int $id, array $data ) {
		global $wpdb;
		$team = $this->get( $id );
		if ( null === $team ) {
			return self::not_found();
		}
		$fields = $this->validate( $data, $team );
		if ( is_wp_error( $fields ) ) {
			return $fields;
		}
		$set = array_intersect_key( $fields, array_flip( array( 'name', 'description' ) ) );
		if ( $set || array_key_exists( 'member_ids', $fields ) ) {
			$set['updated_at'] = Time::now();
			if ( false === $wpdb->update( Schema::table( 'teams' ), $set, array( 'id' => $id ) ) ) {
				return self::name_taken();
			}
		}
		if ( array_key_exists( 'member_ids', $fields ) ) {
			$this->set_members( $id, $fields['member_ids'] );
		}
		return (array) $this->get( $id );
	}

	/**
	 * Deletes a team. Its tickets keep their history but lose the team (team_id = 0);
	 * `switchboard_team_deleted` lets channels forget it too (mailboxes' default team).
	 *
	 * @param int $id Team id.
	 * @return int|WP_Error How many tickets were in the team.
	 */
	public function delete( int $id ) {
		global $wpdb;
		$team = $this->get( $id );
		if ( null === $team ) {
			return self::not_found();
		}
		$tickets = (int) $wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'tickets' ) . ' SET team_id = 0 WHERE team_id = %d', $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
		$wpdb->delete( Schema::table( 'team_members' ), array( 'team_id' => $id ), array( '%d' ) );
		$wpdb->delete( Schema::table( 'teams' ), array( 'id' => $id ), array( '%d' ) );

		/**
		 * Fires after a team was deleted and its tickets were taken out of it. Anything else that
		 * points at the team (a mailbox's default team) should forget it here.
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $team_id Team id.
		 * @param array<string, mixed> $team    The team as it was.
		 * @param int                  $tickets Tickets that were in the team.
		 */
		do_action( 'switchboard_team_deleted', $id, $team, $tickets );
		return $tickets;
	}

	/**
	 * Validated, sanitized fields of a create (current = null) or an update.
	 *
	 * @param array<string, mixed>      $data    Input.
	 * @param array<string, mixed>|null $current The team being changed.
	 * @return array{name?: string, description?: string, member_ids?: int[]}|WP_Error
	 */
	public function validate( array $data, ?array $current ) {
		$out = array();
		if ( null === $current || array_key_exists( 'name', $data ) ) {
			$name = trim( sanitize_text_field( (string) ( $data['name'] ?? '' ) ) );
			if ( '' === $name ) {
				return new WP_Error(
					'switchboard_team_invalid_name',
					__( 'A team needs a name.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array( 'name' => __( 'Enter a name.', 'switchboard' ) ),
					)
				);
			}
			if ( mb_strlen( $name ) > self::NAME_MAX ) {
				return new WP_Error(
					'switchboard_team_invalid_name',
					/* translators: %d: maximum number of characters */
					sprintf( __( 'A team name can have at most %d characters.', 'switchboard' ), self::NAME_MAX ),
					array(
						'status' => 400,
						'params' => array( 'name' => __( 'Too long.', 'switchboard' ) ),
					)
				);
			}
			$other = $this->id_by_name( $name );
			if ( $other > 0 && ( null === $current || (int) $current['id'] !== $other ) ) {
				return self::name_taken();
			}
			$out['name'] = $name;
		}
		if ( array_key_exists( 'description', $data ) ) {
			$out['description'] = mb_substr( trim( sanitize_textarea_field( (string) $data['description'] ) ), 0, self::DESCRIPTION_MAX );
		}
		if ( array_key_exists( 'member_ids', $data ) ) {
			$raw = is_array( $data['member_ids'] ) ? $data['member_ids'] : array();
			$ids = array();
			foreach ( $raw as $value ) {
				$user_id = is_numeric( $value ) ? (int) $value : 0;
				if ( $user_id <= 0 || ! user_can( $user_id, Capabilities::AGENT ) ) {
					return new WP_Error(
						'switchboard_team_invalid_member',
						/* translators: %s: the user id given */
						sprintf( __( 'User %s is not a support agent; only agents can be team members.', 'switchboard' ), is_scalar( $value ) ? (string) $value : '?' ),
						array(
							'status' => 400,
							'params' => array( 'member_ids' => __( 'Only agents can be team members.', 'switchboard' ) ),
						)
					);
				}
				$ids[ $user_id ] = $user_id;
			}
			$out['member_ids'] = array_values( $ids );
		}
		return $out;
	}

	/**
	 * The id of the team with this name (case-insensitive, as the UNIQUE key), or 0.
	 *
	 * @param string $name Name.
	 */
	private function id_by_name( string $name ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'teams' ) . ' WHERE name = %s LIMIT 1', $name ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
	}

	/**
	 * Replaces a team's members.
	 *
	 * @param int   $team_id  Team id.
	 * @param int[] $user_ids Agents.
	 */
	private function set_members( int $team_id, array $user_ids ): void {
		global $wpdb;
		$table = Schema::table( 'team_members' );
		$wpdb->delete( $table, array( 'team_id' => $team_id ), array( '%d' ) );
		$rows = array();
		foreach ( Sql::ids( $user_ids ) as $user_id ) {
			$rows[] = array( $team_id, $user_id );
		}
		if ( $rows ) {
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (team_id, user_id) VALUES " . Sql::placeholders( $rows, '(%d, %d)' ), array_merge( ...$rows ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
		}
	}

	/**
	 * Rows typed, with their member ids (one query for all of them).
	 *
	 * @param array<int, array<string, mixed>> $rows Team rows.
	 * @return array<int, array{id: int, name: string, description: string, member_ids: int[], created_at: string, updated_at: string}>
	 */
	private function with_members( array $rows ): array {
		global $wpdb;
		$ids     = Sql::ids( array_column( $rows, 'id' ) );
		$members = array();
		if ( $ids ) {
			$links = $wpdb->get_results(
				$wpdb->prepare( 'SELECT team_id, user_id FROM ' . Schema::table( 'team_members' ) . ' WHERE team_id IN (' . Sql::placeholders( $ids ) . ') ORDER BY user_id', $ids ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders only.
				ARRAY_A
			);
			foreach ( (array) $links as $link ) {
				$members[ (int) $link['team_id'] ][] = (int) $link['user_id'];
			}
		}
		$out = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'id'          => (int) $row['id'],
				'name'        => (string) $row['name'],
				'description' => (string) $row['description'],
				'member_ids'  => $members[ (int) $row['id'] ] ?? array(),
				'created_at'  => (string) $row['created_at'],
				'updated_at'  => (string) $row['updated_at'],
			);
		}
		return $out;
	}

	/**
	 * The error for a name another team has.
	 */
	private static function name_taken(): WP_Error {
		return new WP_Error(
			'switchboard_team_exists',
			__( 'Another team already has this name.', 'switchboard' ),
			array(
				'status' => 409,
				'params' => array( 'name' => __( 'Choose another name.', 'switchboard' ) ),
			)
		);
	}

	/**
	 * The error for an unknown team id.
	 */
	public static function not_found(): WP_Error {
		return new WP_Error( 'switchboard_team_not_found', __( 'Team not found.', 'switchboard' ), array( 'status' => 404 ) );
	}

	/**
	 * The error for a ticket or mailbox pointing at a team that does not exist.
	 *
	 * @param string $field The request field.
	 */
	public static function invalid_reference( string $field = 'team_id' ): WP_Error {
		return new WP_Error(
			'switchboard_invalid_team',
			__( 'There is no team with this id.', 'switchboard' ),
			array(
				'status' => 400,
				'field'  => $field,
				'params' => array( $field => __( 'Unknown team.', 'switchboard' ) ),
			)
		);
	}
}
