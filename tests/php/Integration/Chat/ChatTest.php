<?php
/**
 * Live chat: visitor routes, bot, hand-off, agent routes, delivery, abuse limits.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Chat;

use Switchboard\Channels\Chat\KnowledgeSource;
use Switchboard\Channels\Chat\Presence;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\TicketService;
use WP_REST_Request;
use WP_REST_Response;

/**
 * The bot's knowledge source is a fake here: InnoDB FULLTEXT does not see rows written inside
 * the test's transaction (the real KB search is covered by tests/api/chat-*.spec.ts).
 */
final class ChatTest extends TestCase {

	private const BASE = '/switchboard/v1/chat';

	/**
	 * Fake knowledge source.
	 *
	 * @var KnowledgeSource&object{deflections: array, not_deflected: array}
	 */
	private $kb;

	protected function setUp(): void {
		parent::setUp();
		$this->kb = new class() implements KnowledgeSource {
			/** @var array<int, array<int, mixed>> */
			public array $deflections = array();
			/** @var array<int, array<int, mixed>> */
			public array $not_deflected = array();
			public function search( string $query, int $limit ): array {
				return false !== stripos( $query, 'return' ) ? array(
					array(
						'id'      => 991,
						'title'   => 'Returns policy',
						'excerpt' => 'You can return items within 30 days.',
						'url'     => 'http://localhost/kb/returns/',
					),
				) : array();
			}
			public function record_deflection( string $session, int $article_id, string $query, int $user_id ): void {
				$this->deflections[] = array( $session, $article_id, $query );
			}
			public function record_not_deflected( string $session, int $ticket_id ): void {
				$this->not_deflected[] = array( $session, $ticket_id );
			}
		};
		$kb       = $this->kb;
		add_filter( 'switchboard_chat_knowledge_source', static fn () => $kb );
		delete_option( 'switchboard_chat_settings' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'switchboard_chat_knowledge_source' );
		remove_all_filters( 'switchboard_chat_available' );
		parent::tearDown();
	}

	/**
	 * A request with the visitor token header.
	 *
	 * @param array<string, mixed> $params Params.
	 */
	private function visitor( string $method, string $path, string $token, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, self::BASE . $path );
		$request->set_header( 'X-Switchboard-Chat-Token', $token );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		return rest_ensure_response( rest_get_server()->dispatch( $request ) );
	}

	/**
	 * Starts a guest chat; returns the token.
	 */
	private function start( string $email = 'vera@example.test' ): string {
		$response = $this->rest(
			'POST',
			self::BASE . '/session',
			array(
				'name'  => 'Vera Visitor',
				'email' => $email,
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (string) $response->get_data()['token'];
	}

	private function agent_online( bool $online ): void {
		add_filter( 'switchboard_chat_available', static fn () => $online );
	}

	public function test_guest_needs_name_and_email(): void {
		$this->assertRestError( $this->rest( 'POST', self::BASE . '/session', array( 'name' => 'X' ) ), 400, 'switchboard_chat_prechat_required' );
		$this->assertRestError(
			$this->rest(
				'POST',
				self::BASE . '/session',
				array(
					'name'     => 'X',
					'email'    => 'x@example.test',
					'is_admin' => 1,
				)
			),
			400,
			'rest_invalid_param'
		);
	}

	public function test_token_is_stored_hashed_and_required(): void {
		global $wpdb;
		$token = $this->start();
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43}$/', $token );
		$this->assertSame( 0, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'chat_sessions' ) . ' WHERE token_hash = %s', $token ) ) );
		$this->assertSame( 1, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'chat_sessions' ) . ' WHERE token_hash = %s', hash( 'sha256', $token ) ) ) );

		$this->assertRestError( $this->visitor( 'GET', '/session', 'not-a-token' ), 401, 'switchboard_chat_invalid_token' );
		$this->assertRestError( $this->visitor( 'POST', '/messages', str_repeat( 'a', 43 ), array( 'body' => 'hi' ) ), 401 );
	}

	public function test_first_message_creates_a_chat_ticket_and_html_stays_text(): void {
		$token = $this->start();
		$html  = 'Where is my order? <script>alert(1)</script><b>now</b>';
		$data  = $this->visitor( 'POST', '/messages', $token, array( 'body' => $html ) )->get_data();

		$this->assertSame( $html, $data['messages'][0]['text'] );
		$this->assertSame( 'customer', $data['messages'][0]['author']['type'] );
		$session = ( new Sessions() )->by_token( $token );
		$ticket  = ( new TicketService() )->get( (int) $session['ticket_id'] );
		$this->assertSame( 'chat', $ticket['channel'] );
		$customer = ( new \Switchboard\Tickets\Customers() )->get( (int) $ticket['customer_id'] );
		$this->assertSame( 'vera@example.test', $customer['email'] );

		global $wpdb;
		$stored = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT body_html FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d ORDER BY id LIMIT 1', (int) $ticket['id'] ) );
		$this->assertStringNotContainsString( '<script', $stored );
		$this->assertStringNotContainsString( '<b>', $stored );
	}

	public function test_same_email_lands_on_same_customer(): void {
		$email_customer = ( new \Switchboard\Tickets\Customers() )->resolve( 'email', 'same@example.test', array( 'name' => 'Same' ) );
		$token          = $this->start( 'same@example.test' );
		$this->assertSame( $email_customer, (int) ( new Sessions() )->by_token( $token )['customer_id'] );
	}

	public function test_length_limit(): void {
		$token = $this->start();
		$this->assertRestError( $this->visitor( 'POST', '/messages', $token, array( 'body' => str_repeat( 'x', 2001 ) ) ), 400, 'rest_invalid_param' );
		$this->assertSame( 201, $this->visitor( 'POST', '/messages', $token, array( 'body' => str_repeat( 'x', 2000 ) ) )->get_status() );
	}

	public function test_rate_limit_per_visitor(): void {
		$token = $this->start();
		add_filter( 'switchboard_rate_limit', static fn ( $limit, $bucket ) => str_starts_with( $bucket, 'chat:' ) ? 3 : $limit, 10, 2 );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 200, $this->visitor( 'POST', '/typing', $token )->get_status() );
		}
		$this->assertRestError( $this->visitor( 'POST', '/typing', $token ), 429, 'switchboard_rate_limited' );
		remove_all_filters( 'switchboard_rate_limit' );
	}

	public function test_rate_limit_on_start_per_ip(): void {
		add_filter( 'switchboard_rate_limit', static fn ( $limit, $bucket ) => str_starts_with( $bucket, 'chat_start:' ) ? 2 : $limit, 10, 2 );
		$this->start( 'a1@example.test' );
		$this->start( 'a2@example.test' );
		$this->assertRestError(
			$this->rest(
				'POST',
				self::BASE . '/session',
				array(
					'name'  => 'X',
					'email' => 'a3@example.test',
				)
			),
			429
		);
		remove_all_filters( 'switchboard_rate_limit' );
	}

	public function test_bot_suggests_and_yes_records_a_deflection(): void {
		$token = $this->start();
		$data  = $this->visitor( 'POST', '/messages', $token, array( 'body' => 'How do I return a jumper?' ) )->get_data();
		$bot   = end( $data['messages'] );
		$this->assertSame( 'bot', $bot['author']['type'] );
		$this->assertSame( 'suggestions', $bot['kind'] );
		$this->assertSame( 'Returns policy', $bot['suggestions'][0]['title'] );

		$data = $this->visitor(
			'POST',
			'/feedback',
			$token,
			array(
				'message_id' => $bot['id'],
				'helpful'    => true,
			)
		)->get_data();
		$this->assertCount( 1, $this->kb->deflections );
		$this->assertSame( 991, $this->kb->deflections[0][1] );
		$session = ( new Sessions() )->by_token( $token );
		$this->assertSame( 'solved', ( new TicketService() )->get( (int) $session['ticket_id'] )['status'] );
		$this->assertSame( 'resolved', end( $data['messages'] )['kind'] );
	}

	public function test_no_hands_off_to_a_person_when_one_is_online(): void {
		$this->agent_online( true );
		$token = $this->start();
		$bot   = $this->visitor( 'POST', '/messages', $token, array( 'body' => 'Can I return a gift?' ) )->get_data()['messages'][1];
		$data  = $this->visitor(
			'POST',
			'/feedback',
			$token,
			array(
				'message_id' => $bot['id'],
				'helpful'    => false,
			)
		)->get_data();
		$this->assertSame( 'waiting', $data['status'] );
		$this->assertCount( 1, $this->kb->not_deflected );
	}

	public function test_offline_leaves_a_message_and_reply_goes_by_email(): void {
		$this->agent_online( false );
		$token = $this->start( 'offline@example.test' );
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'Do you ship to Norway?' ) );
		$data = $this->visitor( 'POST', '/handoff', $token )->get_data();
		$this->assertSame( 'offline', $data['status'] );

		$this->make_user( 'switchboard_agent', 'sb_chat_agent' );
		$this->as_user( 'sb_chat_agent' );
		$ticket_id = (int) ( new Sessions() )->by_token( $token )['ticket_id'];
		$response  = $this->rest( 'POST', '/switchboard/v1/tickets/' . $ticket_id . '/messages', array( 'body' => 'Yes, we ship to Norway.' ) );
		$this->assertContains( $response->get_status(), array( 200, 201 ), (string) wp_json_encode( $response->get_data() ) );

		$mail = $this->sent_mail();
		$this->assertCount( 1, $mail );
		$this->assertSame( 'offline@example.test', is_array( $mail[0]['to'] ) ? $mail[0]['to'][0] : $mail[0]['to'] );
		$this->assertStringContainsString( 'Yes, we ship to Norway.', $mail[0]['message'] );
	}

	public function test_agent_reply_reaches_the_visitor_with_typing(): void {
		$this->agent_online( true );
		$token = $this->start();
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'I want a human please' ) );
		$state = $this->visitor( 'GET', '/session', $token )->get_data();
		$this->assertSame( 'waiting', $state['status'] );

		$ticket_id = (int) ( new Sessions() )->by_token( $token )['ticket_id'];
		$this->make_user( 'switchboard_agent', 'sb_chat_agent2', array( 'display_name' => 'Agnes' ) );
		$agent = $this->as_user( 'sb_chat_agent2' );

		$queue = $this->rest( 'GET', self::BASE . '/queue' )->get_data();
		$this->assertSame( 1, $queue['waiting'] );
		$this->assertSame( $ticket_id, $queue['chats'][0]['ticket_id'] );
		$this->assertFalse( $this->rest( 'GET', self::BASE . '/queue', array( 'since' => $queue['version'] ) )->get_data()['changed'] );

		$this->assertSame( 200, $this->rest( 'POST', self::BASE . '/sessions/' . $ticket_id . '/typing' )->get_status() );
		$this->as_guest();
		$ping = $this->visitor( 'GET', '/ping', $token )->get_data();
		$this->assertTrue( $ping['typing'] );

		$this->as_user( 'sb_chat_agent2' );
		$this->rest( 'POST', '/switchboard/v1/tickets/' . $ticket_id . '/messages', array( 'body' => 'Hi, Agnes here.' ) );
		$this->assertNotSame( $queue['version'], $this->rest( 'GET', self::BASE . '/queue', array( 'since' => $queue['version'] ) )->get_data()['version'] );

		$this->as_guest();
		$state = $this->visitor( 'GET', '/session', $token, array( 'after' => $ping['last'] ) )->get_data();
		$this->assertSame( 'active', $state['status'] );
		$this->assertFalse( $state['typing'] );
		$this->assertSame( 'Hi, Agnes here.', end( $state['messages'] )['text'] );
		$this->assertSame( 'Agnes', end( $state['messages'] )['author']['name'] );
		$this->assertSame( 2, $state['unread'], 'hand-off line + agent reply' );
		$this->assertSame( array(), $this->sent_mail(), 'the visitor is present: no email' );
		$this->assertSame( $agent, (int) ( new TicketService() )->get( $ticket_id )['assignee_id'] );

		$read = $this->visitor( 'POST', '/read', $token, array( 'message_id' => end( $state['messages'] )['id'] ) )->get_data();
		$this->assertSame( 0, $read['unread'] );
	}

	public function test_private_notes_never_reach_the_visitor(): void {
		$token = $this->start();
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'hello' ) );
		$ticket_id = (int) ( new Sessions() )->by_token( $token )['ticket_id'];
		( new TicketService() )->add_message(
			$ticket_id,
			array(
				'author_type' => 'agent',
				'author_id'   => 1,
				'is_private'  => true,
				'body_text'   => 'secret note',
			)
		);
		$texts = array_column( $this->visitor( 'GET', '/session', $token )->get_data()['messages'], 'text' );
		$this->assertNotContains( 'secret note', $texts );
	}

	public function test_agent_routes_need_an_agent(): void {
		$this->assertRestError( $this->rest( 'GET', self::BASE . '/queue' ), 401 );
		$this->make_user( 'subscriber', 'sb_chat_sub' );
		$this->as_user( 'sb_chat_sub' );
		$this->assertRestError( $this->rest( 'GET', self::BASE . '/queue' ), 403 );
		$this->assertRestError( $this->rest( 'POST', self::BASE . '/presence', array( 'status' => 'online' ) ), 403 );
		$this->assertRestError( $this->rest( 'PATCH', self::BASE . '/settings', array( 'color' => '#000000' ) ), 403 );
	}

	public function test_presence_and_business_hours(): void {
		$id = $this->make_user( 'switchboard_agent', 'sb_chat_agent3' );
		$this->as_user( 'sb_chat_agent3' );
		$data = $this->rest( 'POST', self::BASE . '/presence', array( 'status' => 'online' ) )->get_data();
		$this->assertSame( 'online', $data['status'] );
		$this->assertContains( $id, ( new Presence() )->online() );
		$this->assertTrue( $data['available'] );

		$settings = array(
			'hours_enabled' => true,
			'hours'         => array( '', '', '', '', '', '', '' ),
		);
		$this->assertFalse( ( new Presence() )->available( $settings ) );
		$this->rest( 'POST', self::BASE . '/presence', array( 'status' => 'away' ) );
		$this->assertNotContains( $id, ( new Presence() )->online() );
	}

	public function test_manager_updates_settings(): void {
		$this->make_user( 'administrator', 'sb_chat_admin' );
		$this->as_user( 'sb_chat_admin' );
		$data = $this->rest(
			'PATCH',
			self::BASE . '/settings',
			array(
				'color'    => '#ff0000',
				'position' => 'left',
			)
		)->get_data();
		$this->assertSame( '#ff0000', $data['color'] );
		$this->assertSame( 'left', $data['position'] );
		$this->assertRestError( $this->rest( 'PATCH', self::BASE . '/settings', array( 'color' => 'red; x' ) ), 400 );
		$this->assertRestError( $this->rest( 'PATCH', self::BASE . '/settings', array( 'colour' => '#fff' ) ), 400 );
	}

	public function test_transcript_by_email_at_the_end(): void {
		$token = $this->start( 'transcript@example.test' );
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'Thanks for the help' ) );
		$data = $this->visitor( 'POST', '/end', $token, array( 'email_transcript' => true ) )->get_data();
		$this->assertTrue( $data['transcript_sent'] );
		$mail = $this->sent_mail();
		// A guest typed the address: until its owner answers, it gets the fixed confirmation with
		// the signed link, never the words a visitor typed (issue #12).
		$this->assertStringNotContainsString( 'Thanks for the help', end( $mail )['message'] );
		$this->assertStringContainsString( 'sb_token=', end( $mail )['message'] );
		$this->assertRestError( $this->visitor( 'POST', '/messages', $token, array( 'body' => 'again' ) ), 409, 'switchboard_chat_ended' );
	}

	public function test_transcript_of_a_signed_in_customer_carries_the_chat(): void {
		$this->make_user( 'customer', 'sb_chat_transcript_user' );
		$this->as_user( 'sb_chat_transcript_user' );
		$token = $this->start( 'sb_chat_transcript_user@example.test' );
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'Thanks for the help' ) );
		$data = $this->visitor( 'POST', '/end', $token, array( 'email_transcript' => true ) )->get_data();
		$this->assertTrue( $data['transcript_sent'] );
		$mail = $this->sent_mail();
		$this->assertStringContainsString( 'Thanks for the help', end( $mail )['message'] );
	}
}
