<?php
/**
 * The visitor's side of a chat: start, messages, the bot's feedback, hand-off, end.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use WP_Error;

/**
 * The chat state machine as the visitor drives it (statuses: see Sessions). A chat is a ticket
 * with channel "chat": the first message creates it, later ones are added to it. The REST
 * controller (Rest\VisitorController) validates and authenticates the token, then calls this.
 */
final class Conversation {

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
	 * Message reads.
	 *
	 * @var ChatMessages
	 */
	private ChatMessages $messages;

	/**
	 * Hand-overs.
	 *
	 * @var Handoff
	 */
	private Handoff $handoff;

	/**
	 * Constructor.
	 *
	 * @param Sessions|null      $sessions Sessions.
	 * @param TicketService|null $tickets  The ticket core.
	 */
	public function __construct( ?Sessions $sessions = null, ?TicketService $tickets = null ) {
		$this->sessions = $sessions ?? new Sessions();
		$this->tickets  = $tickets ?? new TicketService();
		$this->messages = new ChatMessages();
		$this->handoff  = new Handoff( $this->sessions, $this->tickets );
	}

	/**
	 * Starts a chat for a signed-in customer ($user_id > 0) or a guest who gave her name and
	 * (already validated) email address. Returns [ token, session ].
	 *
	 * @param int                  $user_id Current user, 0 for a guest.
	 * @param array<string, mixed> $visitor name, email, page_url, page_title, user_agent (sanitized).
	 * @return array{0: string, 1: array<string, mixed>}
	 */
	public function start( int $user_id, array $visitor ): array {
		$customers = new Customers();
		if ( $user_id > 0 ) {
			$customer_id = $customers->for_user( $user_id );
		} else {
			$customer_id = $customers->resolve(
				'email',
				(string) $visitor['email'],
				array(
					'name'  => (string) $visitor['name'],
					'email' => (string) $visitor['email'],
				)
			);
		}
		list( $id, $token ) = $this->sessions->create(
			array(
				'customer_id' => $customer_id,
				'user_id'     => $user_id,
				'status'      => 'bot',
				'page_url'    => (string) ( $visitor['page_url'] ?? '' ),
				'page_title'  => (string) ( $visitor['page_title'] ?? '' ),
				'user_agent'  => (string) ( $visitor['user_agent'] ?? '' ),
			)
		);
		$session = (array) $this->sessions->get( $id );
		( new VisitorContext( $this->sessions ) )->capture( $session, (string) $session['page_url'], (string) $session['page_title'] );
		return array( $token, (array) $this->sessions->get( $id ) );
	}

	/**
	 * A fresh copy of a session row.
	 *
	 * @param array<string, mixed> $session Session.
	 * @return array<string, mixed>
	 */
	public function reload( array $session ): array {
		return (array) $this->sessions->get( (int) $session['id'] );
	}

	/**
	 * What the widget shows: status, availability, typing, public messages after $after, unread.
	 *
	 * @param array<string, mixed> $session Session.
	 * @return array<string, mixed>
	 */
	public function state( array $session, int $after ): array {
		return array(
			'status'       => (string) $session['status'],
			'version'      => (int) $session['version'],
			'available'    => ( new Presence() )->available(),
			'typing'       => Sessions::is_typing( $session['agent_typing_at'] ),
			'last_read_id' => (int) $session['last_read_id'],
			'unread'       => $this->messages->unread( $session ),
			'messages'     => (int) $session['ticket_id'] > 0 ? $this->messages->visitor_messages( (int) $session['ticket_id'], $after ) : array(),
		);
	}

	/**
	 * A visitor message: starts the ticket on the first one; the bot answers while it has the chat.
	 *
	 * @param array<string, mixed> $session Session.
	 * @param string               $body    Plain text.
	 * @return array<string, mixed>|WP_Error The session afterwards.
	 */
	public function post( array $session, string $body ) {
		if ( 'ended' === $session['status'] ) {
			return new WP_Error( 'switchboard_chat_ended', __( 'This chat has ended. Please start a new one.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$body = trim( str_replace( "\0", '', $body ) );
		if ( '' === $body ) {
			return new WP_Error( 'switchboard_empty_message', __( 'The message is empty.', 'switchboard' ), array( 'status' => 400 ) );
		}
		$body   = mb_substr( $body, 0, Settings::MAX_LENGTH );
		$stored = $this->store( $session, $body );
		if ( is_wp_error( $stored ) ) {
			return $stored;
		}
		$session = $this->reload( $session );
		$this->sessions->update( (int) $session['id'], array( 'visitor_typing_at' => null ), false, true );

		if ( 'bot' === $session['status'] ) {
			$available = ( new Presence() )->available();
			if ( empty( Settings::get()['bot_enabled'] ) || Handoff::asks_for_person( $body ) ) {
				$this->handoff->to_people( $session );
			} else {
				$this->sessions->update( (int) $session['id'], array( 'bot_query' => mb_substr( $body, 0, 190 ) ), false, false );
				( new Bot( null, $this->tickets ) )->answer( $session, $body, $available );
			}
		}
		return $this->reload( $session );
	}

	/**
	 * Stores the visitor's message: creates the chat ticket on the first one.
	 *
	 * @param array<string, mixed> $session Session.
	 * @param string               $body    Cleaned text.
	 * @return true|WP_Error
	 */
	private function store( array $session, string $body ) {
		$service   = $this->tickets;
		$message   = array(
			'author_type' => 'customer',
			'channel'     => 'chat',
			// Plain text only: stored as text and rendered with textContent, never as HTML.
			'body_text'   => $body,
			'body_html'   => '',
			'meta'        => array( 'page_url' => (string) $session['page_url'] ),
		);
		$ticket_id = (int) $session['ticket_id'];
		if ( $ticket_id > 0 ) {
			$result = $service->add_message( $ticket_id, $message );
			return is_wp_error( $result ) ? $result : true;
		}
		$meta = array( 'chat_session_id' => (int) $session['id'] );
		if ( 0 === (int) $session['user_id'] ) {
			// A guest typed the address in the pre-chat form: the agent is told it is unproven.
			$customer = ( new Customers() )->get( (int) $session['customer_id'] );
			$meta    += SenderCheck::unverified( (string) ( $customer['email'] ?? '' ), SenderCheck::VIA_CHAT );
		}
		$ticket_id = $service->create(
			array(
				'channel'     => 'chat',
				'customer_id' => (int) $session['customer_id'],
				'message'     => $message,
				'meta'        => $meta,
				'actor'       => array(
					'type' => 'customer',
					'id'   => (int) $session['customer_id'],
				),
			)
		);
		if ( is_wp_error( $ticket_id ) ) {
			return $ticket_id;
		}
		$this->sessions->update( (int) $session['id'], array( 'ticket_id' => (int) $ticket_id ) );
		$this->sessions->message_added( (int) $ticket_id, $this->messages->last_message_id( (int) $ticket_id ), false );
		return true;
	}

	/**
	 * "Did this answer your question?" — yes records a deflection, no hands off to a person.
	 *
	 * @param array<string, mixed> $session    Session.
	 * @param int                  $message_id The bot's suggestions message.
	 * @param bool                 $helpful    The answer.
	 * @param int                  $article_id The article that helped (0: the first suggested).
	 * @return array<string, mixed>|WP_Error The session afterwards.
	 */
	public function feedback( array $session, int $message_id, bool $helpful, int $article_id ) {
		$messages = new Messages();
		$message  = $messages->get( $message_id );
		if ( ! $message || (int) $message['ticket_id'] !== (int) $session['ticket_id'] || 'suggestions' !== ( $message['meta']['chat_kind'] ?? '' ) ) {
			return new WP_Error( 'switchboard_message_not_found', __( 'Message not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( ! empty( $message['meta']['feedback'] ) ) {
			return $session;
		}
		$messages->update_meta( (int) $message['id'], array( 'feedback' => $helpful ? 'yes' : 'no' ) );
		if ( ! $helpful ) {
			$this->handoff->to_people( $session );
			return $this->reload( $session );
		}
		$bot         = new Bot( null, $this->tickets );
		$article_ids = array_map( 'intval', array_column( (array) ( $message['meta']['suggestions'] ?? array() ), 'id' ) );
		$article_id  = in_array( $article_id, $article_ids, true ) ? $article_id : (int) ( $article_ids[0] ?? 0 );
		$bot->source()->record_deflection( (string) $session['bot_session'], $article_id, (string) ( $message['meta']['query'] ?? '' ), (int) $session['user_id'] );
		$bot->say( $session, __( 'Glad that helped! Ask me anything else, or close the chat.', 'switchboard' ), 'resolved' );
		$this->tickets->update(
			(int) $session['ticket_id'],
			array( 'status' => Status::SOLVED ),
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
		( new Events() )->record( (int) $session['ticket_id'], 'chat_deflected', array( 'article_id' => $article_id ) );
		return $this->reload( $session );
	}

	/**
	 * "Talk to a person" (once the visitor has asked something).
	 *
	 * @param array<string, mixed> $session Session.
	 * @return array<string, mixed>|WP_Error The session afterwards.
	 */
	public function request_person( array $session ) {
		if ( 0 === (int) $session['ticket_id'] ) {
			return new WP_Error( 'switchboard_chat_no_question', __( 'Please type your question first.', 'switchboard' ), array( 'status' => 409 ) );
		}
		if ( 'bot' === $session['status'] ) {
			$this->handoff->to_people( $session );
		}
		return $this->reload( $session );
	}

	/**
	 * The visitor is typing.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function typing( array $session ): void {
		$this->sessions->update( (int) $session['id'], array( 'visitor_typing_at' => Time::now() ), false, true );
	}

	/**
	 * The visitor has read up to a message; returns what is still unread.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public function read( array $session, int $message_id ): int {
		$this->sessions->mark_read( (int) $session['id'], $message_id );
		return $this->messages->unread( $this->reload( $session ) );
	}

	/**
	 * The page the visitor is on now (shown to the agent).
	 *
	 * @param array<string, mixed> $session    Session.
	 * @param string               $page_url   Sanitized URL.
	 * @param string               $page_title Sanitized title.
	 */
	public function visiting( array $session, string $page_url, string $page_title ): void {
		( new VisitorContext( $this->sessions ) )->capture( $session, $page_url, $page_title );
	}

	/**
	 * The visitor closes the chat, optionally asking for the transcript by email; returns
	 * whether a transcript went out.
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
			if ( (int) $session['ticket_id'] > 0 ) {
				( new Events() )->record(
					(int) $session['ticket_id'],
					'chat_ended',
					array( 'by' => 'visitor' ),
					array(
						'type' => 'customer',
						'id'   => (int) $session['customer_id'],
					)
				);
			}
		}
		if ( $transcript && (int) $session['ticket_id'] > 0 ) {
			return ( new Transcript( $this->tickets ) )->send( (int) $session['ticket_id'] );
		}
		return false;
	}
}
