<?php
/**
 * Passing a chat between the bot, the visitor's wish for a person, and the agents.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;

/**
 * The two hand-overs of a chat: from the bot to the people (waiting when someone is online, a
 * message answered by email when nobody is) and from the queue to one agent (take).
 */
final class Handoff {

	/**
	 * Sessions.
	 *
	 * @var Sessions
	 */
	private Sessions $sessions;

	/**
	 * The ticket core.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param Sessions|null      $sessions Sessions.
	 * @param TicketService|null $tickets  The ticket core.
	 */
	public function __construct( ?Sessions $sessions = null, ?TicketService $tickets = null ) {
		$this->sessions = $sessions ?? new Sessions();
		$this->tickets  = $tickets ?? new TicketService();
	}

	/**
	 * Whether a visitor's message asks for a human.
	 */
	public static function asks_for_person( string $text ): bool {
		$pattern = _x( '/\b(human|person|agent|someone|operator|real people)\b/i', 'regular expression matching a request for a human in chat', 'switchboard' );
		return 1 === @preg_match( $pattern, $text ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a broken translation must not break chat.
	}

	/**
	 * Hands the chat to a person when one is available, else turns it into a message answered by email.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function to_people( array $session ): void {
		$bot = new Bot( null, $this->tickets );
		$bot->source()->record_not_deflected( (string) $session['bot_session'], (int) $session['ticket_id'] );
		if ( ( new Presence() )->available() ) {
			$this->sessions->update(
				(int) $session['id'],
				array(
					'status'        => 'waiting',
					'waiting_since' => Time::now(),
				)
			);
			$bot->say( $session, __( 'Connecting you with a person. They will see this whole conversation — no need to repeat yourself.', 'switchboard' ), 'handoff' );
			$this->reopen( (int) $session['ticket_id'] );

			/**
			 * Fires when a chat starts waiting for an agent.
			 *
			 * @since 0.1.0
			 *
			 * @param array<string, mixed> $session Session row.
			 */
			do_action( 'switchboard_chat_waiting', $session );
			return;
		}
		$customer = ( new Customers() )->get( (int) $session['customer_id'] );
		$this->sessions->update( (int) $session['id'], array( 'status' => 'offline' ) );
		$bot->say(
			$session,
			sprintf(
				/* translators: %s: the visitor's email address */
				__( 'Nobody is online right now. Your message is saved as a ticket: add anything else here, and we will answer by email at %s.', 'switchboard' ),
				(string) ( $customer['email'] ?? '' )
			),
			'offline'
		);
		$this->reopen( (int) $session['ticket_id'] );
	}

	/**
	 * Assigns a waiting/bot chat to an agent (when she accepts it, or simply replies).
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function take( array $session, int $user_id ): void {
		if ( in_array( $session['status'], array( 'active', 'ended' ), true ) && (int) $session['agent_id'] === $user_id ) {
			return;
		}
		$set = array( 'agent_id' => $user_id );
		if ( 'ended' !== $session['status'] ) {
			$set['status'] = 'active';
		}
		$this->sessions->update( (int) $session['id'], $set );
		$ticket = $this->tickets->get( (int) $session['ticket_id'] );
		if ( $ticket && 0 === (int) $ticket['assignee_id'] && $user_id > 0 ) {
			$this->tickets->update( (int) $session['ticket_id'], array( 'assignee_id' => $user_id ) );
		}
	}

	/**
	 * The ticket is open again (for people to answer).
	 */
	private function reopen( int $ticket_id ): void {
		$this->tickets->update(
			$ticket_id,
			array( 'status' => Status::OPEN ),
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
	}
}
