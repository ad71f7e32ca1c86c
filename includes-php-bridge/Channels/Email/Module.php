<?php
/**
 * The email channel: wiring.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Imap\Poller;
use Switchboard\Infrastructure\Registerable;
use Switchboard\Mail\Notice;
use Switchboard\Mail\ReplyDelivery;
use Switchboard\Mail\Transport;

/**
 * Registers the email channel's hooks: background polling, the MTA pipe's spool drain and the
 * WP-CLI commands; and makes its Mailer the transport of Mail\Mails (its REST routes are in
 * Plugin's one list). Nothing here queries the database at registration time.
 */
final class Module implements Registerable {

	public const POLL_HOOK = 'switchboard_email_poll';

	/**
	 * Retry of a failed reply (Mail\ReplyDelivery).
	 */
	public const RETRY_HOOK = ReplyDelivery::RETRY_HOOK;

	/**
	 * Retry of a failed automatic customer email (Mail\Notice; args: ticket id, key).
	 */
	public const NOTICE_RETRY_HOOK = Notice::RETRY_HOOK;

	/**
	 * Adds hooks.
	 */
	public function register(): void {
		// Every mail about a ticket (Mail\Mails) now leaves through the Mailer: the mailbox's
		// address and SMTP server, signed Reply-To and Message-ID, the store's styling.
		Transport::email_channel( true );
		add_action( self::POLL_HOOK, array( $this, 'poll' ) );
		add_action( SpoolDrain::HOOK, array( $this, 'drain_spool' ) );
		add_filter( 'site_status_tests', array( $this, 'health_tests' ) );
		add_filter( 'cron_schedules', array( $this, 'cron_schedules' ) ); // phpcs:ignore WordPress.WP.CronInterval
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( 'switchboard_team_deleted', array( $this, 'forget_team' ) );

		if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::add_command( 'switchboard email', Cli::class );
		}
	}

	/**
	 * Polls due mailboxes.
	 */
	public function poll(): void {
		( new Poller() )->run();
	}

	/**
	 * Imports what the MTA pipe left in its spool (a database that was down, a crashed import).
	 */
	public function drain_spool(): void {
		( new SpoolDrain() )->drain();
	}

	/**
	 * Adds the mail spool's backlog to Site Health.
	 *
	 * @param array<string, mixed> $tests Tests.
	 * @return array<string, mixed>
	 */
	public function health_tests( $tests ): array {
		$tests                                     = (array) $tests;
		$tests['direct']['switchboard_mail_spool'] = array(
			'label' => __( 'Switchboard mail spool', 'switchboard' ),
			'test'  => static fn(): array => ( new SpoolDrain() )->health(),
		);
		return $tests;
	}

	/**
	 * A deleted team is no mailbox's default team any more.
	 *
	 * @param int $team_id Team id.
	 */
	public function forget_team( $team_id ): void {
		( new Mailboxes() )->forget_team( (int) $team_id );
	}

	/**
	 * A one-minute WP-Cron schedule (used when Action Scheduler is absent).
	 *
	 * @param array<string, array<string, mixed>> $schedules Schedules.
	 * @return array<string, array<string, mixed>>
	 */
	public function cron_schedules( $schedules ): array {
		$schedules                       = (array) $schedules;
		$schedules['switchboard_minute'] = array(
			'interval' => 60,
			'display'  => __( 'Every minute (Switchboard)', 'switchboard' ),
		);
		return $schedules;
	}

	/**
	 * Keeps the recurring poll and spool drain scheduled (admin and cron requests only, so
	 * storefront pages pay nothing).
	 */
	public function schedule(): void {
		if ( ! is_admin() && ! wp_doing_cron() ) {
			return;
		}
		Scheduler::recurring( self::POLL_HOOK, 60 );
		Scheduler::recurring( SpoolDrain::HOOK, 60 );
	}
}
