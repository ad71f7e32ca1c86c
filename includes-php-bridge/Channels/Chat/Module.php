<?php
/**
 * Live chat: storefront widget, knowledge-base bot, agent presence and polling transport.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Infrastructure\Registerable;
use Switchboard\Services;

/**
 * Wires the chat channel. A chat is a ticket with channel "chat": the transcript is the ticket's
 * messages, so agents answer it in the same inbox and timeline as every other channel.
 */
final class Module implements Registerable {

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
	 * Hooks. Apart from the visitor ping (answered right here, see FastPing) nothing queries.
	 */
	public function register(): void {
		FastPing::maybe_answer();

		add_action( 'switchboard_message_created', array( $this, 'on_message' ), 10, 3 );
		add_action( 'switchboard_deliver_message', array( $this, 'deliver' ), 10, 2 );
		( new Widget() )->register();
		( new MenuBadge() )->register();
		add_action( 'switchboard_installed', array( self::class, 'autoload_settings' ) );
	}

	/**
	 * The widget reads its settings on every storefront page: keep them in the autoloaded
	 * options, so pages that are not the helpdesk's pay no query for them.
	 */
	public static function autoload_settings(): void {
		if ( false === get_option( Settings::OPTION ) ) {
			add_option( Settings::OPTION, array(), '', true );
		}
	}


	/**
	 * Any message on a chat ticket bumps the session's versions; an agent's public reply takes
	 * the chat (assigns it and makes it active).
	 *
	 * @param int                  $message_id Message id.
	 * @param array<string, mixed> $message    Message.
	 * @param array<string, mixed> $ticket     Ticket.
	 */
	public function on_message( int $message_id, array $message, array $ticket ): void {
		if ( 'chat' !== ( $ticket['channel'] ?? '' ) ) {
			return;
		}
		$sessions = new Sessions();
		$sessions->message_added( (int) $ticket['id'], $message_id, ! empty( $message['is_private'] ) );
		if ( 'agent' === $message['author_type'] && empty( $message['is_private'] ) ) {
			$session = $sessions->by_ticket( (int) $ticket['id'] );
			if ( $session && in_array( $session['status'], array( 'bot', 'waiting' ), true ) ) {
				( new Handoff( $sessions, $this->services->tickets() ) )->take( $session, (int) $message['author_id'] );
			} elseif ( $session && 0 === (int) $session['agent_id'] ) {
				$sessions->update( (int) $session['id'], array( 'agent_id' => (int) $message['author_id'] ) );
			}
			if ( $session ) {
				// The reply ends the agent's typing indicator.
				$sessions->update( (int) $session['id'], array( 'agent_typing_at' => null ), true, false );
			}
		}
	}

	/**
	 * Delivers a chat reply: the visitor's next poll fetches it while she is on the site; when she
	 * has left (or left a message because nobody was online) it goes to her by email.
	 *
	 * @param array<string, mixed> $message Message.
	 * @param array<string, mixed> $ticket  Ticket.
	 */
	public function deliver( array $message, array $ticket ): void {
		if ( 'chat' !== ( $message['channel'] ?? '' ) ) {
			return;
		}
		$messages = $this->services->messages();
		$session  = ( new Sessions() )->by_ticket( (int) $ticket['id'] );
		if ( 'bot' === $message['author_type'] ) {
			$messages->set_delivery_status( (int) $message['id'], 'delivered' );
			return;
		}
		if ( $session && 'offline' !== $session['status'] && Sessions::visitor_present( $session ) ) {
			$messages->set_delivery_status( (int) $message['id'], 'delivered' );
			return;
		}
		$sent = ( new Transcript( $this->services->tickets() ) )->send_reply( $message, $ticket );
		$messages->set_delivery_status( (int) $message['id'], $sent ? 'sent' : 'failed', $sent ? '' : __( 'The email could not be sent.', 'switchboard' ) );
	}
}
