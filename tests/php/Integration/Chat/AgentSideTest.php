<?php
/**
 * Live chat, agent side: the session the inbox polls (pages visited, versions), accept, the
 * transcript route, the queue's "anything new?" answer, settings validation and the menu badge.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Chat;

use Switchboard\Channels\Chat\MenuBadge;
use Switchboard\Channels\Chat\Sessions;
use Switchboard\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Runs without WooCommerce (the cart snapshot has its own test).
 */
final class AgentSideTest extends TestCase {

	private const BASE = '/switchboard/v1/chat';

	protected function setUp(): void {
		parent::setUp();
		delete_option( 'switchboard_chat_settings' );
		// The bot has nothing to say here: every question goes to a person.
		add_filter( 'switchboard_chat_available', '__return_true' );
		update_option( 'switchboard_chat_settings', array( 'bot_enabled' => false ) );
	}

	protected function tearDown(): void {
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
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $params ) );
		return rest_ensure_response( rest_get_server()->dispatch( $request ) );
	}

	/**
	 * A guest chat with one message (so it has a ticket); returns [ token, ticket id ].
	 *
	 * @return array{0: string, 1: int}
	 */
	private function chat( string $email = 'vera@example.test' ): array {
		$start = $this->rest(
			'POST',
			self::BASE . '/session',
			array(
				'name'       => 'Vera Visitor',
				'email'      => $email,
				'page_url'   => 'http://shop.test/product/mug/',
				'page_title' => 'Blue mug',
			)
		);
		$this->assertSame( 201, $start->get_status(), (string) wp_json_encode( $start->get_data() ) );
		$token = (string) $start->get_data()['token'];
		$this->assertSame( 201, $this->visitor( 'POST', '/messages', $token, array( 'body' => 'I need a person please' ) )->get_status() );
		return array( $token, (int) ( new Sessions() )->by_token( $token )['ticket_id'] );
	}

	private function as_agent(): int {
		$id = $this->make_user( 'switchboard_agent', 'sb_chat_side_agent', array( 'display_name' => 'Agnes Side' ) );
		$this->as_user( 'sb_chat_side_agent' );
		return $id;
	}

	public function test_agent_sees_pages_visited_and_the_session_version_moves(): void {
		list( $token, $ticket_id ) = $this->chat();
		$this->visitor(
			'POST',
			'/context',
			$token,
			array(
				'page_url'   => 'http://shop.test/cart/',
				'page_title' => 'Cart',
			)
		);
		// The same page twice in a row is one visit.
		$this->visitor(
			'POST',
			'/context',
			$token,
			array(
				'page_url'   => 'http://shop.test/cart/',
				'page_title' => 'Cart',
			)
		);
		$this->as_agent();
		$first = $this->rest( 'GET', self::BASE . '/sessions/' . $ticket_id )->get_data();
		$this->assertSame( 'http://shop.test/cart/', $first['page_url'] );
		$this->assertSame( 'Cart', $first['page_title'] );
		$this->assertSame( array( 'http://shop.test/product/mug/', 'http://shop.test/cart/' ), array_column( $first['context']['pages'], 'url' ) );
		$this->assertSame( 'waiting', $first['status'] );

		// A visitor message moves the version the inbox watches and the last message id.
		$this->as_guest();
		$this->visitor( 'POST', '/messages', $token, array( 'body' => 'Still there?' ) );
		$this->as_user( 'sb_chat_side_agent' );
		$second = $this->rest( 'GET', self::BASE . '/sessions/' . $ticket_id )->get_data();
		$this->assertGreaterThan( $first['version'], $second['version'] );
		$this->assertGreaterThan( $first['last_message_id'], $second['last_message_id'] );
	}

	public function test_context_filter_cannot_overwrite_pages_and_keeps_the_last_twenty(): void {
		$filter                    = static fn ( array $context ): array => $context + array(
			'pages' => array( 'forged' ),
			'extra' => 'from a filter',
		);
		add_filter( 'switchboard_chat_visitor_context', $filter );
		list( $token, $ticket_id ) = $this->chat();
		for ( $i = 0; $i < 25; $i++ ) {
			$this->visitor( 'POST', '/context', $token, array( 'page_url' => 'http://shop.test/p/' . $i . '/' ) );
		}
		$this->as_agent();
		$context = $this->rest( 'GET', self::BASE . '/sessions/' . $ticket_id )->get_data()['context'];
		$this->assertCount( 20, $context['pages'] );
		$this->assertSame( 'http://shop.test/p/24/', end( $context['pages'] )['url'] );
		$this->assertSame( 'from a filter', $context['extra'] );
		remove_filter( 'switchboard_chat_visitor_context', $filter );
	}

	public function test_accept_assigns_and_activates(): void {
		list( , $ticket_id ) = $this->chat();
		$agent_id            = $this->as_agent();
		$data                = $this->rest( 'POST', self::BASE . '/sessions/' . $ticket_id . '/accept' )->get_data();
		$this->assertSame( 'active', $data['status'] );
		$this->assertSame( $agent_id, $data['agent_id'] );
		$this->assertSame( 'Agnes Side', $data['agent_name'] );
		$ticket = ( new \Switchboard\Tickets\TicketService() )->get( $ticket_id );
		$this->assertSame( $agent_id, (int) $ticket['assignee_id'] );
	}

	public function test_queue_answers_unchanged_cheaply_and_changes_on_a_new_chat(): void {
		$this->as_agent();
		$first = $this->rest( 'GET', self::BASE . '/queue' )->get_data();
		$same  = $this->rest( 'GET', self::BASE . '/queue', array( 'since' => $first['version'] ) )->get_data();
		$this->assertFalse( $same['changed'] );
		$this->assertArrayNotHasKey( 'chats', $same );

		$this->as_guest();
		list( , $ticket_id ) = $this->chat( 'new@example.test' );
		$this->as_user( 'sb_chat_side_agent' );
		$next = $this->rest( 'GET', self::BASE . '/queue', array( 'since' => $first['version'] ) )->get_data();
		$this->assertTrue( $next['changed'] );
		$this->assertSame( $first['waiting'] + 1, $next['waiting'] );
		$this->assertContains( $ticket_id, array_column( $next['chats'], 'ticket_id' ) );
	}

	public function test_transcript_route_emails_the_customer_and_is_for_agents_only(): void {
		list( , $ticket_id ) = $this->chat( 'transcript-side@example.test' );
		$this->assertRestError( $this->rest( 'POST', self::BASE . '/sessions/' . $ticket_id . '/transcript' ), 401 );
		$this->make_user( 'customer', 'sb_chat_side_customer' );
		$this->as_user( 'sb_chat_side_customer' );
		$this->assertRestError( $this->rest( 'POST', self::BASE . '/sessions/' . $ticket_id . '/transcript' ), 403 );

		$this->as_agent();
		$this->assertRestError( $this->rest( 'POST', self::BASE . '/sessions/999999999/transcript' ), 404, 'switchboard_chat_not_found' );
		$data = $this->rest( 'POST', self::BASE . '/sessions/' . $ticket_id . '/transcript' )->get_data();
		$this->assertTrue( $data['transcript_sent'] );
		$this->assertSame( 'transcript-side@example.test', $data['to'] );
		$mail = $this->sent_mail();
		$this->assertNotEmpty( $mail );
		$last = end( $mail );
		$this->assertSame( 'transcript-side@example.test', is_array( $last['to'] ) ? $last['to'][0] : $last['to'] );
		// The guest typed that address: it gets the fixed confirmation, not the visitor's words.
		$this->assertStringNotContainsString( 'I need a person please', $last['message'] );
		$this->assertStringContainsString( 'sb_token=', $last['message'] );
	}

	public function test_settings_are_validated_server_side(): void {
		$this->make_user( 'administrator', 'sb_chat_side_admin' );
		$this->as_user( 'sb_chat_side_admin' );
		$bad = array(
			array( 'enabled' => 'yes' ),
			array( 'bot_enabled' => 1 ),
			array( 'greeting' => str_repeat( 'x', 501 ) ),
			array( 'greeting' => array( 'x' ) ),
			array( 'position' => 'top' ),
			array( 'show_on' => 'some' ),
			array( 'page_ids' => array( 'abc' ) ),
			array( 'page_ids' => '12' ),
			array( 'hours' => array( '09:00-17:00' ) ),
			array( 'hours' => array( '', '25:00-26:00', '', '', '', '', '' ) ),
			array( 'hours' => array( '', '17:00-09:00', '', '', '', '', '' ) ),
			array( 'hours' => array( '', 9, '', '', '', '', '' ) ),
			array( 'color' => 'javascript:alert(1)' ),
		);
		foreach ( $bad as $patch ) {
			$this->assertRestError( $this->rest( 'PATCH', self::BASE . '/settings', $patch ), 400, 'rest_invalid_param' );
		}
		$this->assertSame( array( 'bot_enabled' => false ), get_option( 'switchboard_chat_settings' ), 'nothing invalid was stored' );

		$data = $this->rest(
			'PATCH',
			self::BASE . '/settings',
			array(
				'greeting'      => '<b>Hello</b> <script>x</script>there',
				'page_ids'      => array( 12, '34', 12 ),
				'show_on'       => 'except',
				'bot_enabled'   => true,
				'hours_enabled' => true,
				'hours'         => array( '', '09:00-17:30', '09:00-17:30', '09:00-17:30', '09:00-17:30', '10:00-16:00', '' ),
			)
		)->get_data();
		$this->assertSame( 'Hello there', $data['greeting'] );
		$this->assertSame( array( 12, 34 ), $data['page_ids'] );
		$this->assertSame( 'except', $data['show_on'] );
		$this->assertTrue( $data['bot_enabled'] );
		$this->assertSame( '10:00-16:00', $data['hours'][5] );
		$this->assertSame( $data, $this->rest( 'GET', self::BASE . '/settings' )->get_data() );

		$this->as_agent();
		$this->assertRestError( $this->rest( 'GET', self::BASE . '/settings' ), 403 );
	}

	public function test_menu_badge_counts_waiting_chats(): void {
		$before = MenuBadge::waiting();
		$this->chat( 'waiting-badge@example.test' );
		$this->assertSame( $before + 1, MenuBadge::waiting() );
		$html = MenuBadge::html( 3 );
		$this->assertStringContainsString( 'switchboard-menu-chats count-3', $html );
		$this->assertStringContainsString( '<span class="count">3</span>', $html );

		global $menu;
		$menu = array( array( 'Support', 'switchboard_agent', 'switchboard' ) ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the test's own admin menu.
		( new MenuBadge() )->add_badge();
		$this->assertSame( 'Support', $menu[0][0], 'no badge for a guest' );
		$this->as_agent();
		( new MenuBadge() )->add_badge();
		$this->assertStringContainsString( 'switchboard-menu-chats count-' . ( $before + 1 ), $menu[0][0] );
		$menu = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restore.
	}

	public function test_offline_reply_email_carries_the_signed_thread_tag(): void {
		remove_all_filters( 'switchboard_chat_available' );
		add_filter( 'switchboard_chat_available', '__return_false' );
		list( , $ticket_id ) = $this->chat( 'threaded@example.test' );
		$this->as_agent();
		$response = $this->rest( 'POST', '/switchboard/v1/tickets/' . $ticket_id . '/messages', array( 'body' => 'We ship on Mondays.' ) );
		$this->assertContains( $response->get_status(), array( 200, 201 ) );

		$mail = $this->sent_mail();
		$this->assertNotEmpty( $mail );
		$last = end( $mail );
		$this->assertStringContainsString( 'We ship on Mondays.', $last['message'] );
		$tags = \Switchboard\Channels\Email\Threading\Signer::parse_subject_tags( (string) $last['subject'] );
		$this->assertCount( 1, $tags, 'one signed tag in: ' . $last['subject'] );
		$this->assertSame( $ticket_id, $tags[0]['ticket'] );
		$ticket = ( new \Switchboard\Tickets\TicketService() )->get( $ticket_id );
		$this->assertTrue( \Switchboard\Channels\Email\Threading\Signer::from_wordpress()->verify_subject_tag( $ticket_id, $tags[0]['sig'], (string) $ticket['secret'] ) );
		$this->assertStringStartsWith( 'Re: ', (string) $last['subject'] );
	}
}
