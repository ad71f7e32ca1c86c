<?php
/**
 * The storefront widget's REST routes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat\Rest;

use Switchboard\Channels\Chat\Bot;
use Switchboard\Channels\Chat\Presence;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Channels\Chat\Settings;
use Switchboard\Channels\Chat\Transcript;
use Switchboard\Rest\Controller;
use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

/**
 * Why these routes are public: a storefront visitor is usually a guest, so she cannot have a
 * WordPress login. Starting a chat is open (rate-limited per IP); every later call carries the
 * random 256-bit visitor token returned once at start (header X-Switchboard-Chat-Token), stored
 * only as its SHA-256, and is rate-limited per visitor. A token reads and writes exactly one chat
 * and only its public messages.
 */
final class VisitorController extends Controller {

	public const TOKEN_HEADER = 'X-Switchboard-Chat-Token';

	/**
	 * Pages visited kept in a session's context.
	 */
	public const PAGES_KEPT = 20;

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
		$visitor = array( $this, 'check_visitor' );
		$routes  = array(
			'/session'  => array(
				array( WP_REST_Server::CREATABLE, 'start', array( $this, 'check_start' ), $this->start_args() ),
				array(
					WP_REST_Server::READABLE,
					'get_state',
					$visitor,
					array(
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					),
				),
			),
			'/ping'     => array( array( WP_REST_Server::READABLE, 'ping', $visitor, array() ) ),
			'/messages' => array(
				array(
					WP_REST_Server::CREATABLE,
					'post_message',
					$visitor,
					array(
						'body'  => array(
							'type'      => 'string',
							'required'  => true,
							'minLength' => 1,
							'maxLength' => Settings::MAX_LENGTH,
						),
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					),
				),
			),
			'/feedback' => array(
				array(
					WP_REST_Server::CREATABLE,
					'feedback',
					$visitor,
					array(
						'message_id' => array(
							'type'     => 'integer',
							'required' => true,
							'minimum'  => 1,
						),
						'helpful'    => array(
							'type'     => 'boolean',
							'required' => true,
						),
						'article_id' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					),
				),
			),
			'/handoff'  => array( array( WP_REST_Server::CREATABLE, 'handoff', $visitor, array() ) ),
			'/typing'   => array( array( WP_REST_Server::CREATABLE, 'typing', $visitor, array() ) ),
			'/read'     => array(
				array(
					WP_REST_Server::CREATABLE,
					'read',
					$visitor,
					array(
						'message_id' => array(
							'type'     => 'integer',
							'required' => true,
							'minimum'  => 0,
						),
					),
				),
			),
			'/context'  => array(
				array(
					WP_REST_Server::CREATABLE,
					'context',
					$visitor,
					array(
						'page_url'   => array(
							'type'      => 'string',
							'format'    => 'uri',
							'maxLength' => 2048,
						),
						'page_title' => array(
							'type'      => 'string',
							'maxLength' => 255,
						),
					),
				),
			),
			'/end'      => array(
				array(
					WP_REST_Server::CREATABLE,
					'end',
					$visitor,
					array(
						'email_transcript' => array(
							'type'    => 'boolean',
							'default' => false,
						),
					),
				),
			),
		);
		foreach ( $routes as $path => $endpoints ) {
			$args = array();
			foreach ( $endpoints as list( $methods, $callback, $permission, $endpoint_args ) ) {
				$args[] = array(
					'methods'             => $methods,
					'callback'            => array( $this, $callback ),
					'permission_callback' => $permission,
					'args'                => $endpoint_args,
				);
			}
			register_rest_route( $this->namespace, '/' . $this->rest_base . $path, $args );
		}
	}

	/**
	 * Arguments of "start a chat".
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function start_args(): array {
		return array(
			'name'       => array(
				'type'      => 'string',
				'maxLength' => 100,
			),
			'email'      => array(
				'type'      => 'string',
				'format'    => 'email',
				'maxLength' => 190,
			),
			'page_url'   => array(
				'type'      => 'string',
				'format'    => 'uri',
				'maxLength' => 2048,
			),
			'page_title' => array(
				'type'      => 'string',
				'maxLength' => 255,
			),
		);
	}

	/**
	 * Permission to start a chat: chat enabled, and at most 20 new chats per IP per 10 minutes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_start( $request ) {
		if ( empty( Settings::get()['enabled'] ) ) {
			return new WP_Error( 'switchboard_chat_disabled', __( 'Chat is not available.', 'switchboard' ), array( 'status' => 403 ) );
		}
		$unknown = $this->reject_unknown_fields( $request, array_keys( $this->start_args() ) );
		if ( true !== $unknown ) {
			return $unknown;
		}
		return RateLimiter::hit( 'chat_start:ip:' . RateLimiter::ip(), 20, 600 );
	}

	/**
	 * Permission: a valid visitor token; at most 60 calls a minute per chat (the ping is free).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function check_visitor( $request ) {
		$session = $this->session( $request );
		if ( null === $session ) {
			return new WP_Error( 'switchboard_chat_invalid_token', __( 'This chat has expired. Please start a new one.', 'switchboard' ), array( 'status' => 401 ) );
		}
		if ( 'GET' === $request->get_method() ) {
			return true;
		}
		return RateLimiter::hit( 'chat:' . $session['id'], 60, 60 );
	}

	/**
	 * Starts a chat: logged-in customers are recognised, guests give a name and email.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function start( $request ) {
		$user_id = get_current_user_id();
		if ( $user_id > 0 ) {
			$customer_id = ( new Customers() )->for_user( $user_id );
		} else {
			$name  = trim( sanitize_text_field( (string) $request['name'] ) );
			$email = sanitize_email( (string) $request['email'] );
			if ( '' === $name || '' === $email || ! is_email( $email ) ) {
				return new WP_Error(
					'switchboard_chat_prechat_required',
					__( 'Please tell us your name and email address.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array_filter(
							array(
								'name'  => '' === $name ? __( 'Required.', 'switchboard' ) : null,
								'email' => is_email( $email ) ? null : __( 'A valid email address is required.', 'switchboard' ),
							)
						),
					)
				);
			}
			$customer_id = ( new Customers() )->resolve(
				'email',
				$email,
				array(
					'name'  => $name,
					'email' => $email,
				)
			);
		}

		list( $id, $token ) = $this->sessions->create(
			array(
				'customer_id' => $customer_id,
				'user_id'     => $user_id,
				'status'      => 'bot',
				'page_url'    => esc_url_raw( (string) $request['page_url'] ),
				'page_title'  => sanitize_text_field( (string) $request['page_title'] ),
				'user_agent'  => isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '',
			)
		);
		$session            = (array) $this->sessions->get( $id );
		$this->capture_context( $session, (string) $session['page_url'], (string) $session['page_title'] );
		$session = (array) $this->sessions->get( $id );

		$response = rest_ensure_response( array( 'token' => $token ) + $this->state( $session, 0 ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Full state with messages after ?after=.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function get_state( $request ) {
		$session = (array) $this->session( $request );
		$this->sessions->seen( (int) $session['id'] );
		return rest_ensure_response( $this->state( $session, (int) $request['after'] ) );
	}

	/**
	 * "Anything new?" (normally answered before WordPress finishes booting, see FastPing).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function ping( $request ) {
		$session = (array) $this->session( $request );
		$this->sessions->seen( (int) $session['id'] );
		return rest_ensure_response( \Switchboard\Channels\Chat\FastPing::payload( $session, ( new Presence() )->available() ) );
	}

	/**
	 * A visitor message: starts the ticket on the first one; the bot answers while it has the chat.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function post_message( $request ) {
		$session = (array) $this->session( $request );
		if ( 'ended' === $session['status'] ) {
			return new WP_Error( 'switchboard_chat_ended', __( 'This chat has ended. Please start a new one.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$body = trim( str_replace( "\0", '', (string) $request['body'] ) );
		if ( '' === $body ) {
			return new WP_Error( 'switchboard_empty_message', __( 'The message is empty.', 'switchboard' ), array( 'status' => 400 ) );
		}
		$body = mb_substr( $body, 0, Settings::MAX_LENGTH );

		$service   = new TicketService();
		$message   = array(
			'author_type' => 'customer',
			'channel'     => 'chat',
			// Plain text only: stored as text and rendered with textContent, never as HTML.
			'body_text'   => $body,
			'body_html'   => '',
			'meta'        => array( 'page_url' => (string) $session['page_url'] ),
		);
		$ticket_id = (int) $session['ticket_id'];
		if ( 0 === $ticket_id ) {
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
			$this->sessions->message_added( (int) $ticket_id, (int) $this->last_message_id( (int) $ticket_id ), false );
		} else {
			$result = $service->add_message( $ticket_id, $message );
			if ( is_wp_error( $result ) ) {
				return $result;
			}
		}
		$session = (array) $this->sessions->get( (int) $session['id'] );
		$this->sessions->update( (int) $session['id'], array( 'visitor_typing_at' => null ), false, true );

		if ( 'bot' === $session['status'] ) {
			$available = ( new Presence() )->available();
			if ( empty( Settings::get()['bot_enabled'] ) || self::asks_for_person( $body ) ) {
				$this->do_handoff( $session );
			} else {
				$this->sessions->update( (int) $session['id'], array( 'bot_query' => mb_substr( $body, 0, 190 ) ), false, false );
				( new Bot() )->answer( $session, $body, $available );
			}
		}

		$session  = (array) $this->sessions->get( (int) $session['id'] );
		$response = rest_ensure_response( $this->state( $session, (int) $request['after'] ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * "Did this answer your question?" — yes records a deflection, no hands off to a person.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function feedback( $request ) {
		$session = (array) $this->session( $request );
		$message = ( new Messages() )->get( (int) $request['message_id'] );
		if ( ! $message || (int) $message['ticket_id'] !== (int) $session['ticket_id'] || 'suggestions' !== ( $message['meta']['chat_kind'] ?? '' ) ) {
			return self::not_found( 'message' );
		}
		if ( ! empty( $message['meta']['feedback'] ) ) {
			return rest_ensure_response( $this->state( $session, 0 ) );
		}
		$helpful = (bool) $request['helpful'];
		( new Messages() )->update_meta( (int) $message['id'], array( 'feedback' => $helpful ? 'yes' : 'no' ) );
		$bot = new Bot();
		if ( $helpful ) {
			$article_ids = array_map( 'intval', array_column( (array) ( $message['meta']['suggestions'] ?? array() ), 'id' ) );
			$article_id  = in_array( (int) $request['article_id'], $article_ids, true ) ? (int) $request['article_id'] : (int) ( $article_ids[0] ?? 0 );
			$bot->source()->record_deflection( (string) $session['bot_session'], $article_id, (string) ( $message['meta']['query'] ?? '' ), (int) $session['user_id'] );
			$bot->say( $session, __( 'Glad that helped! Ask me anything else, or close the chat.', 'switchboard' ), 'resolved' );
			( new TicketService() )->update(
				(int) $session['ticket_id'],
				array( 'status' => Status::SOLVED ),
				array(
					'type' => 'system',
					'id'   => 0,
				)
			);
			( new \Switchboard\Tickets\Events() )->record( (int) $session['ticket_id'], 'chat_deflected', array( 'article_id' => $article_id ) );
		} else {
			$this->do_handoff( $session );
		}
		return rest_ensure_response( $this->state( (array) $this->sessions->get( (int) $session['id'] ), 0 ) );
	}

	/**
	 * "Talk to a person".
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|WP_Error
	 */
	public function handoff( $request ) {
		$session = (array) $this->session( $request );
		if ( 0 === (int) $session['ticket_id'] ) {
			return new WP_Error( 'switchboard_chat_no_question', __( 'Please type your question first.', 'switchboard' ), array( 'status' => 409 ) );
		}
		if ( 'bot' === $session['status'] ) {
			$this->do_handoff( $session );
		}
		return rest_ensure_response( $this->state( (array) $this->sessions->get( (int) $session['id'] ), 0 ) );
	}

	/**
	 * Hands the chat to a person when one is available, else turns it into a message answered by email.
	 *
	 * @param array<string, mixed> $session Session.
	 */
	private function do_handoff( array $session ): void {
		$bot = new Bot();
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
			( new TicketService() )->update(
				(int) $session['ticket_id'],
				array( 'status' => Status::OPEN ),
				array(
					'type' => 'system',
					'id'   => 0,
				)
			);

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
		( new TicketService() )->update(
			(int) $session['ticket_id'],
			array( 'status' => Status::OPEN ),
			array(
				'type' => 'system',
				'id'   => 0,
			)
		);
	}

	/**
	 * The visitor is typing.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function typing( $request ) {
		$session = (array) $this->session( $request );
		$this->sessions->update( (int) $session['id'], array( 'visitor_typing_at' => Time::now() ), false, true );
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * The visitor has read up to a message (unread counts survive reloads and devices).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function read( $request ) {
		global $wpdb;
		$session = (array) $this->session( $request );
		$wpdb->query(
			$wpdb->prepare(
				'UPDATE ' . \Switchboard\Db\Schema::table( 'chat_sessions' ) . ' SET last_read_id = GREATEST(last_read_id, LEAST(last_message_id, %d)) WHERE id = %d',
				(int) $request['message_id'],
				(int) $session['id']
			)
		);
		return rest_ensure_response( array( 'unread' => $this->unread( (array) $this->sessions->get( (int) $session['id'] ) ) ) );
	}

	/**
	 * The page the visitor is on (shown to the agent).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function context( $request ) {
		$session = (array) $this->session( $request );
		$this->capture_context( $session, esc_url_raw( (string) $request['page_url'] ), mb_substr( sanitize_text_field( (string) $request['page_title'] ), 0, 255 ) );
		return rest_ensure_response( array( 'ok' => true ) );
	}

	/**
	 * Stores the visitor's current page, the pages she visited (the last PAGES_KEPT) and whatever
	 * `switchboard_chat_visitor_context` adds (the WooCommerce module adds her cart and orders).
	 * Runs inside the visitor's own request only (start and /context).
	 *
	 * @param array<string, mixed> $session    Session row.
	 * @param string               $page_url   Current page (already sanitized).
	 * @param string               $page_title Its title (already sanitized).
	 */
	private function capture_context( array $session, string $page_url, string $page_title ): void {
		$old   = json_decode( (string) ( $session['context'] ?? '' ), true );
		$pages = is_array( $old ) && isset( $old['pages'] ) && is_array( $old['pages'] ) ? $old['pages'] : array();
		$last  = end( $pages );
		if ( '' !== $page_url && ( ! is_array( $last ) || ( $last['url'] ?? '' ) !== $page_url ) ) {
			$pages[] = array(
				'url'   => $page_url,
				'title' => $page_title,
				'at'    => gmdate( 'Y-m-d\TH:i:s\Z' ),
			);
		}
		$pages = array_slice( $pages, -self::PAGES_KEPT );

		/**
		 * Filters extra visitor context stored for agents (e.g. a cart snapshot). Runs in the
		 * visitor's own request (chat start and every page she opens while chatting), so it may
		 * read her cart; it must only ever add the visitor's own data.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, mixed> $context Extra context (JSON-serializable).
		 * @param array<string, mixed> $session Session row.
		 */
		$extra = apply_filters( 'switchboard_chat_visitor_context', array(), $session );
		$extra = is_array( $extra ) ? $extra : array();
		unset( $extra['pages'] );
		$set = array( 'context' => (string) wp_json_encode( array( 'pages' => $pages ) + $extra ) );
		if ( '' !== $page_url ) {
			$set['page_url']   = $page_url;
			$set['page_title'] = $page_title;
		}
		$this->sessions->update( (int) $session['id'], $set, false, true );
	}

	/**
	 * The visitor closes the chat, optionally asking for the transcript by email.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @return \WP_REST_Response
	 */
	public function end( $request ) {
		$session = (array) $this->session( $request );
		if ( 'ended' !== $session['status'] ) {
			$this->sessions->update(
				(int) $session['id'],
				array(
					'status'   => 'ended',
					'ended_at' => Time::now(),
				)
			);
			if ( (int) $session['ticket_id'] > 0 ) {
				( new \Switchboard\Tickets\Events() )->record(
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
		$sent = false;
		if ( $request['email_transcript'] && (int) $session['ticket_id'] > 0 ) {
			$sent = ( new Transcript() )->send( (int) $session['ticket_id'] );
		}
		return rest_ensure_response(
			array(
				'ended'           => true,
				'transcript_sent' => $sent,
			)
		);
	}

	/**
	 * What the widget shows: status, availability, typing, public messages after $after, unread.
	 *
	 * @param array<string, mixed> $session Session.
	 * @return array<string, mixed>
	 */
	private function state( array $session, int $after ): array {
		return array(
			'status'       => (string) $session['status'],
			'version'      => (int) $session['version'],
			'available'    => ( new Presence() )->available(),
			'typing'       => Sessions::is_typing( $session['agent_typing_at'] ),
			'last_read_id' => (int) $session['last_read_id'],
			'unread'       => $this->unread( $session ),
			'messages'     => (int) $session['ticket_id'] > 0 ? self::visitor_messages( (int) $session['ticket_id'], $after ) : array(),
		);
	}

	/**
	 * Public messages after an id, shaped for the widget (text only).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function visitor_messages( int $ticket_id, int $after ): array {
		global $wpdb;
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT id, ticket_id, author_type, author_id, body_text, meta, created_at FROM ' . \Switchboard\Db\Schema::table( 'messages' ) . ' WHERE ticket_id = %d AND is_private = 0 AND id > %d ORDER BY id LIMIT 200',
				$ticket_id,
				$after
			),
			ARRAY_A
		);
		$users = \Switchboard\Tickets\People::users( array_map( 'intval', array_column( (array) $rows, 'author_id' ) ) );
		$out   = array();
		foreach ( (array) $rows as $row ) {
			$meta = json_decode( (string) $row['meta'], true );
			$meta = is_array( $meta ) ? $meta : array();
			$type = (string) $row['author_type'];
			$name = __( 'You', 'switchboard' );
			if ( 'agent' === $type ) {
				$name = (string) ( $users[ (int) $row['author_id'] ]['name'] ?? __( 'Support', 'switchboard' ) );
			} elseif ( 'bot' === $type || 'system' === $type ) {
				$name = __( 'Assistant', 'switchboard' );
			}
			$item = array(
				'id'         => (int) $row['id'],
				'author'     => array(
					'type' => $type,
					'name' => $name,
				),
				'text'       => (string) $row['body_text'],
				'created_at' => Time::iso( (string) $row['created_at'] ),
				'kind'       => (string) ( $meta['chat_kind'] ?? '' ),
			);
			if ( 'suggestions' === $item['kind'] ) {
				$item['suggestions'] = array_map(
					static fn ( array $s ): array => array(
						'id'      => (int) $s['id'],
						'title'   => (string) $s['title'],
						'excerpt' => (string) $s['excerpt'],
						'url'     => esc_url_raw( (string) $s['url'] ),
					),
					(array) ( $meta['suggestions'] ?? array() )
				);
				$item['feedback']    = (string) ( $meta['feedback'] ?? '' );
			}
			$out[] = $item;
		}
		return $out;
	}

	/**
	 * Unread replies (agent and bot messages after the last one read).
	 *
	 * @param array<string, mixed> $session Session.
	 */
	private function unread( array $session ): int {
		global $wpdb;
		if ( 0 === (int) $session['ticket_id'] ) {
			return 0;
		}
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				'SELECT COUNT(*) FROM ' . \Switchboard\Db\Schema::table( 'messages' ) . " WHERE ticket_id = %d AND is_private = 0 AND author_type <> 'customer' AND id > %d",
				(int) $session['ticket_id'],
				(int) $session['last_read_id']
			)
		);
	}

	/**
	 * Newest message id of a ticket.
	 */
	private function last_message_id( int $ticket_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT MAX(id) FROM ' . \Switchboard\Db\Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $ticket_id ) );
	}

	/**
	 * Whether a message asks for a human.
	 */
	private static function asks_for_person( string $text ): bool {
		$pattern = _x( '/\b(human|person|agent|someone|operator|real people)\b/i', 'regular expression matching a request for a human in chat', 'switchboard' );
		return 1 === @preg_match( $pattern, $text ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a broken translation must not break chat.
	}

	/**
	 * The session of the request's token (cached per request).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|null
	 */
	private function session( $request ): ?array {
		$token = (string) $request->get_header( 'x_switchboard_chat_token' );
		return '' === $token ? null : $this->sessions->by_token( $token );
	}
}
