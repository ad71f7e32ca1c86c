<?php
/**
 * Polls IMAP mailboxes in the background.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Imap;

use Switchboard\Channels\Email\HostGuard;
use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Mailboxes;

/**
 * UID-based, resumable polling: each mailbox remembers UIDVALIDITY and the last UID it stored; a
 * message is marked seen/moved only after the importer kept it; a batch limit keeps each run
 * short; a failing mailbox records its error and backs off (1, 2, 4 … 60 minutes) without blocking
 * the others.
 */
final class Poller {

	/**
	 * Messages per mailbox per run.
	 */
	public const BATCH = 50;

	/**
	 * Polls every active mailbox that is due (or all when $force).
	 *
	 * @param bool $force Ignore next_poll_at.
	 * @return array<int, array<string, mixed>> Per mailbox: imported, error.
	 */
	public function run( bool $force = false ): array {
		$out = array();
		foreach ( ( new Mailboxes() )->all( true ) as $mailbox ) {
			if ( '' === (string) $mailbox['imap_host'] ) {
				continue;
			}
			if ( ! $force && ! empty( $mailbox['next_poll_at'] ) && (string) $mailbox['next_poll_at'] > gmdate( 'Y-m-d H:i:s' ) ) {
				continue;
			}
			$out[ (int) $mailbox['id'] ] = $this->poll( $mailbox );
		}
		return $out;
	}

	/**
	 * Polls one mailbox, unless another process (WP-Cron, Action Scheduler, "Check now" in a
	 * second tab) is polling it right now: a database lock (GET_LOCK, released on disconnect, so a
	 * crashed run never leaves it held) lets one poll per mailbox run at a time.
	 *
	 * @param array<string, mixed> $mailbox Decoded row.
	 * @return array{imported: int, error: string, busy?: true}
	 */
	public function poll( array $mailbox ): array {
		global $wpdb;
		$lock = self::lock_name( (int) $mailbox['id'] );
		if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', $lock ) ) ) {
			return array(
				'imported' => 0,
				'error'    => '',
				'busy'     => true,
			);
		}
		try {
			return $this->poll_locked( $mailbox );
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
	}

	/**
	 * The database lock name of a mailbox's poll.
	 *
	 * @param int $mailbox_id Mailbox id.
	 */
	public static function lock_name( int $mailbox_id ): string {
		global $wpdb;
		return $wpdb->prefix . 'switchboard_email_poll_' . $mailbox_id;
	}

	/**
	 * Polls one mailbox (the caller holds its lock).
	 *
	 * @param array<string, mixed> $mailbox Decoded row.
	 * @return array{imported: int, error: string}
	 */
	private function poll_locked( array $mailbox ): array {
		$mailboxes = new Mailboxes();
		$store     = new InboundStore();
		$importer  = new Importer();
		$client    = new ImapClient();
		$imported  = 0;
		$id        = (int) $mailbox['id'];
		try {
			// A host that resolves to a private address (DNS changed since it was saved) is not polled.
			$refused = HostGuard::check( (string) $mailbox['imap_host'], 'imap_host' );
			if ( $refused ) {
				throw new ImapException( $refused->get_error_message() );
			}
			$client->connect( (string) $mailbox['imap_host'], (int) $mailbox['imap_port'], (string) $mailbox['imap_security'], 20, self::verify_tls( $mailbox ) );
			$client->login( (string) $mailbox['imap_user'], $mailboxes->password( $mailbox ) );
			$state    = $client->select( '' !== (string) $mailbox['imap_folder'] ? (string) $mailbox['imap_folder'] : 'INBOX' );
			$last_uid = (int) $mailbox['last_uid'];
			if ( $state['uidvalidity'] !== (int) $mailbox['uid_validity'] ) {
				// New UIDVALIDITY: UIDs were renumbered; start over (Message-ID dedupe prevents doubles).
				$last_uid = 0;
				$mailboxes->update_state(
					$id,
					array(
						'uid_validity' => $state['uidvalidity'],
						'last_uid'     => 0,
					)
				);
			}
			if ( 'move' === (string) $mailbox['after_import'] && '' !== (string) $mailbox['move_folder'] ) {
				$client->create_folder( (string) $mailbox['move_folder'] );
			}
			foreach ( array_slice( $client->uids_after( $last_uid ), 0, self::BATCH ) as $uid ) {
				$ref = $state['uidvalidity'] . ':' . $uid;
				if ( ! $store->has_ref( $id, $ref ) ) {
					$raw = $client->fetch_raw( $uid );
					if ( null !== $raw ) {
						$result = $importer->import(
							$raw,
							array(
								'source'     => 'imap',
								'mailbox_id' => $id,
								'source_ref' => $ref,
							)
						);
						if ( $result instanceof \WP_Error ) {
							// Not kept: leave it on the server and stop; the next run retries from here.
							throw new ImapException( $result->get_error_message() );
						}
						++$imported;
					}
				}
				if ( 'move' === (string) $mailbox['after_import'] && '' !== (string) $mailbox['move_folder'] ) {
					$client->move( $uid, (string) $mailbox['move_folder'] );
				} elseif ( 'none' !== (string) $mailbox['after_import'] ) {
					$client->mark_seen( $uid );
				}
				$mailboxes->update_state( $id, array( 'last_uid' => $uid ) );
			}
			$client->logout();
			$mailboxes->update_state(
				$id,
				array(
					'failures'       => 0,
					'last_error'     => '',
					'last_polled_at' => gmdate( 'Y-m-d H:i:s' ),
					'next_poll_at'   => gmdate( 'Y-m-d H:i:s', time() + max( 60, (int) $mailbox['poll_interval'] ) ),
				)
			);
			return array(
				'imported' => $imported,
				'error'    => '',
			);
		} catch ( \Throwable $e ) {
			$client->logout();
			$failures = (int) $mailbox['failures'] + 1;
			$delay    = min( 3600, 60 * ( 2 ** min( 6, $failures - 1 ) ) );
			$mailboxes->update_state(
				$id,
				array(
					'failures'       => $failures,
					'last_error'     => mb_substr( $e->getMessage(), 0, 1000 ),
					'last_polled_at' => gmdate( 'Y-m-d H:i:s' ),
					'next_poll_at'   => gmdate( 'Y-m-d H:i:s', time() + $delay ),
				)
			);
			return array(
				'imported' => $imported,
				'error'    => $e->getMessage(),
			);
		}
	}

	/**
	 * Tests a mailbox's IMAP settings.
	 *
	 * @param array<string, mixed> $mailbox  Decoded row (or unsaved settings).
	 * @param string               $password Password.
	 * @return true|string True or the error text.
	 */
	public function test( array $mailbox, string $password ) {
		$client = new ImapClient();
		try {
			$client->connect( (string) $mailbox['imap_host'], (int) $mailbox['imap_port'], (string) $mailbox['imap_security'], 15, self::verify_tls( $mailbox ) );
			$client->login( (string) $mailbox['imap_user'], $password );
			$client->select( '' !== (string) ( $mailbox['imap_folder'] ?? '' ) ? (string) $mailbox['imap_folder'] : 'INBOX' );
			$client->logout();
			return true;
		} catch ( \Throwable $e ) {
			$client->logout();
			return $e->getMessage();
		}
	}

	/**
	 * Whether to verify TLS certificates (filterable for self-signed test servers).
	 *
	 * @param array<string, mixed> $mailbox Mailbox.
	 */
	private static function verify_tls( array $mailbox ): bool {
		/**
		 * Filters whether IMAP TLS certificates are verified.
		 *
		 * @since 0.1.0
		 *
		 * @param bool                 $verify  Default true.
		 * @param array<string, mixed> $mailbox Mailbox row.
		 */
		return (bool) apply_filters( 'switchboard_email_verify_tls', true, $mailbox );
	}
}
