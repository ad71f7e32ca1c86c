<?php
/**
 * Creating and changing mailboxes: input cleaning and the rules a saved mailbox must meet.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Tickets\Teams;
use WP_Error;

/**
 * A mailbox needs a valid, unique address; its default team must exist; its IMAP and SMTP hosts
 * must not be private (HostGuard); and a changed server or account needs its password typed
 * again, or polling and sending would hand the saved one to another server.
 */
final class MailboxEditor {

	/**
	 * Fields a manager may send.
	 */
	public const FIELDS = array( 'name', 'address', 'imap_host', 'imap_port', 'imap_security', 'imap_user', 'imap_password', 'imap_folder', 'after_import', 'move_folder', 'poll_interval', 'is_active', 'team_id', 'tags', 'signature', 'acknowledge', 'ack_subject', 'ack_body', 'quote_history', 'smtp_host', 'smtp_port', 'smtp_security', 'smtp_user', 'smtp_password' );

	/**
	 * Mailbox repository.
	 *
	 * @var Mailboxes
	 */
	private Mailboxes $mailboxes;

	/**
	 * Wires the repository.
	 *
	 * @param Mailboxes|null $mailboxes Mailboxes.
	 */
	public function __construct( ?Mailboxes $mailboxes = null ) {
		$this->mailboxes = $mailboxes ?? new Mailboxes();
	}

	/**
	 * The accepted fields of a request body, cleaned (passwords as typed).
	 *
	 * @param mixed $params Body (JSON or form) parameters.
	 * @return array<string, mixed>
	 */
	public static function input( $params ): array {
		$out = array();
		foreach ( self::FIELDS as $field ) {
			if ( is_array( $params ) && array_key_exists( $field, $params ) ) {
				$value         = $params[ $field ];
				$out[ $field ] = is_string( $value ) && ! in_array( $field, array( 'imap_password', 'smtp_password' ), true ) ? sanitize_text_field( $value ) : $value;
			}
		}
		if ( isset( $out['smtp_port'] ) ) {
			$out['smtp_port'] = max( 0, min( 65535, (int) $out['smtp_port'] ) );
		}
		if ( isset( $out['smtp_security'] ) && ! in_array( $out['smtp_security'], array( '', 'ssl', 'starttls', 'none' ), true ) ) {
			$out['smtp_security'] = 'starttls';
		}
		if ( isset( $out['signature'] ) ) {
			$out['signature'] = sanitize_textarea_field( (string) ( $params['signature'] ?? '' ) );
		}
		if ( isset( $out['ack_body'] ) ) {
			$out['ack_body'] = sanitize_textarea_field( (string) ( $params['ack_body'] ?? '' ) );
		}
		return $out;
	}

	/**
	 * Creates a mailbox.
	 *
	 * @param array<string, mixed> $data Cleaned input (input()).
	 * @return array<string, mixed>|WP_Error The saved mailbox row.
	 */
	public function create( array $data ) {
		if ( empty( $data['address'] ) || ! is_email( (string) $data['address'] ) ) {
			return self::invalid_address();
		}
		$team = self::check_team( $data );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		$hosts = self::check_hosts( $data );
		if ( $hosts ) {
			return $hosts;
		}
		if ( null !== $this->mailboxes->find_by_address( (string) $data['address'] ) ) {
			return new WP_Error(
				'switchboard_mailbox_exists',
				__( 'A mailbox with this address already exists.', 'switchboard' ),
				array(
					'status' => 409,
					'field'  => 'address',
				)
			);
		}
		$id = $this->mailboxes->save( $data );
		if ( 0 === $id ) {
			return new WP_Error( 'switchboard_db_error', __( 'The mailbox could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		return (array) $this->mailboxes->get( $id );
	}

	/**
	 * Changes a saved mailbox.
	 *
	 * @param array<string, mixed> $saved The mailbox row before the change.
	 * @param array<string, mixed> $data  Cleaned input (input()).
	 * @return array<string, mixed>|WP_Error The saved mailbox row.
	 */
	public function update( array $saved, array $data ) {
		if ( isset( $data['address'] ) && ! is_email( (string) $data['address'] ) ) {
			return self::invalid_address();
		}
		$team = self::check_team( $data );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		$hosts = self::check_hosts( $data, $saved );
		if ( $hosts ) {
			return $hosts;
		}
		$this->mailboxes->save( $data, (int) $saved['id'] );
		return (array) $this->mailboxes->get( (int) $saved['id'] );
	}

	/**
	 * The error for a missing or malformed address.
	 */
	private static function invalid_address(): WP_Error {
		return new WP_Error(
			'switchboard_invalid_address',
			__( 'A mailbox needs a valid email address.', 'switchboard' ),
			array(
				'status' => 400,
				'field'  => 'address',
			)
		);
	}

	/**
	 * The IMAP and SMTP hosts must not be private (HostGuard), and a changed server or account
	 * needs its password typed again: polling and sending would otherwise hand the saved one over.
	 *
	 * @param array<string, mixed>      $data  Input.
	 * @param array<string, mixed>|null $saved The mailbox before the change (null when new).
	 */
	private static function check_hosts( array $data, ?array $saved = null ): ?WP_Error {
		foreach ( array( 'imap_host', 'smtp_host' ) as $field ) {
			$refused = isset( $data[ $field ] ) ? HostGuard::check( (string) $data[ $field ], $field ) : null;
			if ( $refused ) {
				return $refused;
			}
		}
		if ( null === $saved ) {
			return null;
		}
		if ( ! isset( $data['imap_password'] ) && '' !== (string) $saved['imap_password'] && HostGuard::differs( $saved, $data, array( 'imap_host', 'imap_port', 'imap_user' ) ) ) {
			return HostGuard::password_required( 'imap_password' );
		}
		if ( ! isset( $data['smtp_password'] ) && '' !== (string) ( $saved['settings']['smtp_password'] ?? '' ) && HostGuard::differs( (array) $saved['settings'], $data, array( 'smtp_host', 'smtp_port', 'smtp_user' ) ) ) {
			return HostGuard::password_required( 'smtp_password' );
		}
		return null;
	}

	/**
	 * The default team must exist (0 = none); stored as an integer.
	 *
	 * @param array<string, mixed> $data Input (team_id normalized in place).
	 * @return true|WP_Error
	 */
	private static function check_team( array &$data ) {
		if ( ! array_key_exists( 'team_id', $data ) ) {
			return true;
		}
		$data['team_id'] = (int) $data['team_id'];
		if ( 0 !== $data['team_id'] && ! ( new Teams() )->exists( $data['team_id'] ) ) {
			return Teams::invalid_reference();
		}
		return true;
	}
}
