<?php
/**
 * Agent ticket routes through the real REST server.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Tests\TestCase;

final class TicketsRestTest extends TestCase {

	private int $agent;

	protected function setUp(): void {
		parent::setUp();
		$this->agent = $this->make_user( 'switchboard_agent', 'rest_agent', array( 'display_name' => 'Rest Agent' ) );
		$this->as_user( 'rest_agent' );
		// Agents apply tags a manager created (TagCreationRestTest covers the rule).
		foreach ( array( 'Sizes', 'Supplier' ) as $tag ) {
			( new \Switchboard\Tickets\Tags() )->ensure( $tag );
		}
	}

	private function create( string $subject = 'Phone call: wrong size' ): array {
		$response = $this->rest(
			'POST',
			'/switchboard/v1/tickets',
			array(
				'subject'  => $subject,
				'customer' => array(
					'name'  => 'Mia Phone',
					'email' => 'mia@example.com',
				),
				'message'  => array( 'body' => 'She called: the shoes are too small.' ),
				'tags'     => array( 'Sizes' ),
			)
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_create_on_behalf_of_a_customer(): void {
		$ticket = $this->create();
		$this->assertSame( 'phone', $ticket['channel'] );
		$this->assertSame( 'open', $ticket['status'] );
		$this->assertSame( 'Mia Phone', $ticket['customer']['name'] );
		$this->assertSame( array( 'sizes' ), array_column( $ticket['tags'], 'slug' ) );
		$this->assertSame( 1, $ticket['message_count'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $ticket['created_at'] );
	}

	public function test_update_assign_and_timeline(): void {
		$ticket = $this->create();
		$admin  = $this->make_user( 'administrator', 'rest_admin' );

		$response = $this->rest(
			'PATCH',
			'/switchboard/v1/tickets/' . $ticket['id'],
			array(
				'status'      => 'pending',
				'assignee_id' => $admin,
				'priority'    => 'high',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'pending', $response->get_data()['status'] );
		$this->assertSame( $admin, $response->get_data()['assignee']['id'] );
		$this->assertSame( 'high', $response->get_data()['priority'] );

		$timeline = $this->rest( 'GET', '/switchboard/v1/tickets/' . $ticket['id'] . '/timeline' )->get_data();
		$kinds    = array_map( static fn ( array $i ): string => 'event' === $i['kind'] ? $i['event']['type'] : 'message', $timeline );
		$this->assertSame( 'created', $kinds[0] );
		$this->assertContains( 'assigned', $kinds );
		$this->assertContains( 'status_changed', $kinds );
		$this->assertContains( 'priority_changed', $kinds );
	}

	public function test_filters_and_queue_counts(): void {
		$one = $this->create( 'First' );
		$two = $this->create( 'Second' );
		$this->rest( 'PATCH', '/switchboard/v1/tickets/' . $two['id'], array( 'assignee_id' => $this->agent ) );

		$mine = $this->rest( 'GET', '/switchboard/v1/tickets', array( 'assignee' => 'me' ) );
		$this->assertSame( array( $two['id'] ), array_column( $mine->get_data(), 'id' ) );
		$this->assertSame( '1', (string) $mine->get_headers()['X-WP-Total'] );

		$unassigned = array_column(
			$this->rest(
				'GET',
				'/switchboard/v1/tickets',
				array(
					'assignee' => 'none',
					'channel'  => 'phone',
					'tag'      => 'sizes',
				)
			)->get_data(),
			'id'
		);
		$this->assertContains( $one['id'], $unassigned );
		$this->assertNotContains( $two['id'], $unassigned );

		$queues = $this->rest( 'GET', '/switchboard/v1/queues' )->get_data();
		$this->assertSame( 1, $queues['mine'] );
		$this->assertGreaterThanOrEqual( 2, $queues['channels']['phone'] );

		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/tickets', array( 'status' => 'whatever' ) ), 400, 'rest_invalid_param' );
	}

	public function test_bulk_merge_and_split(): void {
		$one = $this->create( 'One' );
		$two = $this->create( 'Two' );

		$bulk = $this->rest(
			'POST',
			'/switchboard/v1/tickets/bulk',
			array(
				'ids'      => array( $one['id'], $two['id'] ),
				'status'   => 'on-hold',
				'add_tags' => array( 'Supplier' ),
			)
		);
		$this->assertSame( 2, $bulk->get_data()['updated'] );
		$this->assertSame( 'on-hold', $this->rest( 'GET', '/switchboard/v1/tickets/' . $one['id'] )->get_data()['status'] );

		$merged = $this->rest( 'POST', '/switchboard/v1/tickets/' . $one['id'] . '/merge', array( 'source_id' => $two['id'] ) );
		$this->assertSame( 200, $merged->get_status() );
		$this->assertSame( 2, $merged->get_data()['message_count'] );

		$messages = $this->rest( 'GET', '/switchboard/v1/tickets/' . $one['id'] . '/messages' )->get_data();
		$split    = $this->rest( 'POST', '/switchboard/v1/tickets/' . $one['id'] . '/split', array( 'message_id' => $messages[1]['id'] ) );
		$this->assertSame( 201, $split->get_status() );
		$this->assertNotSame( $one['id'], $split->get_data()['id'] );
	}

	public function test_reply_and_note_and_bad_input(): void {
		$ticket = $this->create();
		$reply  = $this->rest( 'POST', '/switchboard/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => '<p>We will exchange them.</p>' ) );
		$this->assertSame( 201, $reply->get_status() );
		$this->assertSame( 'agent', $reply->get_data()['author']['type'] );
		$this->assertSame( 'Rest Agent', $reply->get_data()['author']['name'] );
		$this->assertFalse( $reply->get_data()['is_private'] );

		$note = $this->rest(
			'POST',
			'/switchboard/v1/tickets/' . $ticket['id'] . '/messages',
			array(
				'body'       => 'Check stock',
				'is_private' => true,
			)
		);
		$this->assertTrue( $note->get_data()['is_private'] );

		$this->assertRestError(
			$this->rest(
				'POST',
				'/switchboard/v1/tickets/' . $ticket['id'] . '/messages',
				array(
					'body' => 'x',
					'cc'   => 'someone',
				)
			),
			400,
			'rest_invalid_param'
		);
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/tickets/999999/messages', array( 'body' => 'x' ) ), 404 );
		$this->assertRestError( $this->rest( 'PATCH', '/switchboard/v1/tickets/' . $ticket['id'], array( 'priority' => 'asap' ) ), 400, 'rest_invalid_param' );
	}

	public function test_customers_and_roles(): void {
		$ticket   = $this->create();
		$customer = $this->rest( 'GET', '/switchboard/v1/customers/' . $ticket['customer']['id'] )->get_data();
		$this->assertSame( array( 'email' ), array_column( $customer['identities'], 'channel' ) );
		$this->assertSame( array( $ticket['id'] ), array_column( $this->rest( 'GET', '/switchboard/v1/customers/' . $customer['id'] . '/tickets' )->get_data(), 'id' ) );
		$this->assertNotEmpty( $this->rest( 'GET', '/switchboard/v1/customers', array( 'search' => 'mia@' ) )->get_data() );

		// Merging customers is a manager's job.
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/customers/' . $customer['id'] . '/merge', array( 'source_id' => $customer['id'] ) ), 403 );

		$this->make_user( 'subscriber', 'rest_customer' );
		$this->as_user( 'rest_customer' );
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/tickets' ), 403 );
		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/tickets' ), 401 );
	}
}
