<?php
/**
 * Imports what the MTA pipe left in its spool.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use WP_Error;

/**
 * Drains the Spool into the Importer: the pipe's own message right after WordPress loaded, a
 * bounded batch of older ones in every pipe run, and a recurring background job.
 *
 * A file is deleted only once its inbound row holds a final status (stored, duplicate, bounce,
 * ignored or quarantined), and each import looks for an earlier inbound row of the same bytes
 * first (sha256 of the raw message, source "pipe"): a pipe that was killed after importing but
 * before deleting its file does not import it twice, and a row left "received" by a crash is
 * retried instead of copied. A file whose import never finishes (a fatal error every time) is
 * quarantined without parsing after MAX_ATTEMPTS starts.
 */
final class SpoolDrain {

	public const HOOK = 'switchboard_email_spool_drain';

	public const MAX_ATTEMPTS = 5;

	public const BATCH = 25;

	/**
	 * The spool.
	 *
	 * @var Spool
	 */
	private Spool $spool;

	/**
	 * Drain of a spool (the site's by default).
	 *
	 * @param Spool|null $spool Spool.
	 */
	public function __construct( ?Spool $spool = null ) {
		$this->spool = $spool ?? Spool::for_site();
	}

	/**
	 * Imports a batch of waiting messages, oldest first, for at most $seconds.
	 *
	 * @param int $limit   Most files.
	 * @param int $seconds Time budget.
	 * @return array{imported: int, failed: int, waiting: int}
	 */
	public function drain( int $limit = self::BATCH, int $seconds = 20 ): array {
		$start = microtime( true );
		$done  = 0;
		$fail  = 0;
		foreach ( $this->spool->ids( $limit ) as $id ) {
			if ( microtime( true ) - $start > $seconds ) {
				break;
			}
			try {
				$result = $this->import( $id );
			} catch ( \Throwable $e ) {
				$result = array( 'kept' => false );
			}
			if ( null === $result ) {
				continue; // Another process holds it.
			}
			$result['kept'] ? ++$done : ++$fail;
		}
		return array(
			'imported' => $done,
			'failed'   => $fail,
			'waiting'  => $this->spool->count(),
		);
	}

	/**
	 * Site Health (Tools → Site Health): whether mail waits in the spool longer than the drain
	 * should take, which means the background job does not run or imports keep failing.
	 *
	 * @return array<string, mixed> A direct test result.
	 */
	public function health(): array {
		$waiting = $this->spool->count();
		$oldest  = $this->spool->oldest();
		$stale   = null !== $oldest && time() - $oldest > 15 * MINUTE_IN_SECONDS;
		return array(
			'label'       => $stale
				/* translators: %d: number of emails. */
				? sprintf( _n( '%d email from the mail pipe is waiting to be imported', '%d emails from the mail pipe are waiting to be imported', $waiting, 'switchboard' ), $waiting )
				: __( 'Emails from the mail pipe are imported', 'switchboard' ),
			'status'      => $stale ? 'critical' : 'good',
			'badge'       => array(
				'label' => __( 'Switchboard', 'switchboard' ),
				'color' => $stale ? 'red' : 'blue',
			),
			'description' => '<p>' . esc_html(
				sprintf(
					/* translators: 1: number of emails, 2: folder. */
					__( '%1$d email(s) in %2$s. The MTA pipe keeps mail there until it can be imported; the next pipe run and a background job every minute import it. Mail waiting longer than 15 minutes means that job does not run (WP-Cron disabled without a system cron, Action Scheduler stopped) or the import keeps failing (see the debug log).', 'switchboard' ),
					$waiting,
					$this->spool->dir()
				)
			) . '</p>',
			'test'        => 'switchboard_mail_spool',
		);
	}

	/**
	 * Imports one spooled message. Null when it is gone or another process is importing it.
	 *
	 * @param string $id            Spool id.
	 * @param bool   $refuse_large  Too large: give it back to the caller (the pipe bounces it
	 *                              with exit 69) instead of quarantining it.
	 * @return array<string, mixed>|null Outcome: status, inbound_id, kept (whether the file was
	 *                                   deleted because the message is kept in the inbound store).
	 */
	public function import( string $id, bool $refuse_large = false ): ?array {
		$claim = $this->spool->claim( $id );
		if ( null === $claim ) {
			return null;
		}
		$result = array(
			'status' => 'spooled',
			'kept'   => false,
		);
		try {
			$result = $this->import_claimed( $claim, $refuse_large );
		} finally {
			// A fatal error skips this: the process ends, the lock goes with it, the file stays.
			$this->spool->release( $claim, $result['kept'] || 'too_large' === $result['status'] );
		}
		return $result;
	}

	/**
	 * The import of a claimed file.
	 *
	 * @param array<string, mixed> $claim        From Spool::claim().
	 * @param bool                 $refuse_large See import().
	 * @return array<string, mixed>
	 */
	private function import_claimed( array $claim, bool $refuse_large ): array {
		$raw   = (string) $claim['raw'];
		$store = new InboundStore();
		$row   = $store->find_by_sha256( hash( 'sha256', $raw ), 'pipe' );
		if ( null !== $row && 'received' !== $row['status'] ) {
			// Imported before (a pipe killed before it deleted its file, or the MTA delivering again).
			return array(
				'status'     => (string) $row['status'],
				'inbound_id' => (int) $row['id'],
				'kept'       => true,
			);
		}
		if ( (int) $claim['attempts'] > self::MAX_ATTEMPTS ) {
			return $this->quarantine( $claim, $row, 'the import did not finish after ' . self::MAX_ATTEMPTS . ' attempts' );
		}
		$importer = new Importer();
		$result   = null !== $row ? $importer->retry( (int) $row['id'] ) : null;
		if ( ! is_array( $result ) ) {
			$result = $importer->import(
				$raw,
				array(
					'source'     => 'pipe',
					'mailbox_id' => (int) $claim['mailbox_id'],
					'source_ref' => 'spool:' . $claim['id'],
				)
			);
		}
		if ( $result instanceof WP_Error ) {
			if ( 413 === (int) ( ( (array) $result->get_error_data() )['status'] ?? 0 ) ) {
				return $refuse_large ? array(
					'status' => 'too_large',
					'error'  => $result->get_error_message(),
					'kept'   => false,
				) : $this->quarantine( $claim, $row, 'larger than the import limit' );
			}
			return array(
				'status' => 'spooled',
				'error'  => $result->get_error_message(),
				'kept'   => false,
			);
		}
		$final          = $store->get( (int) $result['inbound_id'] );
		$result['kept'] = null !== $final && 'received' !== (string) $final['status'];
		return $result;
	}

	/**
	 * Keeps a message as a quarantined inbound row without parsing it.
	 *
	 * @param array<string, mixed>      $claim Claim.
	 * @param array<string, mixed>|null $row   Earlier row of the same bytes.
	 * @param string                    $error Why.
	 * @return array<string, mixed>
	 */
	private function quarantine( array $claim, ?array $row, string $error ): array {
		$store = new InboundStore();
		$id    = null !== $row ? (int) $row['id'] : $store->put(
			(string) $claim['raw'],
			array(
				'source'     => 'pipe',
				'mailbox_id' => (int) $claim['mailbox_id'],
				'source_ref' => 'spool:' . $claim['id'],
			)
		);
		if ( $id > 0 ) {
			$store->update(
				$id,
				array(
					'status' => 'quarantined',
					'error'  => $error,
				)
			);
		}
		$final = $id > 0 ? $store->get( $id ) : null;
		return array(
			'status'     => 'quarantined',
			'inbound_id' => $id,
			'error'      => $error,
			'kept'       => null !== $final && 'quarantined' === (string) $final['status'],
		);
	}
}
