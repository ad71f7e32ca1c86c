<?php
/**
 * Mailbox settings repository.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Db\Schema;

/**
 * CRUD for mailboxes. Passwords are stored encrypted and never returned by format().
 */
final class Mailboxes {

	/**
	 * Settings keys kept in the JSON `settings` column, with defaults.
	 */
	public const SETTINGS = array(
		'team_id'        => 0,
		'tags'           => array(),
		'signature'      => '',
		'acknowledge'    => false,
		'ack_subject'    => '',
		'ack_body'       => '',
		'quote_history'  => false,
		'smtp_host'      => '',
		'smtp_port'      => 0,
		'smtp_security'  => '',
		'smtp_user'      => '',
		'smtp_password'  => '',
		'webhook_secret' => '',
	);

	/**
	 * Encryption helper.
	 */
	private Secrets $secrets;

	/**
	 * Wires the secrets helper.
	 *
	 * @param Secrets|null $secrets Secrets.
	 */
	public function __construct( ?Secrets $secrets = null ) {
		$this->secrets = $secrets ?? new Secrets();
	}

	/**
	 * A mailbox row with settings decoded, or null.
	 *
	 * @param int $id Mailbox id.
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'mailboxes' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * All mailboxes.
	 *
	 * @param bool $active_only Only active ones.
	 * @return array<int, array<string, mixed>>
	 */
	public function all( bool $active_only = false ): array {
		global $wpdb;
		$sql  = 'SELECT * FROM ' . Schema::table( 'mailboxes' ) . ( $active_only ? ' WHERE is_active = 1' : '' ) . ' ORDER BY id';
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- no input.
		return array_map( array( self::class, 'decode' ), (array) $rows );
	}

	/**
	 * The mailbox for an address (plus-suffix ignored), or null.
	 *
	 * @param string $address Address.
	 * @return array<string, mixed>|null
	 */
	public function find_by_address( string $address ): ?array {
		global $wpdb;
		$address = strtolower( trim( $address ) );
		$base    = (string) preg_replace( '/\+[^@]*@/', '@', $address );
		$row     = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'mailboxes' ) . ' WHERE address = %s OR address = %s LIMIT 1', $address, $base ), ARRAY_A );
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * Lower-case addresses of all mailboxes (own mail is never imported).
	 *
	 * @return string[]
	 */
	public function addresses(): array {
		global $wpdb;
		return array_map( 'strtolower', (array) $wpdb->get_col( 'SELECT address FROM ' . Schema::table( 'mailboxes' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- no input.
	}

	/**
	 * Creates or updates a mailbox. Passwords: null keeps the stored one, '' clears it.
	 *
	 * @param array<string, mixed> $data Fields.
	 * @param int                  $id   Existing id or 0.
	 * @return int Mailbox id (0 on database error).
	 */
	public function save( array $data, int $id = 0 ): int {
		global $wpdb;
		$now     = gmdate( 'Y-m-d H:i:s' );
		$current = $id > 0 ? $this->get( $id ) : null;
		$row     = array();
		foreach ( array( 'name', 'address', 'imap_host', 'imap_user', 'imap_folder', 'move_folder', 'imap_security', 'after_import' ) as $field ) {
			if ( array_key_exists( $field, $data ) ) {
				$row[ $field ] = trim( (string) $data[ $field ] );
			}
		}
		if ( isset( $row['address'] ) ) {
			$row['address'] = strtolower( $row['address'] );
		}
		foreach ( array( 'imap_port', 'poll_interval' ) as $field ) {
			if ( array_key_exists( $field, $data ) ) {
				$row[ $field ] = max( 0, (int) $data[ $field ] );
			}
		}
		if ( array_key_exists( 'is_active', $data ) ) {
			$row['is_active'] = empty( $data['is_active'] ) ? 0 : 1;
		}
		if ( array_key_exists( 'imap_password', $data ) && null !== $data['imap_password'] ) {
			$row['imap_password'] = $this->secrets->encrypt( (string) $data['imap_password'] );
		}
		$settings = $current['settings'] ?? self::SETTINGS;
		foreach ( self::SETTINGS as $key => $default ) {
			if ( ! array_key_exists( $key, $data ) || null === $data[ $key ] ) {
				continue;
			}
			$value            = $data[ $key ];
			$settings[ $key ] = in_array( $key, array( 'smtp_password', 'webhook_secret' ), true ) ? $this->secrets->encrypt( (string) $value ) : $value;
		}
		$row['settings']   = wp_json_encode( $settings );
		$row['updated_at'] = $now;
		if ( null === $current ) {
			$row['created_at'] = $now;
			$ok                = $wpdb->insert( Schema::table( 'mailboxes' ), $row );
			return false === $ok ? 0 : (int) $wpdb->insert_id;
		}
		$ok = $wpdb->update( Schema::table( 'mailboxes' ), $row, array( 'id' => $id ) );
		return false === $ok ? 0 : $id;
	}

	/**
	 * Takes a deleted team out of every mailbox that used it as the default team
	 * (`switchboard_team_deleted`). Returns how many mailboxes changed.
	 *
	 * @param int $team_id The deleted team.
	 */
	public function forget_team( int $team_id ): int {
		$changed = 0;
		foreach ( $this->all() as $mailbox ) {
			if ( $team_id > 0 && (int) ( $mailbox['settings']['team_id'] ?? 0 ) === $team_id ) {
				$this->save( array( 'team_id' => 0 ), (int) $mailbox['id'] );
				++$changed;
			}
		}
		return $changed;
	}

	/**
	 * Deletes a mailbox.
	 *
	 * @param int $id Mailbox id.
	 */
	public function delete( int $id ): void {
		global $wpdb;
		$wpdb->delete( Schema::table( 'mailboxes' ), array( 'id' => $id ) );
	}

	/**
	 * Records poll progress or failure.
	 *
	 * @param int                  $id     Mailbox id.
	 * @param array<string, mixed> $fields uid_validity, last_uid, failures, last_error, last_polled_at, next_poll_at.
	 */
	public function update_state( int $id, array $fields ): void {
		global $wpdb;
		$wpdb->update( Schema::table( 'mailboxes' ), $fields, array( 'id' => $id ) );
	}

	/**
	 * The decrypted IMAP password.
	 *
	 * @param array<string, mixed> $mailbox Row.
	 */
	public function password( array $mailbox ): string {
		return $this->secrets->decrypt( (string) ( $mailbox['imap_password'] ?? '' ) );
	}

	/**
	 * A decrypted secret from settings (smtp_password, webhook_secret).
	 *
	 * @param array<string, mixed> $mailbox Row.
	 * @param string               $key     Settings key.
	 */
	public function setting_secret( array $mailbox, string $key ): string {
		return $this->secrets->decrypt( (string) ( $mailbox['settings'][ $key ] ?? '' ) );
	}

	/**
	 * Row with settings decoded.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array<string, mixed>
	 */
	public static function decode( array $row ): array {
		$settings        = json_decode( (string) ( $row['settings'] ?? '' ), true );
		$row['settings'] = array_merge( self::SETTINGS, is_array( $settings ) ? $settings : array() );
		foreach ( array( 'id', 'imap_port', 'poll_interval', 'uid_validity', 'last_uid', 'is_active', 'failures' ) as $int ) {
			$row[ $int ] = (int) ( $row[ $int ] ?? 0 );
		}
		return $row;
	}

	/**
	 * Public shape for REST: secrets replaced by "is set" flags.
	 *
	 * @param array<string, mixed> $row Decoded row.
	 * @return array<string, mixed>
	 */
	public static function format( array $row ): array {
		$settings = $row['settings'];
		$out      = array(
			'id'                => $row['id'],
			'name'              => (string) $row['name'],
			'address'           => (string) $row['address'],
			'imap_host'         => (string) $row['imap_host'],
			'imap_port'         => $row['imap_port'],
			'imap_security'     => (string) $row['imap_security'],
			'imap_user'         => (string) $row['imap_user'],
			'imap_password_set' => '' !== (string) $row['imap_password'],
			'imap_folder'       => (string) $row['imap_folder'],
			'after_import'      => (string) $row['after_import'],
			'move_folder'       => (string) $row['move_folder'],
			'poll_interval'     => $row['poll_interval'],
			'is_active'         => 1 === $row['is_active'],
			'failures'          => $row['failures'],
			'last_error'        => (string) ( $row['last_error'] ?? '' ),
			'last_polled_at'    => $row['last_polled_at'] ?? null,
			'next_poll_at'      => $row['next_poll_at'] ?? null,
		);
		foreach ( self::SETTINGS as $key => $default ) {
			if ( in_array( $key, array( 'smtp_password', 'webhook_secret' ), true ) ) {
				$out[ $key . '_set' ] = '' !== (string) ( $settings[ $key ] ?? '' );
				continue;
			}
			$out[ $key ] = $settings[ $key ] ?? $default;
		}
		return $out;
	}
}
