<?php
/**
 * TicketQuery against the real database: filters, sorts, pagination, totals, queue counters, and
 * a query count that does not depend on the page size. (Full-text search needs committed rows:
 * see SearchTest.)
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\TicketService;

final class TicketQueryTest extends TestCase {

	/**
	 * A channel name only this test's tickets use, so other rows in the database never count.
	 */
	private string $channel = '';

	/**
	 * Customer of the tickets.
	 */
	private int $customer = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->channel  = 'tq' . strtolower( wp_generate_password( 8, false, false ) );
		$this->customer = ( new Customers() )->resolve( 'email', $this->channel . '@example.test', array( 'name' => 'Query Test' ) );
	}

	/**
	 * Creates a ticket and sets its stored fields directly (times, status) for the test.
	 *
	 * @param array<string, mixed> $args  TicketService::create() arguments.
	 * @param array<string, mixed> $stored Columns to set afterwards (last_message_at, …).
	 */
	private function ticket( array $args = array(), array $stored = array() ): int {
		global $wpdb;
		$id = ( new TicketService() )->create(
			$args + array(
				'subject'     => 'Ticket ' . wp_generate_password( 6, false, false ),
				'channel'     => $this->channel,
				'customer_id' => $this->customer,
			)
		);
		$this->assertIsInt( $id );
		if ( isset( $stored['status'] ) ) {
			$stored['is_open'] = in_array( $stored['status'], array( 'new', 'open', 'pending', 'on-hold' ), true ) ? 1 : 0;
		}
		if ( $stored ) {
			$wpdb->update( Schema::table( 'tickets' ), $stored, array( 'id' => $id ) );
		}
		return $id;
	}

	/**
	 * Ids of a query restricted to this test's channel.
	 *
	 * @param array<string, mixed> $args Query args.
	 * @return int[]
	 */
	private function ids( array $args ): array {
		$result = ( new TicketQuery() )->query( $args + array( 'channel' => array( $this->channel ) ) );
		return array_map( static fn ( array $row ): int => (int) $row['id'], $result['rows'] );
	}

	public function test_status_filters_and_the_open_set(): void {
		$new     = $this->ticket( array( 'status' => 'new' ) );
		$open    = $this->ticket( array( 'status' => 'open' ) );
		$pending = $this->ticket( array(), array( 'status' => 'pending' ) );
		$hold    = $this->ticket( array(), array( 'status' => 'on-hold' ) );
		$solved  = $this->ticket( array(), array( 'status' => 'solved' ) );
		$closed  = $this->ticket( array(), array( 'status' => 'closed' ) );

		$this->assertEqualsCanonicalizing( array( $new, $open, $pending, $hold ), $this->ids( array( 'status' => array( 'new', 'open', 'pending', 'on-hold' ) ) ) );
		// The same set in another order is still "all open".
		$this->assertEqualsCanonicalizing( array( $new, $open, $pending, $hold ), $this->ids( array( 'status' => array( 'on-hold', 'pending', 'new', 'open' ) ) ) );
		$this->assertSame( array( $solved ), $this->ids( array( 'status' => array( 'solved' ) ) ) );
		$this->assertEqualsCanonicalizing( array( $solved, $closed ), $this->ids( array( 'status' => array( 'solved', 'closed' ) ) ) );
		$this->assertEqualsCanonicalizing( array( $new, $open, $pending, $hold, $solved, $closed ), $this->ids( array() ) );
		// Unknown statuses are ignored rather than matching nothing.
		$this->assertCount( 6, $this->ids( array( 'status' => array( 'bogus' ) ) ) );
	}

	public function test_assignee_channel_priority_customer_order_and_dates(): void {
		$agent = $this->make_user( 'switchboard_agent' );
		$other = $this->make_user( 'switchboard_agent' );
		wp_set_current_user( $agent );

		$mine      = $this->ticket(
			array(
				'assignee_id' => $agent,
				'priority'    => 'urgent',
			),
			array( 'created_at' => '2024-01-10 10:00:00' )
		);
		$theirs    = $this->ticket(
			array(
				'assignee_id' => $other,
				'order_id'    => 4711,
			),
			array( 'created_at' => '2024-02-10 10:00:00' )
		);
		$nobody    = $this->ticket( array( 'priority' => 'low' ), array( 'created_at' => '2024-03-10 10:00:00' ) );
		$customer2 = ( new Customers() )->resolve( 'email', 'second-' . $this->channel . '@example.test' );
		$second    = $this->ticket( array( 'customer_id' => $customer2 ), array( 'created_at' => '2024-04-10 10:00:00' ) );
		$elsewhere = $this->ticket( array( 'channel' => $this->channel . 'x' ) );

		$this->assertSame( array( $mine ), $this->ids( array( 'assignee' => 'me' ) ) );
		$this->assertSame( array( $theirs ), $this->ids( array( 'assignee' => (string) $other ) ) );
		$this->assertEqualsCanonicalizing( array( $nobody, $second ), $this->ids( array( 'assignee' => 'none' ) ) );
		$this->assertSame( array( $mine ), $this->ids( array( 'priority' => 'urgent' ) ) );
		$this->assertSame( array( $nobody ), $this->ids( array( 'priority' => 'low' ) ) );
		$this->assertSame( array( $second ), $this->ids( array( 'customer' => $customer2 ) ) );
		$this->assertSame( array( $theirs ), $this->ids( array( 'order_id' => 4711 ) ) );
		$this->assertEqualsCanonicalizing(
			array( $theirs, $nobody ),
			$this->ids(
				array(
					'after'  => '2024-02-01 00:00:00',
					'before' => '2024-04-01 00:00:00',
				)
			)
		);

		// Several channels at once.
		$both = ( new TicketQuery() )->query( array( 'channel' => array( $this->channel, $this->channel . 'x' ) ) );
		$this->assertSame( 5, $both['total'] );
		$this->assertContains( $elsewhere, array_map( 'intval', array_column( $both['rows'], 'id' ) ) );

		// The sort direction is not mistaken for an order filter (it once added "order_id = 0").
		$this->assertCount( 4, $this->ids( array( 'order' => 'desc' ) ) );
		$this->assertCount( 4, $this->ids( array( 'order' => 'asc' ) ) );
	}

	public function test_tag_filter(): void {
		$refund  = $this->ticket( array( 'tags' => array( 'Refund ' . $this->channel, 'VIP ' . $this->channel ) ) );
		$vip     = $this->ticket( array( 'tags' => array( 'VIP ' . $this->channel ) ) );
		$untaged = $this->ticket();

		$this->assertSame( array( $refund ), $this->ids( array( 'tag' => 'refund-' . $this->channel ) ) );
		$this->assertEqualsCanonicalizing( array( $refund, $vip ), $this->ids( array( 'tag' => 'vip-' . $this->channel ) ) );
		$this->assertSame( array(), $this->ids( array( 'tag' => 'no-such-tag-' . $this->channel ) ) );
		$this->assertNotContains( $untaged, $this->ids( array( 'tag' => 'vip-' . $this->channel ) ) );

		// A ticket with two tags is counted once.
		$result = ( new TicketQuery() )->query(
			array(
				'channel' => array( $this->channel ),
				'tag'     => 'vip-' . $this->channel,
			)
		);
		$this->assertSame( 2, $result['total'] );
	}

	public function test_sorts_with_a_stable_tiebreak(): void {
		$a = $this->ticket(
			array( 'priority' => 'low' ),
			array(
				'last_message_at' => '2024-05-01 10:00:00',
				'created_at'      => '2024-01-03 00:00:00',
			)
		);
		$b = $this->ticket(
			array( 'priority' => 'urgent' ),
			array(
				'last_message_at' => '2024-05-03 10:00:00',
				'created_at'      => '2024-01-01 00:00:00',
			)
		);
		$c = $this->ticket(
			array( 'priority' => 'urgent' ),
			array(
				'last_message_at' => '2024-05-02 10:00:00',
				'created_at'      => '2024-01-02 00:00:00',
			)
		);
		// Same last_message_at as $c: the id decides, in the same direction.
		$d = $this->ticket(
			array( 'priority' => 'normal' ),
			array(
				'last_message_at' => '2024-05-02 10:00:00',
				'created_at'      => '2024-01-04 00:00:00',
			)
		);

		$this->assertSame( array( $b, $d, $c, $a ), $this->ids( array() ), 'default: last_message_at desc, then id desc' );
		$this->assertSame( array( $a, $c, $d, $b ), $this->ids( array( 'order' => 'asc' ) ) );
		$this->assertSame(
			array( $b, $c, $a, $d ),
			$this->ids(
				array(
					'orderby' => 'created_at',
					'order'   => 'asc',
				)
			)
		);
		$this->assertSame( array( $b, $c, $d, $a ), $this->ids( array( 'orderby' => 'priority' ) ), 'priority desc, then the latest activity first' );
		$this->assertSame( array( $d, $c, $b, $a ), $this->ids( array( 'orderby' => 'id' ) ) );
		// Unknown sort columns fall back to the default instead of reaching SQL.
		$this->assertSame( array( $b, $d, $c, $a ), $this->ids( array( 'orderby' => 'subject; DROP TABLE x' ) ) );
	}

	public function test_pagination_and_totals(): void {
		$ids = array();
		for ( $i = 0; $i < 7; $i++ ) {
			$ids[] = $this->ticket( array(), array( 'last_message_at' => sprintf( '2024-06-%02d 10:00:00', $i + 1 ) ) );
		}
		$newest_first = array_reverse( $ids );
		$query        = new TicketQuery();
		$pages        = array();
		foreach ( array( 1, 2, 3 ) as $page ) {
			$result = $query->query(
				array(
					'channel'  => array( $this->channel ),
					'per_page' => 3,
					'page'     => $page,
				)
			);
			$this->assertSame( 7, $result['total'], "total on page $page" );
			$pages[] = array_map( static fn ( array $row ): int => (int) $row['id'], $result['rows'] );
		}
		$this->assertSame( array_slice( $newest_first, 0, 3 ), $pages[0] );
		$this->assertSame( array_slice( $newest_first, 3, 3 ), $pages[1] );
		$this->assertSame( array_slice( $newest_first, 6 ), $pages[2] );

		$beyond = $query->query(
			array(
				'channel'  => array( $this->channel ),
				'per_page' => 3,
				'page'     => 9,
			)
		);
		$this->assertSame( array(), $beyond['rows'] );
		$this->assertSame( 7, $beyond['total'] );

		// per_page is clamped to 1..100.
		$this->assertCount( 1, $this->ids( array( 'per_page' => 0 ) ) );
		$this->assertCount( 7, $this->ids( array( 'per_page' => 1000 ) ) );
	}

	public function test_queue_counters(): void {
		$agent  = $this->make_user( 'switchboard_agent' );
		$query  = new TicketQuery();
		$before = $query->queues( $agent );

		$this->ticket( array( 'status' => 'new' ) );
		$this->ticket(
			array(
				'status'      => 'open',
				'assignee_id' => $agent,
			)
		);
		$this->ticket( array( 'assignee_id' => $agent ), array( 'status' => 'pending' ) );
		$this->ticket( array(), array( 'status' => 'on-hold' ) );
		$this->ticket( array( 'assignee_id' => $agent ), array( 'status' => 'solved' ) );
		$this->ticket( array(), array( 'status' => 'closed' ) );

		$after = $query->queues( $agent );
		$delta = static fn ( string $key ): int => (int) $after[ $key ] - (int) $before[ $key ];
		$this->assertSame( 4, $delta( 'all_open' ) );
		$this->assertSame( 1, $delta( 'new' ) );
		$this->assertSame( 1, $delta( 'open' ) );
		$this->assertSame( 1, $delta( 'pending' ) );
		$this->assertSame( 1, $delta( 'on_hold' ) );
		$this->assertSame( 1, $delta( 'solved' ) );
		$this->assertSame( 2, $delta( 'mine' ), 'open work assigned to the agent (the solved one is not)' );
		$this->assertSame( 2, $delta( 'unassigned' ) );
		$this->assertSame( 4, (int) ( $after['channels'][ $this->channel ] ?? 0 ) );
	}

	public function test_the_list_issues_the_same_number_of_queries_whatever_the_page_size(): void {
		global $wpdb;
		$agents = array( $this->make_user( 'switchboard_agent' ), $this->make_user( 'switchboard_agent' ) );
		for ( $i = 0; $i < 55; $i++ ) {
			$customer = ( new Customers() )->resolve( 'email', "c$i-" . $this->channel . '@example.test' );
			$this->ticket(
				array(
					'customer_id' => $customer,
					'assignee_id' => $agents[ $i % 2 ],
					'tags'        => 0 === $i % 3 ? array( 'Bulk ' . $this->channel ) : array(),
				)
			);
		}
		wp_set_current_user( $agents[0] );

		$count = function ( int $per_page ) use ( $wpdb ): array {
			// Warm up once (route registration, autoloading), then count.
			$this->rest(
				'GET',
				'/switchboard/v1/tickets',
				array(
					'channel'  => $this->channel,
					'per_page' => $per_page,
				)
			);
			$before   = $wpdb->num_queries;
			$response = $this->rest(
				'GET',
				'/switchboard/v1/tickets',
				array(
					'channel'  => $this->channel,
					'per_page' => $per_page,
				)
			);
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			return array( $wpdb->num_queries - $before, count( (array) $response->get_data() ), $response->get_headers() );
		};

		list( $q5, $n5, $h5 ) = $count( 5 );
		list( $q50, $n50 )    = $count( 50 );
		$this->assertSame( 5, $n5 );
		$this->assertSame( 50, $n50 );
		$this->assertSame( '55', $h5['X-WP-Total'] );
		$this->assertSame( '11', $h5['X-WP-TotalPages'] );
		$this->assertSame( $q5, $q50, 'queries for per_page 5 vs 50' );
		$this->assertLessThanOrEqual( 6, $q50, 'the inbox list target: at most 6 queries' );

		// The query layer alone: one page query and one COUNT.
		$before = $wpdb->num_queries;
		( new TicketQuery() )->query(
			array(
				'channel'  => array( $this->channel ),
				'per_page' => 50,
			)
		);
		$this->assertSame( 2, $wpdb->num_queries - $before );
	}
}
