<?php
/**
 * Tickets she started by email or chat with her account's address show in her account.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Channels\Chat\Sessions;
use Switchboard\Channels\Email\Importer;
use Switchboard\Tests\TestCase;
use WP_REST_Request;

final class SameAddressTicketsTest extends TestCase {

	private string $email = '';

	protected function setUp(): void {
		parent::setUp();
		$this->email = 'same_' . wp_generate_password( 6, false, false ) . '@example.test';
		delete_option( 'switchboard_chat_settings' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'switchboard_chat_available' );
		parent::tearDown();
	}

	/**
	 * Imports a plain email from `$from` through the email channel; returns the ticket id.
	 */
	private function email_from( string $from, string $subject ): int {
		$raw    = "From: Someone <{$from}>\r\nTo: support@example.test\r\nSubject: {$subject}\r\nMessage-ID: <" . wp_generate_password( 16, false, false ) . "@example.test>\r\nDate: " . gmdate( 'r' ) . "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello from my mail program.\r\n";
		$result = ( new Importer() )->import( $raw, array( 'source' => 'pipe' ) );
		$this->assertIsArray( $result );
		$this->assertGreaterThan( 0, (int) ( $result['ticket_id'] ?? 0 ), (string) wp_json_encode( $result ) );
		return (int) $result['ticket_id'];
	}

	/**
	 * A guest chat with `$email` that ends as a ticket (nobody online); returns the ticket id.
	 */
	private function chat_from( string $email ): int {
		add_filter( 'switchboard_chat_available', '__return_false' );
		$this->as_guest();
		$start = $this->rest(
			'POST',
			'/switchboard/v1/chat/session',
			array(
				'name'  => 'Alice',
				'email' => $email,
			)
		);
		$this->assertSame( 201, $start->get_status(), (string) wp_json_encode( $start->get_data() ) );
		$token = (string) $start->get_data()['token'];
		foreach ( array( array( '/messages', array( 'body' => 'Is the mug dishwasher safe?' ) ), array( '/handoff', array() ) ) as $step ) {
			$request = new WP_REST_Request( 'POST', '/switchboard/v1/chat' . $step[0] );
			$request->set_header( 'X-Switchboard-Chat-Token', $token );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $step[1] ) );
			rest_get_server()->dispatch( $request );
		}
		$id = (int) ( ( new Sessions() )->by_token( $token )['ticket_id'] ?? 0 );
		$this->assertGreaterThan( 0, $id );
		return $id;
	}

	public function test_email_and_chat_tickets_before_and_after_she_registered_are_hers(): void {
		// Before she has an account: an email (address in another case) and nothing else.
		$before = $this->email_from( strtoupper( $this->email ), 'Before I registered' );

		$alice = $this->make_user( 'subscriber', 'same_alice_' . wp_generate_password( 4, false, false ), array( 'user_email' => $this->email ) );
		$bob   = $this->make_user( 'subscriber', 'same_bob_' . wp_generate_password( 4, false, false ) );

		// After: a chat with her address.
		$chat = $this->chat_from( $this->email );
		// And one more email.
		$after = $this->email_from( $this->email, 'After I registered' );

		// The chat's address was typed by a visitor nobody signed in: not in her account until she
		// confirms it (TypedAddressTest); here she did, through the link.
		wp_set_current_user( $alice );
		$unconfirmed = array_column( (array) $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data(), 'id' );
		sort( $unconfirmed );
		$this->assertSame( array( $before, $after ), $unconfirmed );
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/me/tickets/' . $chat ), 404 );
		$this->assertTrue( ( new \Switchboard\Tickets\SenderCheck() )->confirm( (array) ( new \Switchboard\Tickets\TicketService() )->get( $chat ), \Switchboard\Tickets\SenderCheck::BY_LINK ) );

		$list = $this->rest( 'GET', '/switchboard/v1/me/tickets' );
		$this->assertSame( 200, $list->get_status() );
		$ids = array_column( (array) $list->get_data(), 'id' );
		sort( $ids );
		$this->assertSame( array( $before, $chat, $after ), $ids );
		$channels = array_column( (array) $list->get_data(), 'channel', 'id' );
		$this->assertSame( 'email', $channels[ $before ] );
		$this->assertSame( 'chat', $channels[ $chat ] );
		$detail = $this->rest( 'GET', '/switchboard/v1/me/tickets/' . $before );
		$this->assertSame( 200, $detail->get_status() );
		$this->assertStringContainsString( 'Hello from my mail program.', (string) $detail->get_data()['messages'][0]['body_text'] );

		// Another customer sees none of them.
		wp_set_current_user( $bob );
		$this->assertSame( array(), (array) $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data() );
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/me/tickets/' . $chat ), 404 );
	}
}
