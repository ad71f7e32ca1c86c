<?php
/**
 * The inbox's chat routes: presence, the chat queue, typing, visitor context, accept and end.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\AgentDesk;
use Switchboard\Channels\Chat\Presence;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Rest\Controller;
use Switchboard\Tickets\Customers;
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
	 * The ticket core.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * The agent side's domain service.
	 *
	 * @var AgentDesk
	 */
	private AgentDesk $desk;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets  = $tickets ?? new TicketService();
		$this->sessions = new Sessions();
		$this->desk     = new AgentDesk( $this->sessions, $this->tickets );
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
				'args'   => $ticket,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_session' ),
					'permission_callback' => $agent,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
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
		return rest_ensure_response( $this->desk->presence( get_current_user_id() ) );
	}

	/**
	 * Sets online/away; without a status it is a heartbeat (the inbox sends one every 30 s).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function set_presence( $request ) {
		$status = isset( $request['status'] ) ? (string) $request['status'] : null;
		return rest_ensure_response( $this->desk->presence( get_current_user_id(), $status, true ) );
	}

	/**
	 * Open chats for the inbox. With ?since=<version> and nothing changed: just { version, changed: false }.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function get_queue( $request ) {
		list( $fingerprint, $rows, $customers ) = $this->desk->queue( get_current_user_id(), (string) $request['since'] );
		if ( null === $rows ) {
			return rest_ensure_response( $fingerprint + array( 'changed' => false ) );
		}
		$chats = array();
		foreach ( $rows as $row ) {
			$ticket   = $this->tickets->get( (int) $row['ticket_id'] );
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
		return rest_ensure_response(
			$fingerprint + array(
				'changed' => true,
				'chats'   => $chats,
			)
		);
	}

	/**
	 * Visitor context for the chat panel.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function get_session( $request ) {
		$session = $this->chat( $request );
		return is_wp_error( $session ) ? $session : $this->prepare_item_for_response( $session, $request );
	}

	/**
	 * The agent is typing in this chat.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function typing( $request ) {
		$session = $this->chat( $request );
		if ( is_wp_error( $session ) ) {
			return $session;
		}
		$this->desk->typing( $session );
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * The agent takes the chat: assigned to her, status active, the visitor is told.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function accept( $request ) {
		$session = $this->chat( $request );
		if ( is_wp_error( $session ) ) {
			return $session;
		}
		$this->desk->accept( $session, get_current_user_id() );
		return $this->get_session( $request );
	}

	/**
	 * Ends the chat from the inbox, optionally emailing the transcript.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function end( $request ) {
		$session = $this->chat( $request );
		if ( is_wp_error( $session ) ) {
			return $session;
		}
		$sent = $this->desk->end( $session, (bool) $request['email_transcript'] );
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
		$session = $this->chat( $request );
		if ( is_wp_error( $session ) ) {
			return $session;
		}
		$email = $this->desk->email_transcript( $session );
		if ( is_wp_error( $email ) ) {
			return $email;
		}
		return rest_ensure_response(
			array(
				'transcript_sent'   => true,
				'to'                => $email,
				'confirmation_only' => SenderCheck::is_pending( (int) $session['ticket_id'] ),
			)
		);
	}

	/**
	 * The chat session of the route's ticket, or a 404.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|WP_Error
	 */
	private function chat( $request ) {
		$session = $this->sessions->by_ticket( (int) $request['ticket_id'] );
		if ( ! $session ) {
			return new WP_Error( 'switchboard_chat_not_found', __( 'This ticket is not a chat.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return $session;
	}

	/**
	 * The chat panel's view of a session.
	 *
	 * @param array<string, mixed> $item    Session row.
	 * @param WP_REST_Request      $request Request.
	 * @return \WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$context = json_decode( (string) $item['context'], true );
		$agent   = (int) $item['agent_id'];
		$data    = array(
			'ticket_id'       => (int) $item['ticket_id'],
			'version'         => (int) $item['agent_version'],
			'last_message_id' => (int) $item['last_message_id'],
			'agent_name'      => $agent > 0 ? (string) ( People::users( array( $agent ) )[ $agent ]['name'] ?? '' ) : '',
			'status'          => (string) $item['status'],
			'customer_id'     => (int) $item['customer_id'],
			'user_id'         => (int) $item['user_id'],
			'agent_id'        => (int) $item['agent_id'],
			'page_url'        => (string) $item['page_url'],
			'page_title'      => (string) $item['page_title'],
			'user_agent'      => (string) $item['user_agent'],
			'visitor_typing'  => Sessions::is_typing( $item['visitor_typing_at'] ),
			'visitor_online'  => Sessions::visitor_present( $item ),
			'last_seen_at'    => Time::iso( (string) $item['last_seen_at'] ),
			'waiting_since'   => Time::iso( $item['waiting_since'] ),
			'started_at'      => Time::iso( (string) $item['created_at'] ),
			'ended_at'        => Time::iso( $item['ended_at'] ),
			'context'         => is_array( $context ) ? $context : new \stdClass(),
		);
		return rest_ensure_response( $this->filter_response_by_context( $data, 'view' ) );
	}

	/**
	 * The chat session as the inbox's chat panel sees it.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$types      = array(
			'integer' => array( 'ticket_id', 'version', 'last_message_id', 'customer_id', 'user_id', 'agent_id' ),
			'string'  => array( 'agent_name', 'status', 'page_url', 'page_title', 'user_agent' ),
			'boolean' => array( 'visitor_typing', 'visitor_online' ),
			'date'    => array( 'last_seen_at', 'waiting_since', 'started_at', 'ended_at' ),
		);
		$properties = array();
		foreach ( $types as $type => $keys ) {
			foreach ( $keys as $key ) {
				$properties[ $key ] = 'date' === $type ? array(
					'type'   => array( 'string', 'null' ),
					'format' => 'date-time',
				) : array( 'type' => $type );
			}
		}
		$properties['status']['enum'] = Sessions::STATUSES;
		$properties['context']        = array(
			'description' => __( 'Pages the visitor opened, and what other modules add (her cart).', 'switchboard' ),
			'type'        => 'object',
		);
		foreach ( $properties as $key => $property ) {
			$properties[ $key ] = $property + array(
				'context'  => array( 'view' ),
				'readonly' => true,
			);
		}
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_chat_session',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => $properties,
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
