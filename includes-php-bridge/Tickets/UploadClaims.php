<?php
/**
 * Who may link an upload to a message.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Db\Sql;
use WP_Error;

/**
 * An upload belongs to its sender until a message links it: a signed-in user by user id; a guest
 * by a claim secret issued with the upload (random, 256 bits, only its SHA-256 stored) that her
 * browser sends back with the message. Guests' uploads without a valid claim — and files a
 * channel stored — can never be linked by someone's request; Attachments::link() applies the
 * same rule.
 */
final class UploadClaims {

	/**
	 * Gives a guest's upload a claim secret: her browser sends it back with the message that
	 * links the file (only its hash is stored, so the database cannot hand it out).
	 *
	 * @param int $id Attachment id (not yet linked).
	 * @return string The secret (64 hex characters).
	 */
	public function issue( int $id ): string {
		global $wpdb;
		$secret = bin2hex( random_bytes( 32 ) );
		$wpdb->update( Schema::table( 'attachments' ), array( 'claim_hash' => hash( 'sha256', $secret ) ), array( 'id' => $id ) );
		return $secret;
	}

	/**
	 * The ids among $ids the requester may not link (someone else's, already linked, unknown),
	 * so a route can refuse the message instead of silently dropping files.
	 *
	 * @param int[]    $ids         Attachment ids.
	 * @param int      $uploaded_by The requesting user (0: a guest).
	 * @param string[] $claims      A guest's claim secrets.
	 * @return int[]
	 */
	public function not_linkable( array $ids, int $uploaded_by, array $claims = array() ): array {
		global $wpdb;
		$ids   = Sql::ids( $ids );
		$owner = self::owner_clause( $uploaded_by, $claims );
		if ( ! $ids || null === $owner ) {
			return $ids;
		}
		$sql = 'SELECT id FROM ' . Schema::table( 'attachments' ) . ' WHERE message_id = 0 AND id IN (' . Sql::placeholders( $ids ) . ')' . $owner[0];
		$ok  = array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, array_merge( $ids, $owner[1] ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders built above.
		return array_values( array_diff( $ids, $ok ) );
	}

	/**
	 * Refuses attachment ids the requester may not link: another person's upload, a file already
	 * sent, one a channel stored. The same answer whether the file exists or not.
	 *
	 * @param int[]    $ids         Attachment ids.
	 * @param int      $uploaded_by The requesting user (0: a guest).
	 * @param string[] $claims      A guest's claim secrets.
	 * @return true|WP_Error
	 */
	public function check( array $ids, int $uploaded_by, array $claims = array() ) {
		if ( array() === $this->not_linkable( $ids, $uploaded_by, $claims ) ) {
			return true;
		}
		return new WP_Error(
			'switchboard_attachment_not_yours',
			__( 'One of the files cannot be attached. Please upload it again.', 'switchboard' ),
			array(
				'status' => 400,
				'params' => array( 'attachments' => __( 'Only files you uploaded yourself and have not sent yet.', 'switchboard' ) ),
			)
		);
	}

	/**
	 * SQL that limits attachments to the requester's own: her user id, or (a guest) the hashes of
	 * her claim secrets. Null when she can own none.
	 *
	 * @param int      $uploaded_by User id (0: a guest).
	 * @param string[] $claims      Claim secrets.
	 * @return array{0: string, 1: array<int, int|string>}|null
	 */
	public static function owner_clause( int $uploaded_by, array $claims ): ?array {
		if ( $uploaded_by > 0 ) {
			return array( ' AND uploaded_by = %d', array( $uploaded_by ) );
		}
		$hashes = array();
		foreach ( $claims as $claim ) {
			if ( is_string( $claim ) && preg_match( '/^[a-f0-9]{64}$/', $claim ) ) {
				$hashes[] = hash( 'sha256', $claim );
			}
		}
		if ( ! $hashes ) {
			return null;
		}
		return array( ' AND uploaded_by = 0 AND claim_hash IN (' . Sql::placeholders( $hashes, '%s' ) . ')', $hashes );
	}
}
