<?php
/**
 * Connection tests of a mailbox's IMAP and SMTP servers, and "check now".
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Imap\Poller;
use WP_Error;

/**
 * Every test refuses private hosts (HostGuard), and a saved password only ever goes to the saved
 * server and account: a test against another host, port or user needs the password typed.
 */
final class ConnectionTests {

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
	 * Logs in to a saved mailbox's IMAP server, with unsaved overrides.
	 *
	 * @param array<string, mixed> $mailbox   Saved mailbox row.
	 * @param array<string, mixed> $overrides Cleaned input (MailboxEditor::input()).
	 * @return true|WP_Error
	 */
	public function imap( array $mailbox, array $overrides ) {
		$typed = isset( $overrides['imap_password'] ) && '' !== (string) $overrides['imap_password'];
		// The saved password only ever goes to the saved server and account.
		if ( ! $typed && HostGuard::differs( $mailbox, $overrides, array( 'imap_host', 'imap_port', 'imap_user' ) ) ) {
			return HostGuard::password_required( 'imap_password' );
		}
		$settings = array_merge( $mailbox, array_intersect_key( $overrides, array_flip( array( 'imap_host', 'imap_port', 'imap_security', 'imap_user', 'imap_folder' ) ) ) );
		return self::try_imap( $settings, $typed ? (string) $overrides['imap_password'] : $this->mailboxes->password( $mailbox ) );
	}

	/**
	 * Logs in to an IMAP server of a mailbox not saved yet (the "add mailbox" form).
	 *
	 * @param array<string, mixed> $data Cleaned input (MailboxEditor::input()).
	 * @return true|WP_Error
	 */
	public function imap_unsaved( array $data ) {
		if ( '' === trim( (string) ( $data['imap_host'] ?? '' ) ) || (int) ( $data['imap_port'] ?? 0 ) <= 0 ) {
			return new WP_Error(
				'switchboard_imap_incomplete',
				__( 'Enter the IMAP host and port first.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'imap_host',
				)
			);
		}
		$settings = array(
			'imap_host'     => (string) $data['imap_host'],
			'imap_port'     => (int) $data['imap_port'],
			'imap_security' => (string) ( $data['imap_security'] ?? 'ssl' ),
			'imap_user'     => (string) ( $data['imap_user'] ?? '' ),
			'imap_folder'   => (string) ( $data['imap_folder'] ?? 'INBOX' ),
		);
		return self::try_imap( $settings, (string) ( $data['imap_password'] ?? '' ) );
	}

	/**
	 * Connects and logs in to an SMTP server without sending: a saved mailbox's (null for a new
	 * one) with unsaved overrides; the stored password is used unless one is typed.
	 *
	 * @param array<string, mixed>|null $mailbox Saved mailbox row, or null.
	 * @param array<string, mixed>      $data    Cleaned input (MailboxEditor::input()).
	 * @return true|WP_Error
	 */
	public function smtp( ?array $mailbox, array $data ) {
		$saved   = null !== $mailbox;
		$mailbox = $mailbox ?? Mailboxes::decode( array() );
		$typed   = isset( $data['smtp_password'] ) && '' !== (string) $data['smtp_password'];
		if ( $saved && ! $typed && HostGuard::differs( (array) $mailbox['settings'], $data, array( 'smtp_host', 'smtp_port', 'smtp_user' ) ) ) {
			return HostGuard::password_required( 'smtp_password' );
		}
		foreach ( array( 'smtp_host', 'smtp_port', 'smtp_security', 'smtp_user' ) as $key ) {
			if ( array_key_exists( $key, $data ) ) {
				$mailbox['settings'][ $key ] = $data[ $key ];
			}
		}
		$smtp = Mailer::smtp_settings( $mailbox );
		if ( null === $smtp ) {
			return new WP_Error(
				'switchboard_smtp_incomplete',
				__( 'Enter the SMTP host first.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'smtp_host',
				)
			);
		}
		$refused = HostGuard::check( $smtp['host'], 'smtp_host' );
		if ( $refused ) {
			return $refused;
		}
		if ( $typed ) {
			$smtp['password'] = (string) $data['smtp_password'];
		}
		$result = Mailer::test_smtp( $smtp );
		return true === $result ? true : HostGuard::connection_failed( 'switchboard_smtp_failed', $result );
	}

	/**
	 * Polls one mailbox now (whatever its schedule or backoff). A failed poll is an answer, not an
	 * error: the mailbox shows it.
	 *
	 * @param array<string, mixed> $mailbox Saved mailbox row.
	 * @return array{imported: int, error: string, mailbox: array<string, mixed>}|WP_Error What
	 *         the poll imported, its error, and the mailbox row after it.
	 */
	public function check_now( array $mailbox ) {
		if ( '' === (string) $mailbox['imap_host'] ) {
			return new WP_Error( 'switchboard_imap_incomplete', __( 'This mailbox has no IMAP server to check.', 'switchboard' ), array( 'status' => 400 ) );
		}
		$result = ( new Poller() )->poll( $mailbox );
		if ( ! empty( $result['busy'] ) ) {
			return new WP_Error( 'switchboard_poll_running', __( 'This mailbox is being checked right now; try again in a minute.', 'switchboard' ), array( 'status' => 409 ) );
		}
		return array(
			'imported' => $result['imported'],
			'error'    => $result['error'],
			'mailbox'  => (array) $this->mailboxes->get( (int) $mailbox['id'] ),
		);
	}

	/**
	 * Refuses a private host, then logs in.
	 *
	 * @param array<string, mixed> $settings imap_host, imap_port, imap_security, imap_user, imap_folder.
	 * @param string               $password Password.
	 * @return true|WP_Error
	 */
	private static function try_imap( array $settings, string $password ) {
		$refused = HostGuard::check( (string) $settings['imap_host'], 'imap_host' );
		if ( $refused ) {
			return $refused;
		}
		$result = ( new Poller() )->test( $settings, $password );
		return true === $result ? true : HostGuard::connection_failed( 'switchboard_imap_failed', $result );
	}
}
