<?php
/**
 * The agent's side of a chat: presence, the queue, taking a chat, ending it, the transcript.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\People;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use WP_Error;

/**
 * What the inbox's chat routes (Rest\AgentController) do, without the REST layer. Agents reply
 * through the ordinary ticket messages; this covers what is chat-specific.
 */
final class AgentDesk {

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
	 * An agent's status and who is online; with a status it is set first, without one (null)
	 * the call is a heartbeat when $beat is true.
	 *
	 * @param int         $user_id Agent.
	 * @param string|null $status  New status, or null.
	 * @param bool        $beat    Record a heartbeat when no status is given.
	 * @return array{status: string, available: bool, online: array<int, array{id: int, name: string}>}
	 */
	public function presence( int $user_id, ?string $status = null, bool $beat = false ): array {
		$presence = new Presence();
		if ( null !== $status ) {
			$presence->set( $user_id, $status );
		} elseif ( $beat ) {
			$presence->heartbeat( $user_id );
		}
		$online = $presence->online();
		$users  = People::users( $online );
		return array(
			'status'    => $presence->status( $user_id ),
			'available' => $presence->available(),
			'online'    => array_values(
				array_map(
					static fn ( int $id ): array => array(
						'id'   => $id,
						'name' => (string) ( $users[ $id ]['name'] ?? '' ),
					),
					$online
				)
			),
		);
	}

	/**
	 * The open chats for an agent's inbox (a heartbeat for her too). When $since equals the
	 * current fingerprint only the fingerprint comes back, with rows null.
	 *
	 * @return array{0: array{version: string, waiting: int, active: int}, 1: array<int, array<string, mixed>>|null, 2: array<int, array<string, mixed>>}
	 */
	public function queue( int $user_id, string $since ): array {
		$fingerprint = $this->sessions->agent_fingerprint();
		( new Presence() )->heartbeat( $user_id );
		if ( '' !== $since && $since === $fingerprint['version'] ) {
			return array( $fingerprint, null, array() );
		}
		$rows = $this->sessions->open();
		return array( $fingerprint, $rows, ( new Customers() )->get_many( array_map( 'intval', array_column( $rows, 'customer_id' ) ) ) );
	}

	/**
	 * The agent is typing in this chat.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function typing( array $session ): void {
		$this->sessions->update( (int) $session['id'], array( 'agent_typing_at' => Time::now() ), true, false );
	}

	/**
	 * The agent takes the chat: assigned to her, status active.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function accept( array $session, int $user_id ): void {
		( new Handoff( $this->sessions, $this->tickets ) )->take( $session, $user_id );
	}

	/**
	 * Ends the chat from the inbox, optionally emailing the transcript; returns whether it went.
	 *
	 * @param array<string, mixed> $session    Session.
	 * @param bool                 $transcript Email the transcript.
	 */
	public function end( array $session, bool $transcript ): bool {
		if ( 'ended' !== $session['status'] ) {
			$this->sessions->update(
				(int) $session['id'],
				array(
					'status'   => 'ended',
					'ended_at' => Time::now(),
				)
			);
			( new Events() )->record( (int) $session['ticket_id'], 'chat_ended', array( 'by' => 'agent' ) );
		}
		return $transcript && ( new Transcript( $this->tickets ) )->send( (int) $session['ticket_id'] );
	}

	/**
	 * Emails the transcript (public messages only) to the chat's customer; returns the address.
	 *
	 * @param array<string, mixed> $session Session.
	 * @return string|WP_Error
	 */
	public function email_transcript( array $session ) {
		$customer = ( new Customers() )->get( (int) $session['customer_id'] );
		$email    = (string) ( $customer['email'] ?? '' );
		if ( ! is_email( $email ) ) {
			return new WP_Error( 'switchboard_chat_no_email', __( 'This customer has no email address to send the transcript to.', 'switchboard' ), array( 'status' => 409 ) );
		}
		if ( ! ( new Transcript( $this->tickets ) )->send( (int) $session['ticket_id'] ) ) {
			return new WP_Error( 'switchboard_mail_failed', __( 'The email could not be sent.', 'switchboard' ), array( 'status' => 502 ) );
		}
		( new Events() )->record( (int) $session['ticket_id'], 'chat_transcript_sent', array( 'to' => $email ) );
		return $email;
	}
}
