<?php
/**
 * Customers and their identities on every channel.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Sql;
use Switchboard\Db\Schema;
use WP_Error;

/**
 * One person reached through three channels is ONE customer: identities map (channel, identifier)
 * to a customer, and an email identity is shared by every channel that knows her address.
 */
final class Customers {

	/**
	 * Normalizes an identifier for its channel (emails lower-cased, phones digits and +).
	 */
	public static function normalize( string $channel, string $identifier ): string {
		$identifier = trim( $identifier );
		if ( 'email' === $channel ) {
			return strtolower( $identifier );
		}
		if ( 'phone' === $channel ) {
			return (string) preg_replace( '/[^\d+]/', '', $identifier );
		}
		return $identifier;
	}

	/**
	 * The customer for an identity, created when unknown.
	 *
	 * @param string               $channel    email, phone, chat, messenger, …
	 * @param string               $identifier Address, number or channel id.
	 * @param array<string, mixed> $profile    name, email, phone, user_id.
	 */
	public function resolve( string $channel, string $identifier, array $profile = array() ): int {
		global $wpdb;

		$identifier = self::normalize( $channel, $identifier );
		$existing   = $this->find_by_identity( $channel, $identifier );
		if ( $existing > 0 ) {
			$this->fill_profile( $existing, $profile );
			return $existing;
		}

		// Another channel may already know her by email or WordPress account.
		$email = isset( $profile['email'] ) ? self::normalize( 'email', (string) $profile['email'] ) : ( 'email' === $channel ? $identifier : '' );
		$id    = '' !== $email ? $this->find_by_identity( 'email', $email ) : 0;
		if ( 0 === $id && ! empty( $profile['user_id'] ) ) {
			$id = $this->find_by_user( (int) $profile['user_id'] );
		}
		if ( 0 === $id && '' !== $email ) {
			$user = get_user_by( 'email', $email );
			if ( $user ) {
				$profile['user_id'] = $user->ID;
				$id                 = $this->find_by_user( $user->ID );
			}
		}

		if ( 0 === $id ) {
			$id = $this->insert( $profile + array( 'email' => $email ) );
		} else {
			$this->fill_profile( $id, $profile );
		}

		$this->add_identity( $id, $channel, $identifier );
		if ( '' !== $email && 'email' !== $channel ) {
			$this->add_identity( $id, 'email', $email );
		}
		return $id;
	}

	/**
	 * The customer linked to a WordPress user, created from the account when missing.
	 */
	public function for_user( int $user_id ): int {
		$id = $this->find_by_user( $user_id );
		if ( $id > 0 ) {
			return $id;
		}
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return 0;
		}
		$name = trim( $user->first_name . ' ' . $user->last_name );
		return $this->resolve(
			'email',
			$user->user_email,
			array(
				'name'    => '' !== $name ? $name : $user->display_name,
				'email'   => $user->user_email,
				'user_id' => $user_id,
			)
		);
	}

	/**
	 * The (surviving) customer linked to a WordPress user; 0 when none.
	 */
	private function find_by_user( int $user_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'customers' ) . ' WHERE user_id = %d AND merged_into = 0 LIMIT 1', $user_id ) );
	}

	/**
	 * Customer id for an identity, following merges; 0 when unknown.
	 */
	public function find_by_identity( string $channel, string $identifier ): int {
		global $wpdb;
		$id = (int) $wpdb->get_var(
			$wpdb->prepare(
				'SELECT customer_id FROM ' . Schema::table( 'identities' ) . ' WHERE channel = %s AND identifier = %s',
				$channel,
				self::normalize( $channel, $identifier )
			)
		);
		return $id > 0 ? $this->canonical( $id ) : 0;
	}

	/**
	 * Follows merged_into to the surviving customer.
	 */
	public function canonical( int $id ): int {
		global $wpdb;
		for ( $hops = 0; $hops < 10; $hops++ ) {
			$next = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT merged_into FROM ' . Schema::table( 'customers' ) . ' WHERE id = %d', $id ) );
			if ( 0 === $next ) {
				break;
			}
			$id = $next;
		}
		return $id;
	}

	/**
	 * A customer row, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'customers' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Customer rows by id, one query (for lists).
	 *
	 * @param int[] $ids Customer ids.
	 * @return array<int, array<string, mixed>>
	 */
	public function get_many( array $ids ): array {
		global $wpdb;
		$ids = Sql::ids( $ids );
		if ( ! $ids ) {
			return array();
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'customers' ) . ' WHERE id IN (' . Sql::placeholders( $ids ) . ')', $ids ),
			ARRAY_A
		);
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['id'] ] = $row;
		}
		return $out;
	}

	/**
	 * Identities of a customer.
	 *
	 * @return array<int, array{channel: string, identifier: string}>
	 */
	public function identities( int $id ): array {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare( 'SELECT channel, identifier FROM ' . Schema::table( 'identities' ) . ' WHERE customer_id = %d ORDER BY id', $id ),
			ARRAY_A
		);
		return array_map(
			static fn ( array $r ): array => array(
				'channel'    => (string) $r['channel'],
				'identifier' => (string) $r['identifier'],
			),
			(array) $rows
		);
	}

	/**
	 * Searches by name, email, phone or any identity.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function search( string $term, int $limit = 20 ): array {
		global $wpdb;
		$like = '%' . $wpdb->esc_like( trim( $term ) ) . '%';
		$c    = Schema::table( 'customers' );
		$i    = Schema::table( 'identities' );
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT DISTINCT c.* FROM $c c LEFT JOIN $i i ON i.customer_id = c.id
				WHERE c.merged_into = 0 AND ( c.name LIKE %s OR c.email LIKE %s OR c.phone LIKE %s OR i.identifier LIKE %s )
				ORDER BY c.updated_at DESC LIMIT %d",
				$like,
				$like,
				$like,
				$like,
				$limit
			),
			ARRAY_A
		);
		return (array) $rows;
	}

	/**
	 * Merges $source into $target: identities, tickets and messages move; $source remains as a
	 * pointer (merged_into) so old references resolve.
	 *
	 * @return true|WP_Error
	 */
	public function merge( int $target, int $source ) {
		global $wpdb;
		if ( $target === $source ) {
			return new WP_Error( 'switchboard_merge_same', __( 'A customer cannot be merged into itself.', 'switchboard' ), array( 'status' => 400 ) );
		}
		$t = $this->get( $target );
		$s = $this->get( $source );
		if ( ! $t || ! $s || (int) $t['merged_into'] > 0 || (int) $s['merged_into'] > 0 ) {
			return new WP_Error( 'switchboard_customer_not_found', __( 'Customer not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( (int) $t['user_id'] > 0 && (int) $s['user_id'] > 0 && (int) $t['user_id'] !== (int) $s['user_id'] ) {
			return new WP_Error( 'switchboard_merge_two_accounts', __( 'Both customers have their own WordPress account; they cannot be merged.', 'switchboard' ), array( 'status' => 409 ) );
		}

		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'identities' ) . ' SET customer_id = %d WHERE customer_id = %d', $target, $source ) );
		$moved = (int) $wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'tickets' ) . ' SET customer_id = %d WHERE customer_id = %d', $target, $source ) );
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'messages' ) . " SET author_id = %d WHERE author_type = 'customer' AND author_id = %d", $target, $source ) );
		$wpdb->update(
			Schema::table( 'customers' ),
			array(
				'user_id'      => (int) $t['user_id'] > 0 ? (int) $t['user_id'] : (int) $s['user_id'],
				'phone'        => '' !== $t['phone'] ? $t['phone'] : $s['phone'],
				'email'        => '' !== $t['email'] ? $t['email'] : $s['email'],
				'name'         => '' !== $t['name'] ? $t['name'] : $s['name'],
				'ticket_count' => (int) $t['ticket_count'] + (int) $s['ticket_count'],
				'updated_at'   => Time::now(),
			),
			array( 'id' => $target )
		);
		$wpdb->update(
			Schema::table( 'customers' ),
			array(
				'merged_into'  => $target,
				'ticket_count' => 0,
				'user_id'      => 0,
				'updated_at'   => Time::now(),
			),
			array( 'id' => $source )
		);

		/**
		 * Fires after two customers were merged.
		 *
		 * @since 0.1.0
		 *
		 * @param int $target        Surviving customer.
		 * @param int $source        Merged (now empty) customer.
		 * @param int $moved_tickets Number of tickets moved.
		 */
		do_action( 'switchboard_customers_merged', $target, $source, $moved );
		return true;
	}

	/**
	 * Adds an identity unless it exists (first owner wins).
	 */
	public function add_identity( int $customer_id, string $channel, string $identifier, string $label = '' ): void {
		global $wpdb;
		$wpdb->query(
			$wpdb->prepare(
				'INSERT IGNORE INTO ' . Schema::table( 'identities' ) . ' (customer_id, channel, identifier, label, created_at) VALUES (%d, %s, %s, %s, %s)',
				$customer_id,
				$channel,
				self::normalize( $channel, $identifier ),
				$label,
				Time::now()
			)
		);
	}

	/**
	 * Increments the stored ticket counter.
	 */
	public function bump_ticket_count( int $customer_id, int $by = 1 ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'customers' ) . ' SET ticket_count = GREATEST(0, CAST(ticket_count AS SIGNED) + %d), updated_at = %s WHERE id = %d', $by, Time::now(), $customer_id ) );
	}

	/**
	 * Display name: name, else the email's local part, else "Customer #id".
	 *
	 * @param array<string, mixed> $row Customer row.
	 */
	public static function display_name( array $row ): string {
		if ( '' !== (string) $row['name'] ) {
			return (string) $row['name'];
		}
		if ( '' !== (string) $row['email'] ) {
			return (string) strstr( (string) $row['email'], '@', true );
		}
		/* translators: %d: customer id */
		return sprintf( __( 'Customer #%d', 'switchboard' ), (int) $row['id'] );
	}

	/**
	 * Creates a customer row.
	 *
	 * @param array<string, mixed> $profile Profile.
	 */
	private function insert( array $profile ): int {
		global $wpdb;
		$now = Time::now();
		$wpdb->insert(
			Schema::table( 'customers' ),
			array(
				'user_id'    => (int) ( $profile['user_id'] ?? 0 ),
				'name'       => sanitize_text_field( (string) ( $profile['name'] ?? '' ) ),
				'email'      => sanitize_email( (string) ( $profile['email'] ?? '' ) ),
				'phone'      => sanitize_text_field( (string) ( $profile['phone'] ?? '' ) ),
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * Fills empty profile fields from what a channel learned.
	 *
	 * @param array<string, mixed> $profile Profile.
	 */
	private function fill_profile( int $id, array $profile ): void {
		global $wpdb;
		$row = $this->get( $id );
		if ( ! $row ) {
			return;
		}
		$update = array();
		foreach ( array( 'name', 'email', 'phone' ) as $field ) {
			if ( '' === (string) $row[ $field ] && ! empty( $profile[ $field ] ) ) {
				$update[ $field ] = 'email' === $field ? sanitize_email( (string) $profile[ $field ] ) : sanitize_text_field( (string) $profile[ $field ] );
			}
		}
		if ( 0 === (int) $row['user_id'] && ! empty( $profile['user_id'] ) ) {
			$update['user_id'] = (int) $profile['user_id'];
		}
		if ( $update ) {
			$update['updated_at'] = Time::now();
			$wpdb->update( Schema::table( 'customers' ), $update, array( 'id' => $id ) );
		}
	}
}
