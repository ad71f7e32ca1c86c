<?php
/**
 * Ticket tags.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Sql;
use Switchboard\Db\Schema;
use WP_Error;

/**
 * Tags are created on first use by those who may create them (managers, the system: mailbox
 * defaults, imports); agents only apply tags that exist. Tickets reference them through ticket_tags.
 */
final class Tags {

	/**
	 * All tags, by name.
	 *
	 * @return array<int, array{id: int, name: string, slug: string, color: string}>
	 */
	public function all(): array {
		global $wpdb;
		$rows = $wpdb->get_results( 'SELECT id, name, slug, color FROM ' . Schema::table( 'tags' ) . ' ORDER BY name', ARRAY_A );
		return array_map( array( self::class, 'shape' ), (array) $rows );
	}

	/**
	 * Finds or creates a tag by name; returns its row.
	 *
	 * @return array{id: int, name: string, slug: string, color: string}|null
	 */
	public function ensure( string $name, string $color = '' ): ?array {
		global $wpdb;
		$name = trim( sanitize_text_field( $name ) );
		$slug = sanitize_title( $name );
		if ( '' === $slug ) {
			return null;
		}
		$table = Schema::table( 'tags' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT id, name, slug, color FROM $table WHERE slug = %s", $slug ), ARRAY_A );
		if ( ! is_array( $row ) ) {
			$wpdb->query(
				$wpdb->prepare(
					"INSERT IGNORE INTO $table (name, slug, color) VALUES (%s, %s, %s)",
					mb_substr( $name, 0, 100 ),
					mb_substr( $slug, 0, 100 ),
					(string) sanitize_hex_color( $color )
				)
			);
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT id, name, slug, color FROM $table WHERE slug = %s", $slug ), ARRAY_A );
		}
		return is_array( $row ) ? self::shape( $row ) : null;
	}

	/**
	 * Refuses names of tags that do not exist yet when the caller may not create tags (one rule for
	 * POST /tags, PATCH /tickets, POST /tickets and bulk add_tags: only managers create tags).
	 *
	 * @param string[] $names      Tag names or slugs.
	 * @param bool     $may_create Whether the caller may create tags (capability switchboard_manage).
	 */
	public function refuse_unknown( array $names, bool $may_create ): ?WP_Error {
		global $wpdb;
		if ( $may_create ) {
			return null;
		}
		$unknown = array();
		foreach ( $names as $name ) {
			$slug = sanitize_title( trim( sanitize_text_field( (string) $name ) ) );
			if ( '' === $slug ) {
				continue;
			}
			$exists = $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'tags' ) . ' WHERE slug = %s', $slug ) );
			if ( null === $exists ) {
				$unknown[] = sanitize_text_field( (string) $name );
			}
		}
		if ( ! $unknown ) {
			return null;
		}
		return new WP_Error(
			'switchboard_unknown_tag',
			sprintf(
				/* translators: %s: comma-separated tag names. */
				__( 'These tags do not exist: %s. Only a helpdesk manager can create tags.', 'switchboard' ),
				implode( ', ', $unknown )
			),
			array(
				'status' => 400,
				'field'  => 'tags',
				'tags'   => $unknown,
			)
		);
	}

	/**
	 * Replaces a ticket's tags; returns the slugs now set.
	 *
	 * @param string[] $names      Tag names or slugs.
	 * @param bool     $is_new     A ticket created just now has no tags to remove.
	 * @param bool     $may_create Whether unknown names create tags (else nothing changes and the error comes back).
	 * @return string[]|WP_Error
	 */
	public function set_for_ticket( int $ticket_id, array $names, bool $is_new = false, bool $may_create = true ) {
		global $wpdb;
		$refused = $this->refuse_unknown( $names, $may_create );
		if ( $refused ) {
			return $refused;
		}
		$ids   = array();
		$slugs = array();
		foreach ( $names as $name ) {
			$tag = $this->ensure( (string) $name );
			if ( $tag ) {
				$ids[]   = $tag['id'];
				$slugs[] = $tag['slug'];
			}
		}
		$table = Schema::table( 'ticket_tags' );
		if ( ! $is_new ) {
			$wpdb->delete( $table, array( 'ticket_id' => $ticket_id ) );
		}
		$this->link( array( $ticket_id ), $ids );
		return array_values( array_unique( $slugs ) );
	}

	/**
	 * Puts every tag on every ticket, in one INSERT (pairs already there are kept).
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @param int[] $tag_ids    Tags.
	 */
	private function link( array $ticket_ids, array $tag_ids ): void {
		global $wpdb;
		$rows = array();
		foreach ( Sql::ids( $ticket_ids ) as $ticket_id ) {
			foreach ( Sql::ids( $tag_ids ) as $tag_id ) {
				$rows[] = array( $ticket_id, $tag_id );
			}
		}
		if ( ! $rows ) {
			return;
		}
		$table  = Schema::table( 'ticket_tags' );
		$values = Sql::placeholders( $rows, '(%d, %d)' );
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (ticket_id, tag_id) VALUES $values", array_merge( ...$rows ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Adds and removes tags on many tickets.
	 *
	 * @param int[]    $ticket_ids Tickets.
	 * @param string[] $add        Names to add.
	 * @param string[] $remove     Slugs or names to remove.
	 * @param bool     $may_create Whether unknown names in $add create tags (else nothing changes and the error comes back).
	 * @return true|WP_Error
	 */
	public function change_for_tickets( array $ticket_ids, array $add, array $remove, bool $may_create = true ) {
		global $wpdb;
		$refused = $this->refuse_unknown( $add, $may_create );
		if ( $refused ) {
			return $refused;
		}
		$table   = Schema::table( 'ticket_tags' );
		$add_ids = array();
		foreach ( $add as $name ) {
			$tag = $this->ensure( (string) $name );
			if ( $tag ) {
				$add_ids[] = $tag['id'];
			}
		}
		$this->link( $ticket_ids, $add_ids );
		foreach ( $remove as $name ) {
			$slug   = sanitize_title( (string) $name );
			$tag_id = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'tags' ) . ' WHERE slug = %s', $slug ) );
			if ( $tag_id > 0 && $ticket_ids ) {
				$ids = array_map( 'intval', $ticket_ids );
				$wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE tag_id = %d AND ticket_id IN (" . Sql::placeholders( $ids ) . ')', array_merge( array( $tag_id ), $ids ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			}
		}
		return true;
	}

	/**
	 * Tags of many tickets in one query.
	 *
	 * @param int[] $ticket_ids Ticket ids.
	 * @return array<int, array<int, array{id: int, name: string, slug: string, color: string}>>
	 */
	public function for_tickets( array $ticket_ids ): array {
		global $wpdb;
		$ticket_ids = Sql::ids( $ticket_ids );
		if ( ! $ticket_ids ) {
			return array();
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT tt.ticket_id, t.id, t.name, t.slug, t.color FROM ' . Schema::table( 'ticket_tags' ) . ' tt JOIN ' . Schema::table( 'tags' ) . ' t ON t.id = tt.tag_id WHERE tt.ticket_id IN (' . Sql::placeholders( $ticket_ids ) . ') ORDER BY t.name',
				$ticket_ids
			),
			ARRAY_A
		);
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['ticket_id'] ][] = self::shape( $row );
		}
		return $out;
	}

	/**
	 * Typed row.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array{id: int, name: string, slug: string, color: string}
	 */
	private static function shape( array $row ): array {
		return array(
			'id'    => (int) $row['id'],
			'name'  => (string) $row['name'],
			'slug'  => (string) $row['slug'],
			'color' => (string) $row['color'],
		);
	}
}
