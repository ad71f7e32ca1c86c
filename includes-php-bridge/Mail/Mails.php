<?php
/**
 * The registry of every mail Switchboard sends.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Infrastructure\Registerable;
use Switchboard\Services;

/**
 * One class per mail kind, all sent through the one Transport (after WooCommerce's
 * StockNotifications\Emails\EmailManager). Each kind builds itself from what it is about
 * (SolvedMail::for_ticket(), AgentReplyMail( $message, $ticket ), …) and is sent with send().
 */
final class Mails implements Registerable {

	/**
	 * The shared services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Constructor.
	 *
	 * @param Services $services The shared services.
	 */
	public function __construct( Services $services ) {
		$this->services = $services;
	}


	/**
	 * Kind id => class.
	 *
	 * @var array<string, class-string<Email>>
	 */
	public const KINDS = array(
		AgentReplyMail::ID          => AgentReplyMail::class,
		AcknowledgementMail::ID     => AcknowledgementMail::class,
		SolvedMail::ID              => SolvedMail::class,
		ContactConfirmationMail::ID => ContactConfirmationMail::class,
		AddressConfirmationMail::ID => AddressConfirmationMail::class,
		ChatTranscriptMail::ID      => ChatTranscriptMail::class,
		ChatReplyMail::ID           => ChatReplyMail::class,
		MentionMail::ID             => MentionMail::class,
	);

	/**
	 * The class of a kind, or null.
	 *
	 * @param string $id Kind id.
	 * @return class-string<Email>|null
	 */
	public static function get( string $id ): ?string {
		return self::KINDS[ $id ] ?? null;
	}

	/**
	 * Hooks: replies are delivered, solved tickets mailed, failed mail retried.
	 */
	public function register(): void {
		$replies = new ReplyDelivery( $this->services->tickets() );
		add_action( 'switchboard_deliver_message', array( $replies, 'deliver' ), 10, 2 );
		add_action( ReplyDelivery::RETRY_HOOK, array( $replies, 'retry' ) );
		add_action( Notice::RETRY_HOOK, array( $this, 'retry_notice' ), 10, 2 );
		add_action( 'switchboard_ticket_status_changed', array( SolvedMail::class, 'on_status_changed' ), 10, 3 );
	}

	/**
	 * A scheduled retry of a failed automatic email.
	 *
	 * @param int|string $ticket_id Ticket.
	 * @param string     $key       Its key.
	 */
	public function retry_notice( $ticket_id, $key ): void {
		Notice::retry( (int) $ticket_id, (string) $key );
	}
}
