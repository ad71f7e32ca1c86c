<?php
/**
 * Store-time counters on the ticket row: the per-message UPDATE and the recount after merge/split.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Counters;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketRepository;
use Switchboard\Tickets\TicketService;

final class CountersTest extends TestCase {

	private TicketService $service;
	private TicketRepository $tickets;
	private int $ticket;

	protected function setUp(): void {
		parent::setUp();
		$this->service = new TicketService();
		$this->tickets = new TicketRepository();
		$this->make_user( 'switchboard_agent', 'counters_agent' );
		$this->as_user( 'counters_agent' );
		$customer     = ( new Customers() )->resolve( 'email', 'counters@example.test', array( 'name' => 'Cora' ) );
		$this->ticket = (int) $this->service->create(
			array(
				'subject'     => 'Wrong size',
				'customer_id' => $customer,
				'created_at'  => '2024-03-01 10:00:00',
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => 'The shoes are too small.',
				),
			)
		);
	}

	private function message( string $author_type, string $text, string $at, bool $is_private = false ): void {
		$id = $this->service->add_message(
			$this->ticket,
			array(
				'author_type' => $author_type,
				'body_text'   => $text,
				'is_private'  => $is_private,
				'created_at'  => $at,
			)
		);
		$this->assertIsInt( $id );
	}

	public function test_first_response_is_set_once_and_notes_count_for_nothing_but_search(): void {
		$this->message( 'agent', 'Please send them back.', '2024-03-01 10:30:00' );
		$this->message( 'agent', 'Label attached.', '2024-03-01 11:00:00' );
		$this->message( 'agent', 'Warehouse knows zebra', '2024-03-01 12:00:00', true );

		$row = $this->tickets->get( $this->ticket );
		$this->assertSame( 3, (int) $row['message_count'] );
		$this->assertSame( 'Label attached.', $row['preview'] );
		$this->assertSame( '2024-03-01 10:30:00', $row['first_response_at'] );
		$this->assertSame( 1800, (int) $row['first_response_seconds'] );
		$this->assertSame( '2024-03-01 11:00:00', $row['last_agent_reply_at'] );
		$this->assertSame( '2024-03-01 11:00:00', $row['last_message_at'], 'a note is not the last message' );
		$this->assertSame( '2024-03-01 12:00:00', $row['updated_at'] );
		$this->assertContains( 'zebra', explode( ' ', (string) $row['search_text'] ), 'notes are searchable by agents' );
	}

	public function test_an_older_message_never_moves_last_message_back(): void {
		$this->message( 'customer', 'Any news?', '2024-03-02 09:00:00' );
		$this->message( 'customer', 'Imported late', '2024-02-01 09:00:00' );

		$this->assertSame( '2024-03-02 09:00:00', $this->tickets->get( $this->ticket )['last_message_at'] );
	}

	public function test_refresh_recomputes_a_drifted_row_from_the_messages(): void {
		$this->message( 'agent', 'Please send them back.', '2024-03-01 10:30:00' );
		$this->message( 'agent', 'Internal only', '2024-03-01 12:00:00', true );
		$expected = $this->tickets->get( $this->ticket );

		$this->tickets->update_fields(
			$this->ticket,
			array(
				'message_count'            => 99,
				'preview'                  => 'stale',
				'last_message_at'          => '2020-01-01 00:00:00',
				'last_customer_message_at' => null,
				'last_agent_reply_at'      => null,
				'first_response_at'        => null,
				'first_response_seconds'   => null,
				'search_text'              => '',
			)
		);
		( new Counters() )->refresh( $this->ticket );

		$row = $this->tickets->get( $this->ticket );
		foreach ( array( 'message_count', 'preview', 'last_message_at', 'last_customer_message_at', 'last_agent_reply_at', 'first_response_at', 'first_response_seconds' ) as $column ) {
			$this->assertSame( $expected[ $column ], $row[ $column ], $column );
		}
		$this->assertSame( 'wrong size the shoes are too small please send them back internal only', $row['search_text'] );
	}

	public function test_refresh_of_a_ticket_without_public_messages(): void {
		global $wpdb;
		$wpdb->delete( Schema::table( 'messages' ), array( 'ticket_id' => $this->ticket ) );
		( new Counters() )->refresh( $this->ticket );

		$row = $this->tickets->get( $this->ticket );
		$this->assertSame( 0, (int) $row['message_count'] );
		$this->assertSame( '', $row['preview'] );
		$this->assertSame( '2024-03-01 10:00:00', $row['last_message_at'], 'falls back to the creation time' );
		$this->assertNull( $row['first_response_at'] );
	}
}
