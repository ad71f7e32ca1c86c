<?php
/**
 * Field changes → timeline events and hooks.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\ChangeRecorder;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketService;

final class ChangeRecorderTest extends TestCase {

	private int $ticket;

	/** @var array<int, string> */
	private array $seen = array();

	protected function setUp(): void {
		parent::setUp();
		$customer     = ( new Customers() )->resolve( 'email', 'changes@example.test', array( 'name' => 'Cy' ) );
		$this->ticket = (int) ( new TicketService() )->create(
			array(
				'subject'     => 'Old subject',
				'customer_id' => $customer,
			)
		);
		$this->seen   = array();
	}

	public function test_each_changed_field_is_one_event_and_hooks_fire_in_order(): void {
		$team = ( new Teams() )->create( array( 'name' => 'Returns' ) );
		$this->assertIsArray( $team );
		$before = array(
			'id'          => $this->ticket,
			'status'      => 'open',
			'priority'    => 1,
			'assignee_id' => 0,
			'team_id'     => 0,
			'order_id'    => 0,
			'subject'     => 'Old subject',
		);
		$set    = array(
			'status'      => 'pending',
			'priority'    => 3,
			'assignee_id' => 7,
			'team_id'     => (int) $team['id'],
			'order_id'    => 55,
			'subject'     => 'New subject',
		);
		$listen = function ( string $hook ): callable {
			return function ( ...$args ) use ( $hook ): void {
				$this->seen[] = $hook . ' ' . wp_json_encode( 'switchboard_event_recorded' === $hook ? array( $args[2], $args[3] ) : $args );
			};
		};
		foreach ( array( 'switchboard_event_recorded', 'switchboard_ticket_status_changed', 'switchboard_ticket_assigned', 'switchboard_ticket_team_changed' ) as $hook ) {
			add_action( $hook, $listen( $hook ), 10, 4 );
		}

		( new ChangeRecorder() )->record( $before, $set, array( 'type' => 'system' ) );

		$id = $this->ticket;
		$this->assertSame(
			array(
				'switchboard_event_recorded ["status_changed",{"from":"open","to":"pending"}]',
				"switchboard_ticket_status_changed [$id,\"pending\",\"open\"]",
				'switchboard_event_recorded ["priority_changed",{"from":"normal","to":"urgent"}]',
				'switchboard_event_recorded ["assigned",{"from":0,"to":7}]',
				"switchboard_ticket_assigned [$id,7,0]",
				'switchboard_event_recorded ["team_changed",{"from":0,"to":' . (int) $team['id'] . ',"from_name":"","to_name":"Returns"}]',
				"switchboard_ticket_team_changed [$id," . (int) $team['id'] . ',0]',
				'switchboard_event_recorded ["order_linked",{"from":0,"to":55}]',
				'switchboard_event_recorded ["subject_changed",{"from":"Old subject","to":"New subject"}]',
			),
			$this->seen
		);
		$actors = array_unique( array_column( array_slice( ( new Events() )->for_ticket( $id ), 1 ), 'actor_type' ) );
		$this->assertSame( array( 'system' ), array_values( $actors ) );
	}

	public function test_nothing_changed_records_nothing(): void {
		$recorder = new ChangeRecorder();
		$recorder->record( array( 'id' => $this->ticket ), array( 'updated_at' => '2024-01-01 00:00:00' ), null );
		$recorder->record_tags( $this->ticket, array( 'a', 'b' ), array( 'b', 'a' ), null );

		$this->assertSame( array( 'created' ), array_column( ( new Events() )->for_ticket( $this->ticket ), 'type' ) );
	}

	public function test_tags_changed_names_both_sets(): void {
		( new ChangeRecorder() )->record_tags( $this->ticket, array( 'a', 'b' ), array( 'b', 'c' ), null );

		$events = ( new Events() )->for_ticket( $this->ticket );
		$last   = end( $events );
		$this->assertSame( 'tags_changed', $last['type'] );
		$this->assertSame(
			array(
				'from' => array( 'a', 'b' ),
				'to'   => array( 'b', 'c' ),
			),
			json_decode( (string) $last['data'], true )
		);
	}
}
