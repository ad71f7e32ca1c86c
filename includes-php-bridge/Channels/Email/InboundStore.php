<?php
/**
 * The raw inbound store: every message is on disk before anything else happens.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Db\Sql;
use Switchboard\Db\Installer;
use Switchboard\Db\Schema;

/**
 * Rows in switchboard_inbound plus raw files under the private uploads directory
 * (uploads/switchboard-private-<random>/mail/Y/m/<random>.eml, denied to the web server).
 *
 * Statuses: received (raw kept, not processed yet), stored (message on a ticket), duplicate,
 * bounce (marked the original outgoing message), ignored (own mail, unmatched bounce …),
 * quarantined (could not be imported; managers retry or download it).
 */
final class InboundStore {

	public const STATUSES = array( 'received', 'stored', 'duplicate', 'bounce', 'ignored', 'quarantined' );

	/**
	 * Writes the raw message and its row. Returns the row id, or 0 when the raw could not be kept
	 * (callers must then leave the message where it is: IMAP unseen, MTA tempfail, HTTP 5xx).
	 *
	 * @param string               $raw     Raw message.
	 * @param array<string, mixed> $context source, mailbox_id, source_ref.
	 */
	public function put( string $raw, array $context ): int {
		global $wpdb;
		$relative = 'mail/' . gmdate( 'Y/m' ) . '/' . bin2hex( random_bytes( 16 ) ) . '.eml';
		$path     = Installer::private_dir() . '/' . $relative;
		if ( ! Installer::private_mkdir( dirname( $path ) ) ) {
			return 0;
		}
		if ( strlen( $raw ) !== file_put_contents( $path, $raw ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			return 0;
		}
		$ok = $wpdb->insert(
			Schema::table( 'inbound' ),
			array(
				'mailbox_id' => (int) ( $context['mailbox_id'] ?? 0 ),
				'source'     => substr( (string) ( $context['source'] ?? '' ), 0, 16 ),
				'source_ref' => substr( (string) ( $context['source_ref'] ?? '' ), 0, 190 ),
				'sha256'     => hash( 'sha256', $raw ),
				'size'       => strlen( $raw ),
				'path'       => $relative,
				'status'     => 'received',
				'created_at' => gmdate( 'Y-m-d H:i:s' ),
			)
		);
		if ( false === $ok ) {
			wp_delete_file( $path );
			return 0;
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * A row, or null.
	 *
	 * @param int $id Row id.
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'inbound' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The latest row of the same raw bytes from a source, or null (SpoolDrain's dedupe).
	 *
	 * @param string $sha256 Hex SHA-256 of the raw message.
	 * @param string $source Source (pipe, webhook, imap, cli).
	 * @return array<string, mixed>|null
	 */
	public function find_by_sha256( string $sha256, string $source ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'inbound' ) . ' WHERE sha256 = %s AND source = %s ORDER BY id DESC LIMIT 1', $sha256, $source ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The raw bytes of a row ('' when the file is gone).
	 *
	 * @param array<string, mixed> $row Row.
	 */
	public function raw( array $row ): string {
		$path = $this->path( $row );
		return is_readable( $path ) ? (string) file_get_contents( $path ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions
	}

	/**
	 * Absolute path of a row's raw file.
	 *
	 * @param array<string, mixed> $row Row.
	 */
	public function path( array $row ): string {
		return Installer::private_path( (string) $row['path'] );
	}

	/**
	 * Updates a row's outcome.
	 *
	 * @param int                  $id     Row id.
	 * @param array<string, mixed> $fields status, kind, message_id, from_addr, subject, ticket_id, message_row_id, error.
	 */
	public function update( int $id, array $fields ): void {
		global $wpdb;
		if ( isset( $fields['subject'] ) ) {
			$fields['subject'] = mb_substr( (string) $fields['subject'], 0, 255 );
		}
		if ( isset( $fields['from_addr'] ) ) {
			$fields['from_addr'] = mb_substr( (string) $fields['from_addr'], 0, 190 );
		}
		if ( isset( $fields['message_id'] ) ) {
			$fields['message_id'] = mb_substr( (string) $fields['message_id'], 0, 255 );
		}
		if ( isset( $fields['status'] ) && 'received' !== $fields['status'] ) {
			$fields['processed_at'] = gmdate( 'Y-m-d H:i:s' );
		}
		$wpdb->update( Schema::table( 'inbound' ), $fields, array( 'id' => $id ) );
	}

	/**
	 * Increments the attempt counter.
	 *
	 * @param int $id Row id.
	 */
	public function bump_attempts( int $id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'inbound' ) . ' SET attempts = attempts + 1 WHERE id = %d', $id ) );
	}

	/**
	 * Rows by status, newest first.
	 *
	 * @param string[] $statuses Statuses.
	 * @param int      $page     1-based.
	 * @param int      $per_page Page size.
	 * @return array{rows: array<int, array<string, mixed>>, total: int}
	 */
	public function list( array $statuses, int $page, int $per_page ): array {
		global $wpdb;
		$statuses = array_values( array_intersect( $statuses, self::STATUSES ) );
		if ( array() === $statuses ) {
			$statuses = array( 'quarantined' );
		}
		$in    = Sql::placeholders( $statuses, '%s' );
		$table = Schema::table( 'inbound' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- placeholders built above.
		$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE status IN ($in)", ...$statuses ) );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM $table WHERE status IN ($in) ORDER BY id DESC LIMIT %d OFFSET %d", ...array_merge( $statuses, array( $per_page, ( $page - 1 ) * $per_page ) ) ), ARRAY_A );
		// phpcs:enable
		return array(
			'rows'  => (array) $rows,
			'total' => $total,
		);
	}

	/**
	 * Whether a mailbox already stored this IMAP message (uidvalidity:uid).
	 *
	 * @param int    $mailbox_id Mailbox.
	 * @param string $ref        Source ref.
	 */
	public function has_ref( int $mailbox_id, string $ref ): bool {
		global $wpdb;
		return (bool) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'inbound' ) . " WHERE mailbox_id = %d AND source_ref = %s AND status <> 'received' LIMIT 1", $mailbox_id, $ref ) );
	}
}
