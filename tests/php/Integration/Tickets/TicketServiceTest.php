<?php
/**
 * Ticket core against the real database: counters, status rules, dedupe, sanitizing, merge, split.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

final class TicketServiceTest extends TestCase {

	private TicketService $service;
	private Customers $customers;

	protected function setUp(): void {
		parent::setUp();
		$this->service   = new TicketService();
		$this->customers = new Customers();
	}

	private function ticket( string $body = 'My parcel has not arrived.', array $extra = array() ): int {
		$customer = $this->customers->resolve( 'email', 'Hana@Example.jp', array( 'name' => 'Hana Sato' ) );
		$id       = $this->service->create(
			$extra + array(
				'subject'     => 'Parcel late',
				'channel'     => 'email',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => $body,
				),
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	public function test_create_stores_first_message_and_counters(): void {
		$id     = $this->ticket();
		$ticket = $this->service->get( $id );

		$this->assertSame( 'new', $ticket['status'] );
		$this->assertSame( '1', (string) $ticket['message_count'] );
		$this->assertSame( 'My parcel has not arrived.', $ticket['preview'] );
		$this->assertNotNull( $ticket['last_customer_message_at'] );
		$this->assertNull( $ticket['first_response_at'] );
		$this->assertSame( 32, strlen( $ticket['secret'] ) );

		$customer = $this->customers->get( (int) $ticket['customer_id'] );
		$this->assertSame( 'hana@example.jp', $customer['email'] );
		$this->assertSame( 1, (int) $customer['ticket_count'] );
		$this->assertSame( array( 'created' ), array_column( ( new Events() )->for_ticket( $id ), 'type' ) );
	}

	public function test_agent_reply_opens_ticket_and_records_first_response(): void {
		$agent = $this->make_user( 'switchboard_agent' );
		$this->as_user( get_userdata( $agent )->user_login );
		$id = $this->ticket();

		$delivered = array();
		$listener  = static function ( array $message ) use ( &$delivered ): void {
			$delivered[] = $message['id'];
		};
		add_action( 'switchboard_deliver_message', $listener );
		$reply = $this->service->add_message(
			$id,
			array(
				'author_type' => 'agent',
				'body_html'   => '<p>On its way!</p>',
			)
		);
		$note  = $this->service->add_message(
			$id,
			array(
				'author_type' => 'agent',
				'body_html'   => 'internal',
				'is_private'  => true,
			)
		);
		remove_action( 'switchboard_deliver_message', $listener );

		$ticket = $this->service->get( $id );
		$this->assertSame( 'open', $ticket['status'] );
		$this->assertSame( 2, (int) $ticket['message_count'], 'notes are not counted as messages' );
		$this->assertSame( 'On its way!', $ticket['preview'], 'notes never become the preview' );
		$this->assertNotNull( $ticket['first_response_at'] );
		$this->assertGreaterThanOrEqual( 0, (int) $ticket['first_response_seconds'] );
		$this->assertSame( array( $reply ), $delivered, 'only the public reply is handed to the channel' );
		$this->assertSame( 'email', ( new Messages() )->get( (int) $reply )['channel'], 'reply goes out on the customer\'s channel' );
		$this->assertIsInt( $note );
	}

	public function test_customer_reply_reopens_solved_ticket(): void {
		$id = $this->ticket();
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$this->assertNotNull( $this->service->get( $id )['resolved_at'] );

		$this->service->add_message(
			$id,
			array(
				'author_type' => 'customer',
				'body_text'   => 'Still nothing.',
			)
		);
		$ticket = $this->service->get( $id );
		$this->assertSame( 'open', $ticket['status'] );
		$this->assertSame( 1, (int) $ticket['reopen_count'] );
		$this->assertNull( $ticket['resolved_at'] );
		$this->assertContains( 'status_changed', array_column( ( new Events() )->for_ticket( $id ), 'type' ) );
	}

	public function test_same_delivery_is_stored_once(): void {
		global $wpdb;
		$id    = $this->ticket();
		$first = $this->service->add_message(
			$id,
			array(
				'body_text'  => 'Hello',
				'dedupe_key' => 'email:<abc@x>',
			)
		);
		$again = $this->service->add_message(
			$id,
			array(
				'body_text'  => 'Hello',
				'dedupe_key' => 'email:<abc@x>',
			)
		);

		$this->assertIsInt( $first );
		$this->assertWPErrorCode( 'switchboard_duplicate_message', $again );
		$this->assertSame( $first, $again->get_error_data()['message_id'] );
		$this->assertSame( 2, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $id ) ) );
	}

	public function test_foreign_html_is_sanitized(): void {
		$id   = $this->ticket();
		$mid  = $this->service->add_message(
			$id,
			array( 'body_html' => '<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a> <a href="https://shop.example/track">track</a></p><style>p{}</style><iframe src="https://evil"></iframe>' )
		);
		$html = ( new Messages() )->get( (int) $mid )['body_html'];
		$this->assertStringNotContainsString( 'script', $html );
		$this->assertStringNotContainsString( 'onclick', $html );
		$this->assertStringNotContainsString( 'javascript:', $html );
		$this->assertStringNotContainsString( 'iframe', $html );
		$this->assertStringContainsString( 'href="https://shop.example/track" target="_blank" rel="noopener noreferrer nofollow"', $html );
	}

	public function test_empty_message_is_refused_with_field(): void {
		$id     = $this->ticket();
		$result = $this->service->add_message( $id, array( 'body_html' => '<p> </p>' ) );
		$this->assertWPErrorCode( 'switchboard_empty_message', $result );
		$this->assertSame( 'body', $result->get_error_data()['field'] );
	}

	public function test_merge_moves_messages_and_redirects_late_replies(): void {
		$target = $this->ticket( 'First ticket' );
		$source = $this->ticket( 'Second ticket' );
		$this->service->update( $source, array( 'tags' => array( 'refund' ) ) );

		$merged = $this->service->merge( $target, $source );
		$this->assertIsArray( $merged );
		$this->assertSame( 2, (int) $merged['message_count'] );
		$closed = $this->service->get( $source );
		$this->assertSame( 'closed', $closed['status'] );
		$this->assertSame( $target, (int) $closed['merged_into'] );

		$late = $this->service->add_message( $source, array( 'body_text' => 'late reply' ) );
		$this->assertSame( $target, (int) ( new Messages() )->get( (int) $late )['ticket_id'] );
		$this->assertWPErrorCode( 'switchboard_merge_invalid', $this->service->merge( $target, $target ) );
	}

	public function test_split_moves_one_message_to_a_new_ticket(): void {
		$id     = $this->ticket( 'About my order' );
		$second = $this->service->add_message( $id, array( 'body_text' => 'Also, a different question about sizes' ) );
		$new    = $this->service->split( $id, (int) $second );

		$this->assertIsInt( $new );
		$this->assertSame( 1, (int) $this->service->get( $id )['message_count'] );
		$this->assertSame( 1, (int) $this->service->get( $new )['message_count'] );
		$this->assertSame( $this->service->get( $id )['customer_id'], $this->service->get( $new )['customer_id'] );
		$this->assertWPErrorCode( 'switchboard_split_last', $this->service->split( $new, (int) $second ) );
	}

	public function test_invalid_changes_name_the_field(): void {
		$id = $this->ticket();
		$this->assertSame( 'status', $this->service->update( $id, array( 'status' => 'bogus' ) )->get_error_data()['field'] );
		$this->assertSame( 'priority', $this->service->update( $id, array( 'priority' => 'whenever' ) )->get_error_data()['field'] );
		$subscriber = $this->make_user( 'subscriber' );
		$this->assertSame( 'assignee_id', $this->service->update( $id, array( 'assignee_id' => $subscriber ) )->get_error_data()['field'] );
	}

	public function test_one_customer_across_channels_and_merge(): void {
		$by_mail = $this->customers->resolve( 'email', 'kim@example.com', array( 'name' => 'Kim' ) );
		$by_chat = $this->customers->resolve( 'chat', 'visitor-123', array( 'email' => 'KIM@example.com' ) );
		$this->assertSame( $by_mail, $by_chat, 'a chat visitor who gives her email is the same customer' );

		$phone = $this->customers->resolve( 'phone', '+81 (90) 1234-5678', array( 'name' => 'Kim by phone' ) );
		$this->assertSame( $phone, $this->customers->find_by_identity( 'phone', '+819012345678' ) );
		$this->assertNotSame( $by_mail, $phone );

		$ticket = $this->service->create(
			array(
				'subject'     => 'Called about sizes',
				'channel'     => 'phone',
				'customer_id' => $phone,
			)
		);
		$this->assertTrue( $this->customers->merge( $by_mail, $phone ) );
		$this->assertSame( $by_mail, (int) $this->service->get( (int) $ticket )['customer_id'] );
		$this->assertSame( $by_mail, $this->customers->find_by_identity( 'phone', '+819012345678' ) );
		$this->assertSame( $by_mail, $this->customers->canonical( $phone ) );
		$channels = array_column( $this->customers->identities( $by_mail ), 'channel' );
		sort( $channels );
		$this->assertSame( array( 'chat', 'email', 'phone' ), $channels );
	}

	private function assertWPErrorCode( string $code, $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
		$this->assertSame( $code, $value->get_error_code() );
	}
}
