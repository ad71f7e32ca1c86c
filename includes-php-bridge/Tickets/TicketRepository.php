<?php
/**
 * Ticket rows and ticket meta.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;

/**
 * Reads and writes the ticket row and its meta, and deletes a ticket with everything on it. No
 * rules live here: validation, events and hooks belong to the classes that call it
 * (TicketCreator, TicketUpdater, MessageWriter, Merger, Splitter).
 */
final class TicketRepository {

	/**
	 * A ticket row, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'tickets' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Inserts a ticket row.
	 *
	 * @param array<string, mixed> $row Columns.
	 * @return int The new id, 0 when the row could not be stored.
	 */
	public function insert( array $row ): int {
		global $wpdb;
		$wpdb->insert( Schema::table( 'tickets' ), $row );
		return (int) $wpdb->insert_id;
	}

	/**
	 * Writes columns of a ticket row.
	 *
	 * @param array<string, mixed> $set Columns.
	 */
	public function update_fields( int $ticket_id, array $set ): void {
		global $wpdb;
		$wpdb->update( Schema::table( 'tickets' ), $set, array( 'id' => $ticket_id ) );
	}

	/**
	 * Ticket meta value, or null.
	 *
	 * @return mixed
	 */
	public function get_meta( int $ticket_id, string $key ) {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT meta_value FROM ' . Schema::table( 'ticket_meta' ) . ' WHERE ticket_id = %d AND meta_key = %s LIMIT 1', $ticket_id, $key ) );
		return null === $value ? null : maybe_unserialize( (string) $value );
	}

	/**
	 * All meta of a ticket.
	 *
	 * @return array<string, mixed>
	 */
	public function all_meta( int $ticket_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT meta_key, meta_value FROM ' . Schema::table( 'ticket_meta' ) . ' WHERE ticket_id = %d', $ticket_id ), ARRAY_A );
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['meta_key'] ] = maybe_unserialize( (string) $row['meta_value'] );
		}
		return $out;
	}

	/**
	 * Sets a ticket meta value (one row per key).
	 *
	 * @param mixed $value Value (serialized when not scalar).
	 */
	public function update_meta( int $ticket_id, string $key, $value ): void {
		global $wpdb;
		$table = Schema::table( 'ticket_meta' );
		$id    = (int) $wpdb->get_var( $wpdb->prepare( "SELECT meta_id FROM $table WHERE ticket_id = %d AND meta_key = %s LIMIT 1", $ticket_id, $key ) );
		$value = maybe_serialize( $value );
		if ( $id > 0 ) {
			$wpdb->update( $table, array( 'meta_value' => $value ), array( 'meta_id' => $id ) );
		} else {
			$wpdb->insert(
				$table,
				array(
					'ticket_id'  => $ticket_id,
					'meta_key'   => $key, // phpcs:ignore WordPress.DB.SlowDBQuery
					'meta_value' => $value, // phpcs:ignore WordPress.DB.SlowDBQuery
				)
			);
		}
	}

	/**
	 * Removes a ticket meta key.
	 */
	public function delete_meta( int $ticket_id, string $key ): void {
		global $wpdb;
		$wpdb->delete(
			Schema::table( 'ticket_meta' ),
			array(
				'ticket_id' => $ticket_id,
				'meta_key'  => $key, // phpcs:ignore WordPress.DB.SlowDBQuery
			)
		);
	}

	/**
	 * Deletes a ticket with everything on it (failed creation, privacy erasure).
	 */
	public function delete( int $ticket_id ): void {
		global $wpdb;
		$ticket = $this->get( $ticket_id );
		$files  = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'attachments' ) . ' WHERE ticket_id = %d', $ticket_id ), ARRAY_A );
		$store  = new Attachments();
		foreach ( (array) $files as $file ) {
			wp_delete_file( $store->path( $file ) );
		}
		foreach ( array( 'attachments', 'messages', 'events', 'ticket_meta', 'ticket_tags' ) as $table ) {
			$wpdb->delete( Schema::table( $table ), array( 'ticket_id' => $ticket_id ) );
		}
		$wpdb->delete( Schema::table( 'tickets' ), array( 'id' => $ticket_id ) );
		if ( $ticket ) {
			( new Customers() )->bump_ticket_count( (int) $ticket['customer_id'], -1 );
		}
	}
}
