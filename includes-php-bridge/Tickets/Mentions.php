<?php
/**
 * Agent mentions in private notes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Auth\Capabilities;
use Switchboard\Mail\MentionMail;

/**
 * Listens for new messages: an agent @mentioned (by login) in a private note gets an email with a
 * link to the ticket, and the ticket's timeline records who was mentioned.
 */
final class Mentions {

	/**
	 * Before every other listener of switchboard_message_created, so the mention event and
	 * switchboard_agents_mentioned come before them, as when TicketService sent them itself.
	 */
	public const PRIORITY = PHP_INT_MIN;

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * Constructor.
	 *
	 * @param Events|null $events Event log.
	 */
	public function __construct( ?Events $events = null ) {
		$this->events = $events ?? new Events();
	}

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'switchboard_message_created', array( $this, 'on_message' ), self::PRIORITY, 3 );
	}

	/**
	 * A stored message: private notes are scanned for @mentions.
	 *
	 * @param int                  $message_id Message id.
	 * @param array<string, mixed> $message    Message row (meta decoded).
	 * @param array<string, mixed> $ticket     Ticket row.
	 */
	public function on_message( $message_id, $message, $ticket ): void {
		if ( ! is_array( $message ) || ! is_array( $ticket ) || empty( $message['is_private'] ) ) {
			return;
		}
		$this->notify( $ticket, $message, (string) ( $message['body_text'] ?? '' ) );
	}

	/**
	 * Emails agents @mentioned in a private note and records the mention.
	 *
	 * @param array<string, mixed> $ticket  Ticket.
	 * @param array<string, mixed> $message Message.
	 */
	private function notify( array $ticket, array $message, string $text ): void {
		if ( ! preg_match_all( '/(?<![\w.])@([A-Za-z0-9_.\-]{2,60})/', $text, $matches ) ) {
			return;
		}
		$mentioned = array();
		foreach ( array_unique( $matches[1] ) as $login ) {
			$user = get_user_by( 'login', rtrim( $login, '.' ) );
			if ( ! $user || ! user_can( $user, Capabilities::AGENT ) || (int) $user->ID === (int) $message['author_id'] ) {
				continue;
			}
			$mentioned[] = (int) $user->ID;
			// One outbound path: the mention is a mail kind of the registry (plain, to an agent).
			( new MentionMail( $ticket, $user, $text ) )->send();
		}
		if ( $mentioned ) {
			$this->events->record(
				(int) $ticket['id'],
				'mentioned',
				array(
					'users'      => $mentioned,
					'message_id' => (int) $message['id'],
				)
			);

			/**
			 * Fires when agents were @mentioned in a private note.
			 *
			 * @since 0.1.0
			 *
			 * @param int[]                $user_ids Mentioned agents.
			 * @param array<string, mixed> $message  The note.
			 * @param array<string, mixed> $ticket   The ticket.
			 */
			do_action( 'switchboard_agents_mentioned', $mentioned, $message, $ticket );
		}
	}
}
