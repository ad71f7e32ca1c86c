<?php
/**
 * Addresses typed by visitors who were not signed in: flagged for agents until the owner answers.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\TicketService;
use WP_REST_Request;
use WP_REST_Response;

final class SenderCheckTest extends TestCase {

	private int $carla = 0;

	private string $email = '';

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		add_filter( 'pre_wp_mail', '__return_true' );
		add_filter( 'switchboard_chat_available', '__return_false' );
		$_SERVER['REMOTE_ADDR'] = '192.0.2.' . wp_rand( 1, 250 );
		$this->carla            = $this->make_user( 'subscriber', 'sb_carla_' . wp_generate_password( 5, false, false ) );
		$this->email            = (string) get_userdata( $this->carla )->user_email;
		$this->make_user( 'switchboard_agent', 'sb_agent' );
	}

	protected function tearDown(): void {
		remove_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		remove_filter( 'pre_wp_mail', '__return_true' );
		remove_filter( 'switchboard_chat_available', '__return_false' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * Sends the contact form as whoever is signed in now; returns the ticket id.
	 */
	private function contact( string $subject ): int {
		$response = $this->rest(
			'POST',
			'/switchboard/v1/contact',
			array(
				'name'     => 'Carla',
				'email'    => $this->email,
				'subject'  => $subject,
				'message'  => 'Where is my parcel? It has been two weeks.',
				'website'  => '',
				'ts'       => \Switchboard\Frontend\ContactSubmission::timestamp(),
				'sb_nonce' => wp_create_nonce( 'switchboard_contact' ),
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) $response->get_data()['ticket_id'];
	}

	/**
	 * The ticket as the agent's screen reads it.
	 *
	 * @return array<string, mixed>
	 */
	private function as_agent_sees( int $ticket_id ): array {
		$user = get_current_user_id();
		$this->as_user( 'sb_agent' );
		$data = $this->rest( 'GET', '/switchboard/v1/tickets/' . $ticket_id )->get_data();
		wp_set_current_user( $user );
		return $data;
	}

	/**
	 * Events of a type.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function events( int $ticket_id, string $type ): array {
		$rows = array_filter( ( new Events() )->for_ticket( $ticket_id ), static fn ( array $e ): bool => $type === $e['type'] );
		return array_values(
			array_map(
				static function ( array $e ): array {
					$e['data'] = json_decode( (string) $e['data'], true );
					return $e;
				},
				$rows
			)
		);
	}

	public function test_a_guest_typing_an_address_is_flagged_until_a_reply_through_the_emailed_link(): void {
		wp_set_current_user( 0 );
		$ticket_id = $this->contact( 'Typed by someone' );
		$ticket    = $this->as_agent_sees( $ticket_id );
		$this->assertSame(
			array(
				'email' => strtolower( $this->email ),
				'via'   => 'contact_form',
			),
			$ticket['unverified_sender']
		);
		// It is Carla's customer: the agent sees her orders next to it, hence the warning.
		$this->assertSame( ( new Customers() )->for_user( $this->carla ), (int) $ticket['customer']['id'] );

		// Reading the link changes nothing; answering through it does.
		$row   = ( new TicketService() )->get( $ticket_id );
		$token = Access::token( $row );
		$this->assertSame( 200, $this->rest( 'GET', '/switchboard/v1/me/tickets/' . $ticket_id, array( 'token' => $token ) )->get_status() );
		$this->assertNotNull( $this->as_agent_sees( $ticket_id )['unverified_sender'] );

		$reply = $this->rest(
			'POST',
			'/switchboard/v1/me/tickets/' . $ticket_id . '/messages',
			array(
				'token' => $token,
				'body'  => 'Yes, that was me.',
			)
		);
		$this->assertSame( 201, $reply->get_status(), (string) wp_json_encode( $reply->get_data() ) );
		$this->assertNull( $this->as_agent_sees( $ticket_id )['unverified_sender'] );
		$confirmed = $this->events( $ticket_id, 'sender_confirmed' );
		$this->assertCount( 1, $confirmed );
		$this->assertSame( 'link', $confirmed[0]['data']['how'] );
		$this->assertSame( 'contact_form', $confirmed[0]['data']['via'] );
		$this->assertSame( 'customer', $confirmed[0]['actor_type'] );
		$this->assertSame( (string) $row['customer_id'], (string) $confirmed[0]['actor_id'] );

		// Later answers record nothing more.
		$this->rest(
			'POST',
			'/switchboard/v1/me/tickets/' . $ticket_id . '/messages',
			array(
				'token' => $token,
				'body'  => 'And one more thing.',
			)
		);
		$this->assertCount( 1, $this->events( $ticket_id, 'sender_confirmed' ) );
	}

	public function test_the_signed_in_owner_is_never_flagged_and_confirms_from_her_account(): void {
		wp_set_current_user( $this->carla );
		$mine = $this->contact( 'Sent while signed in' );
		$this->assertNull( $this->as_agent_sees( $mine )['unverified_sender'] );
		$this->assertCount( 0, $this->events( $mine, 'sender_confirmed' ) );

		// Someone else signed in, typing Carla's address, is as unproven as a guest.
		$dora = 'sb_dora_' . wp_generate_password( 5, false, false );
		$this->make_user( 'subscriber', $dora );
		$this->as_user( $dora );
		$theirs = $this->contact( 'Typed by Dora' );
		$this->assertSame( 'contact_form', $this->as_agent_sees( $theirs )['unverified_sender']['via'] );

		// Not in Carla's account until she confirms it: she answers, signed in, through the link
		// that went to her address.
		wp_set_current_user( $this->carla );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/me/tickets/' . $theirs . '/messages', array( 'body' => 'Only from my account?' ) ), 404 );
		$token = Access::token( (array) ( new TicketService() )->get( $theirs ) );
		$this->assertSame(
			201,
			$this->rest(
				'POST',
				'/switchboard/v1/me/tickets/' . $theirs . '/messages',
				array(
					'token' => $token,
					'body'  => 'I did not write this, but thanks.',
				)
			)->get_status()
		);
		$this->assertNull( $this->as_agent_sees( $theirs )['unverified_sender'] );
		$this->assertSame( 'account', $this->events( $theirs, 'sender_confirmed' )[0]['data']['how'] );
	}

	public function test_an_answer_by_email_confirms_but_a_cc_does_not(): void {
		wp_set_current_user( 0 );
		$ticket_id = $this->contact( 'Answered by mail' );
		$service   = new TicketService();
		$customers = new Customers();

		// Someone else on the thread (a CC) writes by e-mail: not her.
		$other = $customers->resolve( 'email', 'cc.person@example.test', array( 'email' => 'cc.person@example.test' ) );
		$service->add_message(
			$ticket_id,
			array(
				'author_type' => 'customer',
				'author_id'   => $other,
				'channel'     => 'email',
				'body_text'   => 'Adding my colleague.',
			)
		);
		$this->assertNotNull( $this->as_agent_sees( $ticket_id )['unverified_sender'] );

		$service->add_message(
			$ticket_id,
			array(
				'author_type' => 'customer',
				'author_id'   => (int) $service->get( $ticket_id )['customer_id'],
				'channel'     => 'email',
				'body_text'   => 'Answering from my mailbox.',
			)
		);
		$this->assertNull( $this->as_agent_sees( $ticket_id )['unverified_sender'] );
		$this->assertSame( 'email', $this->events( $ticket_id, 'sender_confirmed' )[0]['data']['how'] );
		$this->assertFalse( ( new SenderCheck() )->confirm( $service->get( $ticket_id ), 'email' ), 'nothing left to confirm' );
	}

	/**
	 * A chat as whoever is signed in now; returns its ticket id after the first message.
	 */
	private function chat(): int {
		$start = $this->rest(
			'POST',
			'/switchboard/v1/chat/session',
			array(
				'name'  => 'Carla',
				'email' => $this->email,
			)
		);
		$this->assertSame( 201, $start->get_status(), (string) wp_json_encode( $start->get_data() ) );
		$request = new WP_REST_Request( 'POST', '/switchboard/v1/chat/messages' );
		$request->set_header( 'X-Switchboard-Chat-Token', (string) $start->get_data()['token'] );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'body' => 'Where is my order?' ) ) );
		$response = rest_ensure_response( rest_get_server()->dispatch( $request ) );
		$this->assertInstanceOf( WP_REST_Response::class, $response );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) ( ( new \Switchboard\Channels\Chat\Sessions() )->by_token( (string) $start->get_data()['token'] )['ticket_id'] ?? 0 );
	}

	public function test_a_guest_chat_is_flagged_a_signed_in_one_is_not(): void {
		wp_set_current_user( 0 );
		$guest = $this->chat();
		$this->assertGreaterThan( 0, $guest );
		$this->assertSame(
			array(
				'email' => strtolower( $this->email ),
				'via'   => 'chat',
			),
			$this->as_agent_sees( $guest )['unverified_sender']
		);

		wp_set_current_user( $this->carla );
		$signed_in = $this->chat();
		$this->assertGreaterThan( 0, $signed_in );
		$this->assertNotSame( $guest, $signed_in );
		$this->assertNull( $this->as_agent_sees( $signed_in )['unverified_sender'] );
	}
}
