<?php
/**
 * Customer-scoped routes: ownership, private notes, signed links, ratings, attachments.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\TicketService;

final class MeRestTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->make_user(
			'subscriber',
			'me_alice',
			array(
				'user_email' => 'me_alice@example.test',
				'first_name' => 'Alice',
			)
		);
		$this->make_user( 'subscriber', 'me_bob' );
		$this->make_user( 'switchboard_agent', 'me_agent' );
	}

	private function alice_ticket(): array {
		$this->as_user( 'me_alice' );
		$response = $this->rest(
			'POST',
			'/switchboard/v1/me/tickets',
			array(
				'subject' => 'Wrong colour',
				'body'    => 'I ordered blue, got red.',
			)
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_customer_sees_only_her_public_thread(): void {
		$ticket = $this->alice_ticket();
		$this->assertSame( 'account', $ticket['channel'] );

		$this->as_user( 'me_agent' );
		$this->rest(
			'POST',
			"/switchboard/v1/tickets/{$ticket['id']}/messages",
			array(
				'body'       => 'Customer seems upset',
				'is_private' => true,
			)
		);
		$this->rest( 'POST', "/switchboard/v1/tickets/{$ticket['id']}/messages", array( 'body' => 'Sorry! A blue one is on its way.' ) );

		$this->as_user( 'me_alice' );
		$mine = $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}" )->get_data();
		$this->assertSame( array( 'I ordered blue, got red.', 'Sorry! A blue one is on its way.' ), array_column( $mine['messages'], 'body_text' ) );
		$this->assertArrayNotHasKey( 'meta', $mine['messages'][1] );
		$this->assertSame( array( $ticket['id'] ), array_column( $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data(), 'id' ) );

		$reply = $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket['id']}/messages", array( 'body' => 'Thanks!' ) );
		$this->assertSame( 201, $reply->get_status() );

		$this->as_user( 'me_bob' );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}" ), 404 );
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket['id']}/messages", array( 'body' => 'hijack' ) ), 404 );
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket['id']}/rating", array( 'score' => 1 ) ), 404 );
		$this->assertSame( array(), $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data() );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/tickets/{$ticket['id']}" ), 403 );

		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}" ), 401 );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}", array( 'token' => str_repeat( 'a', 32 ) ) ), 404 );
		$row = ( new TicketService() )->get( $ticket['id'] );
		$this->assertSame( 200, $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}", array( 'token' => Access::token( $row ) ) )->get_status() );
	}

	public function test_rating_only_once_solved(): void {
		$ticket = $this->alice_ticket();
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket['id']}/rating", array( 'score' => 5 ) ), 409, 'switchboard_not_solved' );

		( new TicketService() )->update( $ticket['id'], array( 'status' => 'solved' ) );
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket['id']}/rating", array( 'score' => 9 ) ), 400, 'rest_invalid_param' );
		$rated = $this->rest(
			'POST',
			"/switchboard/v1/me/tickets/{$ticket['id']}/rating",
			array(
				'score'   => 5,
				'comment' => 'Quick <b>help</b>',
			)
		);
		$this->assertSame( 200, $rated->get_status() );
		$this->assertSame( 'Quick help', $rated->get_data()['comment'] );
		$this->assertFalse( $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket['id']}" )->get_data()['can_rate'] );
	}

	public function test_order_must_be_hers(): void {
		$this->as_user( 'me_alice' );
		$this->assertRestError(
			$this->rest(
				'POST',
				'/switchboard/v1/me/tickets',
				array(
					'subject'  => 'x',
					'body'     => 'y',
					'order_id' => 4242,
				)
			),
			400,
			'switchboard_invalid_order'
		);
	}

	public function test_attachment_downloads_are_checked(): void {
		$ticket = $this->alice_ticket();
		$store  = new Attachments();
		$png    = base64_decode( 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' );

		$this->as_user( 'me_alice' );
		$mine = $store->store( 'photo.png', (string) $png, 'image/png' );
		$this->assertIsInt( $mine );
		$this->rest(
			'POST',
			"/switchboard/v1/me/tickets/{$ticket['id']}/messages",
			array(
				'body'        => 'photo attached',
				'attachments' => array( $mine ),
			)
		);

		$this->as_user( 'me_agent' );
		$secret = $store->store( 'notes.txt', 'internal', 'text/plain' );
		$this->rest(
			'POST',
			"/switchboard/v1/tickets/{$ticket['id']}/messages",
			array(
				'body'        => 'see file',
				'is_private'  => true,
				'attachments' => array( $secret ),
			)
		);
		$this->assertSame( 200, $this->rest( 'GET', "/switchboard/v1/attachments/$mine" )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', "/switchboard/v1/attachments/$secret" )->get_status() );

		$this->as_user( 'me_alice' );
		$download = $this->rest( 'GET', "/switchboard/v1/attachments/$mine" );
		$this->assertSame( 200, $download->get_status() );
		$this->assertSame( 'image/png', $download->get_headers()['Content-Type'] );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/attachments/$secret" ), 404 );

		$this->as_user( 'me_bob' );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/attachments/$mine" ), 404 );
		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/attachments/$mine" ), 401 );

		// A file type nobody should upload, and an HTML page pretending to be an image.
		$this->as_user( 'me_bob' );
		$this->assertSame( 'switchboard_attachment_type', $store->store( 'run.exe', 'MZ', 'application/octet-stream' )->get_error_code() );
		$this->assertSame( 'switchboard_attachment_type', $store->store( 'x.png', '<html><script>1</script>', 'image/png' )->get_error_code() );
	}
}
