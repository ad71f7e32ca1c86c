<?php
/**
 * The email channel: wiring.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Imap\Poller;
use Switchboard\Channels\Email\Rest\EmailMessagesController;
use Switchboard\Channels\Email\Rest\InboundController;
use Switchboard\Channels\Email\Rest\MailboxConnectionsController;
use Switchboard\Channels\Email\Rest\MailboxesController;
use Switchboard\Channels\Email\Rest\WebhookController;
use Switchboard\Channels\Email\Rest\WebhookSettingsController;

/**
 * Registers the email channel's hooks: REST routes, delivery of replies, background polling, the
 * MTA pipe's spool drain and retries, and the WP-CLI commands. Nothing here queries the database
 * at registration time.
 */
final class Module {

	public const POLL_HOOK  = 'switchboard_email_poll';
	public const RETRY_HOOK = 'switchboard_email_retry_delivery';

	/**
	 * Retry of a failed automatic customer email (args: ticket id, key).
	 */
	public const NOTICE_RETRY_HOOK = 'switchboard_email_retry_notice';

	/**
	 * Adds hooks.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_action( 'switchboard_deliver_message', array( $this, 'deliver' ), 10, 2 );
		// Tells other modules (Frontend\ReplyMail) that replies they would email are sent here.
		add_filter( 'switchboard_email_channel_active', '__return_true' );
		// Solved, contact confirmation, chat transcript and chat replies by email (Tickets\CustomerMail).
		add_filter( 'switchboard_pre_customer_mail', array( $this, 'customer_mail' ), 10, 3 );
		add_action( self::RETRY_HOOK, array( $this, 'retry_delivery' ) );
		add_action( self::NOTICE_RETRY_HOOK, array( $this, 'retry_notice' ), 10, 2 );
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
	 * REST controllers.
	 */
	public function register_routes(): void {
		( new MailboxesController() )->register_routes();
		( new MailboxConnectionsController() )->register_routes();
		( new InboundController() )->register_routes();
		( new WebhookSettingsController() )->register_routes();
		( new EmailMessagesController() )->register_routes();
		( new WebhookController() )->register_routes();
	}

	/**
	 * Sends an automatic customer email through the Mailer (filter switchboard_pre_customer_mail).
	 *
	 * @param bool|null            $sent   Null unless handled.
	 * @param array<string, mixed> $mail   to, subject, text, kind.
	 * @param array<string, mixed> $ticket Ticket row.
	 * @return bool|null
	 */
	public function customer_mail( $sent, $mail, $ticket ) {
		return ( new Mailer() )->send_notice( $sent, (array) $mail, (array) $ticket );
	}

	/**
	 * Delivers a reply of an email ticket.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( $message, $ticket ): void {
		( new Mailer() )->deliver( (array) $message, (array) $ticket );
	}

	/**
	 * Background retry of a failed reply.
	 *
	 * @param int $message_id Message id.
	 */
	public function retry_delivery( $message_id ): void {
		$message = ( new \Switchboard\Tickets\Messages() )->get( (int) $message_id );
		// Sent meanwhile (an agent retried by hand) or deleted: nothing to do, never a second copy.
		if ( null === $message || 'failed' !== (string) $message['delivery_status'] ) {
			return;
		}
		( new Mailer() )->send_reply( (int) $message_id );
	}

	/**
	 * A scheduled retry of a failed automatic email.
	 *
	 * @param int|string $ticket_id Ticket.
	 * @param string     $key       Its key.
	 */
	public function retry_notice( $ticket_id, $key ): void {
		( new Mailer() )->retry_notice( (int) $ticket_id, (string) $key );
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
