<?php
/**
 * An automatic text email about a ticket to its customer, retried when it fails.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Email\Scheduler;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * The base of the automatic customer emails (solved, contact confirmation, the fixed
 * confirmation for typed addresses, chat transcript, chat reply): a subject and a text whose URLs
 * become links. A send that fails is shown on the ticket's timeline (`email_failed`) and, below
 * MAX_ATTEMPTS, kept in the ticket's meta and retried with backoff (1, 4, 16, 64 minutes); the
 * retry that gets it out records `email_sent`. A retry never sends a second copy.
 */
class Notice extends Email {

	/**
	 * Most delivery attempts before an email stays "failed".
	 */
	public const MAX_ATTEMPTS = 5;

	/**
	 * Ticket meta holding automatic emails that failed and wait for a retry, by key.
	 */
	public const META = 'email_pending_notices';

	/**
	 * Retry of a failed automatic email (args: ticket id, key).
	 */
	public const RETRY_HOOK = 'switchboard_email_retry_notice';

	/**
	 * The email: to, subject, text, kind, headers (plain fallback only), message_id (the ticket
	 * message it carries, if any: a retried send marks it sent).
	 *
	 * @var array{to: string, subject: string, text: string, kind: string, headers: string[], message_id: int}
	 */
	protected array $mail;

	/**
	 * A notice.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its secret).
	 * @param array<string, mixed> $mail   to, subject (without the ticket number), text, kind, headers, message_id.
	 */
	public function __construct( array $ticket, array $mail ) {
		$this->ticket = $ticket;
		$this->mail   = array(
			'to'         => trim( (string) ( $mail['to'] ?? '' ) ),
			'subject'    => (string) ( $mail['subject'] ?? '' ),
			'text'       => (string) ( $mail['text'] ?? '' ),
			'kind'       => (string) ( $mail['kind'] ?? ( '' !== static::ID ? static::ID : 'notice' ) ),
			'headers'    => array_values( array_map( 'strval', (array) ( $mail['headers'] ?? array() ) ) ),
			'message_id' => (int) ( $mail['message_id'] ?? 0 ),
		);
	}

	/**
	 * The kind (as stored, so a retried email keeps it).
	 */
	public function kind(): string {
		return $this->mail['kind'];
	}

	/**
	 * The address.
	 */
	public function recipient(): string {
		return $this->mail['to'];
	}

	/**
	 * The subject.
	 */
	public function subject(): string {
		return trim( $this->mail['subject'] );
	}

	/**
	 * The text.
	 */
	public function text(): string {
		return $this->mail['text'];
	}

	/**
	 * The plain fallback, with the extra headers.
	 *
	 * @return array{to: string, subject: string, text: string, headers: string[]}
	 */
	public function plain(): array {
		$plain            = parent::plain();
		$plain['subject'] = sprintf(
			/* translators: 1: ticket number, 2: email subject */
			__( '[#%1$d] %2$s', 'switchboard' ),
			(int) $this->ticket['id'],
			$this->mail['subject']
		);
		$plain['headers'] = $this->mail['headers'];
		return $plain;
	}

	/**
	 * Sends it; a failure goes on the timeline and is retried.
	 */
	public function send(): bool {
		if ( ! is_email( $this->recipient() ) || empty( $this->ticket['id'] ) ) {
			return false;
		}
		$result = ( new Transport() )->send( $this );
		if ( true === $result ) {
			return true;
		}
		$this->failed( wp_generate_password( 12, false, false ), $result, 1 );
		return false;
	}

	/**
	 * Sends a failed automatic email again (the scheduled retry). Nothing when it was sent or
	 * given up meanwhile, so a retry never sends a second copy.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $key       The email's key in the ticket's pending notices.
	 */
	public static function retry( int $ticket_id, string $key ): bool {
		$service = new TicketService();
		$ticket  = $service->get( $ticket_id );
		$pending = (array) ( $service->get_meta( $ticket_id, self::META ) ?? array() );
		if ( null === $ticket || ! is_array( $pending[ $key ] ?? null ) ) {
			return false;
		}
		$notice   = new self( $ticket, (array) $pending[ $key ]['mail'] );
		$attempts = (int) $pending[ $key ]['attempts'] + 1;
		$result   = ( new Transport() )->send( $notice );
		if ( true !== $result ) {
			$notice->failed( $key, $result, $attempts );
			return false;
		}
		unset( $pending[ $key ] );
		$service->update_meta( $ticket_id, self::META, $pending );
		self::event(
			$ticket_id,
			'email_sent',
			array(
				'kind'     => $notice->kind(),
				'to'       => $notice->recipient(),
				'attempts' => $attempts,
			)
		);
		// A chat reply that went by email: its message shows "sent" now.
		if ( $notice->mail['message_id'] > 0 ) {
			( new Messages() )->set_delivery_status( $notice->mail['message_id'], 'sent' );
		}
		return true;
	}

	/**
	 * Seconds before the next attempt after this many (1 min, 4 min, 16 min, 64 min).
	 *
	 * @param int $attempts Attempts so far.
	 */
	public static function backoff( int $attempts ): int {
		return (int) ( 60 * ( 4 ** max( 0, min( $attempts, self::MAX_ATTEMPTS ) - 1 ) ) );
	}

	/**
	 * A failed send: shown on the ticket's timeline and, below MAX_ATTEMPTS, kept in the ticket's
	 * meta and retried.
	 *
	 * @param string $key      The email's key.
	 * @param string $error    What the mail server or wp_mail() said.
	 * @param int    $attempts Attempts so far.
	 */
	private function failed( string $key, string $error, int $attempts ): void {
		$id      = (int) $this->ticket['id'];
		$service = new TicketService();
		$pending = (array) ( $service->get_meta( $id, self::META ) ?? array() );
		$retry   = $attempts < self::MAX_ATTEMPTS ? self::backoff( $attempts ) : 0;
		if ( $retry > 0 ) {
			$pending[ $key ] = array(
				'mail'     => $this->mail + array( 'key' => $key ),
				'attempts' => $attempts,
			);
			Scheduler::cancel( self::RETRY_HOOK, array( $id, $key ) );
			Scheduler::later( self::RETRY_HOOK, array( $id, $key ), $retry );
		} else {
			unset( $pending[ $key ] );
		}
		$service->update_meta( $id, self::META, $pending );
		self::event(
			$id,
			'email_failed',
			array(
				'kind'     => $this->kind(),
				'to'       => $this->recipient(),
				'error'    => $error,
				'attempts' => $attempts,
				'retry_in' => $retry,
			)
		);
	}

	/**
	 * A system event on the ticket.
	 *
	 * @param int                  $ticket_id Ticket.
	 * @param string               $type      Event type.
	 * @param array<string, mixed> $data      Data.
	 */
	private static function event( int $ticket_id, string $type, array $data ): void {
		( new Events() )->record(
			$ticket_id,
			$type,
			$data,
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
	}
}
