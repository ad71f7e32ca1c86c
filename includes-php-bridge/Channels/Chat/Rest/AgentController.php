<?php
/**
 * The inbox's chat routes: presence, the chat queue, typing, visitor context, accept and end.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\Presence;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Channels\Chat\Transcript;
use Switchboard\Rest\Controller;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\People;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

/**
 * Agents reply to chats through the ordinary POST /tickets/<id>/messages: a chat is a ticket with
 * channel "chat", so the reply becomes a chat message the visitor's next poll picks up. These
 * routes add what is chat-specific. Every route requires the switchboard_agent capability.
 */
final class AgentController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'chat';

	/**
	 * Sessions.
	 *
	 * @var Sessions
	 */
	private Sessions $sessions;

	/**
	 * Constructor.
	 */
	public function __construct() {
		$this->sessions = new Sessions();
	}

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		$agent  = array( $this, 'check_agent' );
		$ticket = array(
			'ticket_id' => array(
				'type'     => 'integer',
				'required' => true,
			),
		);
		register_rest_route(
			$this->namespace,
			'/chat/presence',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_presence' ),
					'permission_callback' => $agent,
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'set_presence' ),
					'permission_callback' => $agent,
					'args'                => array(
						'status' => array(
							'type' => 'string',
							'enum' => Presence::STATUSES,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/chat/queue',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_queue' ),
					'permission_callback' => $agent,
					'args'                => array(
						'since' => array(
							'type'    => 'string',
							'default' => '',
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/chat/sessions/(?P<ticket_id>\d+)',
			array(
				'args' => $ticket,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_session' ),
					'permission_callback' => $agent,
				),
			)
		);
		foreach ( array( 'typing', 'accept', 'end', 'transcript' ) as $action ) {
			register_rest_route(
				$this->namespace,
				'/chat/sessions/(?P<ticket_id>\d+)/' . $action,
				array(
					'args' => $ticket,
					array(
						'methods'             => WP_REST_Server::CREATABLE,
						'callback'            => array( $this, $action ),
						'permission_callback' => $agent,
						'args'                => 'end' === $action ? array(
							'email_transcript' => array(
								'type'    => 'boolean',
								'default' => false,
							),
						) : array(),
					),
				)
			);
		}
	}

	/**
	 * The current agent's status and who is online.
	 *
	 * @return \WP_REST_Response
	 */
	public function get_presence() {
		$presence = new Presence();
		return rest_ensure_response( $this->presence_state( $presence ) );
	}

	/**
	 * Sets online/away; without a status it is a heartbeat (the inbox sends one every 30 s).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function set_presence( $request ) {
		$presence = new Presence();
		$user_id  = get_current_user_id();
		if ( isset( $request['status'] ) ) {
			$presence->set( $user_id, (string) $request['status'] );
		} else {
			$presence->heartbeat( $user_id );
		}
		return rest_ensure_response( $this->presence_state( $presence ) );
	}

	/**
	 * Presence payload.
	 *
	 * @return array<string, mixed>
	 */
	private function presence_state( Presence $presence ): array {
		$online = $presence->online();
		$users  = People::users( $online );
		return array(
			'status'    => $presence->status( get_current_user_id() ),
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
	 * Open chats for the inbox. With ?since=<version> and nothing changed: just { version, changed: false }.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function get_queue( $request ) {
		$fingerprint = $this->sessions->agent_fingerprint();
		( new Presence() )->heartbeat( get_current_user_id() );
		if ( '' !== (string) $request['since'] && (string) $request['since'] === $fingerprint['version'] ) {
			return rest_ensure_response( $fingerprint + array( 'changed' => false ) );
		}
		$rows      = $this->sessions->open();
		$customers = ( new Customers() )->get_many( array_map( 'intval', array_column( $rows, 'customer_id' ) ) );
		$tickets   = new TicketService();
		$chats     = array();
		foreach ( $rows as $row ) {
			$ticket   = $tickets->get( (int) $row['ticket_id'] );
			$customer = $customers[ (int) $row['customer_id'] ] ?? null;
			$chats[]  = array(
				'ticket_id'       => (int) $row['ticket_id'],
				'status'          => (string) $row['status'],
				'subject'         => (string) ( $ticket['subject'] ?? '' ),
				'preview'         => (string) ( $ticket['preview'] ?? '' ),
				'customer'        => array(
					'id'    => (int) $row['customer_id'],
					'name'  => $customer ? Customers::display_name( $customer ) : '',
					'email' => (string) ( $customer['email'] ?? '' ),
				),
				'agent_id'        => (int) $row['agent_id'],
				'waiting_since'   => Time::iso( $row['waiting_since'] ),
				'last_message_id' => (int) $row['last_message_id'],
				'visitor_typing'  => Sessions::is_typing( $row['visitor_typing_at'] ),
				'visitor_online'  => Sessions::visitor_present( $row ),
				'page_url'        => (string) $row['page_url'],
				'page_title'      => (string) $row['page_title'],
				'updated_at'      => Time::iso( (string) $row['updated_at'] ),
			);
		}
		$response = rest_ensure_response(
			$fingerprint + array(
				'changed' => true,
				'chats'   => $chats,
			)
		);
		return $response;
	}

	/**
	 * Visitor context for the chat panel.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function get_session( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$context = json_decode( (string) $session['context'], true );
		$agent   = (int) $session['agent_id'];
		return rest_ensure_response(
			array(
				'ticket_id'       => (int) $session['ticket_id'],
				'version'         => (int) $session['agent_version'],
				'last_message_id' => (int) $session['last_message_id'],
				'agent_name'      => $agent > 0 ? (string) ( People::users( array( $agent ) )[ $agent ]['name'] ?? '' ) : '',
				'status'          => (string) $session['status'],
				'customer_id'     => (int) $session['customer_id'],
				'user_id'         => (int) $session['user_id'],
				'agent_id'        => (int) $session['agent_id'],
				'page_url'        => (string) $session['page_url'],
				'page_title'      => (string) $session['page_title'],
				'user_agent'      => (string) $session['user_agent'],
				'visitor_typing'  => Sessions::is_typing( $session['visitor_typing_at'] ),
				'visitor_online'  => Sessions::visitor_present( $session ),
				'last_seen_at'    => Time::iso( (string) $session['last_seen_at'] ),
				'waiting_since'   => Time::iso( $session['waiting_since'] ),
				'started_at'      => Time::iso( (string) $session['created_at'] ),
				'ended_at'        => Time::iso( $session['ended_at'] ),
				'context'         => is_array( $context ) ? $context : new \stdClass(),
			)
		);
	}

	/**
	 * The agent is typing in this chat.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function typing( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$this->sessions->update( (int) $session['id'], array( 'agent_typing_at' => Time::now() ), true, false );
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * The agent takes the chat: assigned to her, status active, the visitor is told.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function accept( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
		self::take( $session, get_current_user_id() );
		return $this->get_session( $request );
	}

	/**
	 * Ends the chat from the inbox, optionally emailing the transcript.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function end( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
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
		$sent = $request['email_transcript'] ? ( new Transcript() )->send( (int) $session['ticket_id'] ) : false;
		return rest_ensure_response(
			array(
				'ended'             => true,
				'transcript_sent'   => $sent,
				// An address a guest typed gets the confirmation link instead of the chat's words.
				'confirmation_only' => $sent && SenderCheck::is_pending( (int) $session['ticket_id'] ),
			)
		);
	}

	/**
	 * Emails the transcript (public messages only) to the chat's customer.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function transcript( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$customer = ( new Customers() )->get( (int) $session['customer_id'] );
		$email    = (string) ( $customer['email'] ?? '' );
		if ( ! is_email( $email ) ) {
			return new WP_Error( 'switchboard_chat_no_email', __( 'This customer has no email address to send the transcript to.', 'switchboard' ), array( 'status' => 409 ) );
		}
		if ( ! ( new Transcript() )->send( (int) $session['ticket_id'] ) ) {
			return new WP_Error( 'switchboard_mail_failed', __( 'The email could not be sent.', 'switchboard' ), array( 'status' => 502 ) );
		}
		( new Events() )->record( (int) $session['ticket_id'], 'chat_transcript_sent', array( 'to' => $email ) );
		return rest_ensure_response(
			array(
				'transcript_sent'   => true,
				'to'                => $email,
				'confirmation_only' => SenderCheck::is_pending( (int) $session['ticket_id'] ),
			)
		);
	}

	/**
	 * Assigns a waiting/bot chat to an agent (also called when an agent simply replies).
	 *
	 * @param array<string, mixed> $session Session.
	 */
	public static function take( array $session, int $user_id ): void {
		if ( in_array( $session['status'], array( 'active', 'ended' ), true ) && (int) $session['agent_id'] === $user_id ) {
			return;
		}
		$sessions = new Sessions();
		$set      = array( 'agent_id' => $user_id );
		if ( 'ended' !== $session['status'] ) {
			$set['status'] = 'active';
		}
		$sessions->update( (int) $session['id'], $set );
		$ticket = ( new TicketService() )->get( (int) $session['ticket_id'] );
		if ( $ticket && 0 === (int) $ticket['assignee_id'] && $user_id > 0 ) {
			( new TicketService() )->update( (int) $session['ticket_id'], array( 'assignee_id' => $user_id ) );
		}
	}
}
