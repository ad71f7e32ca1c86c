<?php
/**
 * Delivery of public replies by email: status, retries with backoff, "retry now".
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Email\Scheduler;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Hooked on `switchboard_deliver_message`: a public reply on a channel of
 * AgentReplyMail::CHANNELS goes out as an AgentReplyMail. Its message records queued → sent or
 * failed; a failure is retried in the background with backoff (1, 4, 16, 64 minutes;
 * Notice::MAX_ATTEMPTS in all), and an agent can retry it at once.
 */
final class ReplyDelivery {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	/**
	 * Background retry of a failed reply (arg: message id).
	 */
	public const RETRY_HOOK = 'switchboard_email_retry_delivery';

	/**
	 * Delivers a public agent/bot reply on one of AgentReplyMail::CHANNELS.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( $message, $ticket ): void {
		$message = (array) $message;
		if ( ! in_array( (string) ( $message['channel'] ?? '' ), AgentReplyMail::CHANNELS, true ) ) {
			return; // Another channel delivers it.
		}
		( new Messages() )->set_delivery_status( (int) $message['id'], 'queued' );
		$this->send( (int) $message['id'] );
	}

	/**
	 * An agent's "retry now" of a failed reply: the scheduled retry is dropped and the reply is
	 * sent at once (with a new retry scheduled if it fails again).
	 *
	 * @param int $message_id Message id.
	 */
	public function retry_now( int $message_id ): bool {
		Scheduler::cancel( self::RETRY_HOOK, array( $message_id ) );
		( new Messages() )->set_delivery_status( $message_id, 'queued' );
		return $this->send( $message_id );
	}

	/**
	 * The background retry: nothing when the reply was sent meanwhile (an agent retried by hand)
	 * or deleted, never a second copy.
	 *
	 * @param int|string $message_id Message id.
	 */
	public function retry( $message_id ): void {
		$message = ( new Messages() )->get( (int) $message_id );
		if ( null === $message || 'failed' !== (string) $message['delivery_status'] ) {
			return;
		}
		$this->send( (int) $message_id );
	}

	/**
	 * Sends (or re-sends) a reply; records sent/failed and schedules a retry with backoff.
	 *
	 * @param int $message_id Message id.
	 */
	public function send( int $message_id ): bool {
		$messages = new Messages();
		$message  = $messages->get( $message_id );
		$ticket   = null === $message ? null : $this->tickets->get( (int) $message['ticket_id'] );
		if ( null === $message || null === $ticket ) {
			return false;
		}
		$mail = new AgentReplyMail( $message, $ticket );
		if ( ! $mail->deliverable() ) {
			$messages->set_delivery_status( $message_id, 'failed', __( 'The customer has no email address.', 'switchboard' ) );
			return false;
		}
		$ok = ( new Transport() )->send( $mail );
		if ( true === $ok ) {
			$messages->set_delivery_status( $message_id, 'sent' );
			return true;
		}
		$messages->set_delivery_status( $message_id, 'failed', '' !== $ok ? $ok : __( 'The mail server refused the email.', 'switchboard' ) );
		$attempts = (int) ( ( $messages->get( $message_id ) )['delivery_attempts'] ?? Notice::MAX_ATTEMPTS );
		if ( $attempts < Notice::MAX_ATTEMPTS ) {
			Scheduler::cancel( self::RETRY_HOOK, array( $message_id ) );
			Scheduler::later( self::RETRY_HOOK, array( $message_id ), Notice::backoff( $attempts ) );
		}
		return false;
	}
}
