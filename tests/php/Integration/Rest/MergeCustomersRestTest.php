<?php
/**
 * Merging tickets of two different customers: refused to agents, confirmed by managers, and
 * neither customer ever sees the other's messages.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\TicketService;

final class MergeCustomersRestTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->make_user(
			'subscriber',
			'mc_alice',
			array(
				'user_email'   => 'mc_alice@example.test',
				'display_name' => 'Alice Merge',
			)
		);
		$this->make_user(
			'subscriber',
			'mc_bob',
			array(
				'user_email'   => 'mc_bob@example.test',
				'display_name' => 'Bob Merge',
			)
		);
		$this->make_user( 'switchboard_agent', 'mc_agent' );
		$this->make_user( 'administrator', 'mc_admin' );
	}

	private function ticket_of( string $login, string $body ): array {
		$this->as_user( $login );
		$response = $this->rest(
			'POST',
			'/switchboard/v1/me/tickets',
			array(
				'subject' => 'Question from ' . $login,
				'body'    => $body,
			)
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_agent_cannot_merge_two_customers_tickets(): void {
		$alice = $this->ticket_of( 'mc_alice', 'Alice secret: my door code is 1234.' );
		$bob   = $this->ticket_of( 'mc_bob', 'Bob asks about shipping.' );

		$this->as_user( 'mc_agent' );
		$response = $this->rest( 'POST', "/switchboard/v1/tickets/{$bob['id']}/merge", array( 'source_id' => $alice['id'] ) );
		$this->assertRestError( $response, 403, 'switchboard_merge_other_customer' );
		$message = $response->get_data()['message'];
		$this->assertStringContainsString( 'mc_alice@example.test', $message );
		$this->assertStringContainsString( 'mc_bob@example.test', $message );

		// Even with a confirmation, an agent is refused.
		$source = ( new TicketService() )->get( (int) $alice['id'] );
		$target = ( new TicketService() )->get( (int) $bob['id'] );
		$this->assertRestError(
			$this->rest(
				'POST',
				"/switchboard/v1/tickets/{$bob['id']}/merge",
				array(
					'source_id'         => $alice['id'],
					'confirm_customers' => array( (int) $source['customer_id'], (int) $target['customer_id'] ),
				)
			),
			403,
			'switchboard_merge_other_customer'
		);

		$this->as_user( 'mc_bob' );
		$seen = $this->rest( 'GET', "/switchboard/v1/me/tickets/{$bob['id']}" )->get_data();
		$this->assertSame( array( 'Bob asks about shipping.' ), array_column( $seen['messages'], 'body_text' ) );
		$this->assertSame( 'new', ( new TicketService() )->get( (int) $alice['id'] )['status'] );
	}

	public function test_manager_merges_two_customers_only_after_confirming_and_each_sees_her_own(): void {
		$alice  = $this->ticket_of( 'mc_alice', 'Alice secret: my door code is 1234.' );
		$bob    = $this->ticket_of( 'mc_bob', 'Bob asks about shipping.' );
		$source = ( new TicketService() )->get( (int) $alice['id'] );
		$target = ( new TicketService() )->get( (int) $bob['id'] );
		$ids    = array( (int) $source['customer_id'], (int) $target['customer_id'] );

		$this->as_user( 'mc_admin' );
		$unconfirmed = $this->rest( 'POST', "/switchboard/v1/tickets/{$bob['id']}/merge", array( 'source_id' => $alice['id'] ) );
		$this->assertRestError( $unconfirmed, 400, 'switchboard_merge_confirm_customers' );
		$this->assertSame( array( $ids[0], $ids[1] ), array_column( $unconfirmed->get_data()['data']['customers'], 'id' ) );
		$this->assertRestError(
			$this->rest(
				'POST',
				"/switchboard/v1/tickets/{$bob['id']}/merge",
				array(
					'source_id'         => $alice['id'],
					'confirm_customers' => array( $ids[1], $ids[1] + 1000 ),
				)
			),
			400,
			'switchboard_merge_confirm_customers'
		);

		$merged = $this->rest(
			'POST',
			"/switchboard/v1/tickets/{$bob['id']}/merge",
			array(
				'source_id'         => $alice['id'],
				'confirm_customers' => array( $ids[1], $ids[0] ),
			)
		);
		$this->assertSame( 200, $merged->get_status(), wp_json_encode( $merged->get_data() ) );

		// The agent timeline of the target shows both conversations.
		$timeline = $this->rest( 'GET', "/switchboard/v1/tickets/{$bob['id']}/timeline" )->get_data();
		$texts    = array_map( static fn ( array $item ): string => (string) ( $item['message']['body_text'] ?? '' ), $timeline );
		$this->assertContains( 'Alice secret: my door code is 1234.', $texts );
		$this->assertContains( 'Bob asks about shipping.', $texts );
		$closed = ( new TicketService() )->get( (int) $alice['id'] );
		$this->assertSame( 'closed', $closed['status'] );

		// Bob never sees Alice's message, neither on his ticket nor anywhere in his list.
		$this->as_user( 'mc_bob' );
		$seen = $this->rest( 'GET', "/switchboard/v1/me/tickets/{$bob['id']}" )->get_data();
		$this->assertSame( array( 'Bob asks about shipping.' ), array_column( $seen['messages'], 'body_text' ) );
		$this->assertSame( array( $bob['id'] ), array_column( $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data(), 'id' ) );

		// Alice keeps her own conversation; her late reply stays on her ticket, away from Bob.
		$this->as_user( 'mc_alice' );
		$hers = $this->rest( 'GET', "/switchboard/v1/me/tickets/{$alice['id']}" )->get_data();
		$this->assertSame( array( 'Alice secret: my door code is 1234.' ), array_column( $hers['messages'], 'body_text' ) );
		// A late reply by e-mail to her (closed) ticket: no redirect onto Bob's ticket.
		$late = ( new TicketService() )->add_message(
			(int) $alice['id'],
			array(
				'author_type' => 'customer',
				'channel'     => 'email',
				'body_text'   => 'Alice again',
			)
		);
		$this->assertIsInt( $late );
		$this->assertSame( (int) $alice['id'], (int) ( new \Switchboard\Tickets\Messages() )->get( $late )['ticket_id'] );
		$this->as_user( 'mc_bob' );
		$seen = $this->rest( 'GET', "/switchboard/v1/me/tickets/{$bob['id']}" )->get_data();
		$this->assertNotContains( 'Alice again', array_column( $seen['messages'], 'body_text' ) );
	}

	public function test_agent_still_merges_tickets_of_one_customer(): void {
		$one = $this->ticket_of( 'mc_alice', 'First question.' );
		$two = $this->ticket_of( 'mc_alice', 'Second question.' );
		$this->as_user( 'mc_agent' );
		$merged = $this->rest( 'POST', "/switchboard/v1/tickets/{$one['id']}/merge", array( 'source_id' => $two['id'] ) );
		$this->assertSame( 200, $merged->get_status(), wp_json_encode( $merged->get_data() ) );
		$this->assertSame( 2, $merged->get_data()['message_count'] );
	}
}
