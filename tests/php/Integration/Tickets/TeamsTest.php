<?php
/**
 * Teams against the real database: validation, members, the ticket team field and its event,
 * the inbox filter, and what deleting a team does to tickets and mailboxes.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\TicketService;
use WP_Error;

final class TeamsTest extends TestCase {

	private Teams $teams;

	private int $agent = 0;

	private int $customer = 0;

	/**
	 * A suffix only this test's teams and tickets use.
	 */
	private string $run = '';

	protected function setUp(): void {
		parent::setUp();
		$this->teams    = new Teams();
		$this->run      = strtolower( wp_generate_password( 6, false, false ) );
		$this->agent    = $this->make_user( 'switchboard_agent', 'teams_agent_' . $this->run );
		$this->customer = ( new Customers() )->resolve( 'email', 'teams-' . $this->run . '@example.test', array( 'name' => 'Team Test' ) );
	}

	/**
	 * A team or a failed assertion.
	 *
	 * @param array<string, mixed> $data Fields.
	 * @return array<string, mixed>
	 */
	private function team( array $data ): array {
		$team = $this->teams->create( $data );
		$this->assertIsArray( $team, is_wp_error( $team ) ? $team->get_error_message() : '' );
		return $team;
	}

	private function ticket( int $team_id = 0 ): int {
		$id = ( new TicketService() )->create(
			array(
				'subject'     => 'Team ticket ' . $this->run,
				'channel'     => 'tm' . $this->run,
				'customer_id' => $this->customer,
				'team_id'     => $team_id,
				'message'     => array( 'body_text' => 'Hello' ),
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	private function assert_error( $result, string $code, int $status ): void {
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( $code, $result->get_error_code() );
		$this->assertSame( $status, $result->get_error_data()['status'] ?? null );
	}

	public function test_create_trims_stores_members_and_lists_by_name(): void {
		$admin = $this->make_user( 'administrator', 'teams_admin_' . $this->run );
		$b     = $this->team(
			array(
				'name'        => "  Zeta Billing {$this->run} ",
				'description' => 'Refunds',
				'member_ids'  => array( $this->agent, (string) $admin, $this->agent ),
			)
		);
		$a     = $this->team( array( 'name' => "Alpha Shipping {$this->run}" ) );

		$this->assertSame( "Zeta Billing {$this->run}", $b['name'] );
		$this->assertSame( 'Refunds', $b['description'] );
		$this->assertEqualsCanonicalizing( array( $this->agent, $admin ), $b['member_ids'] );
		$this->assertSame( array(), $a['member_ids'] );

		$mine = array_values( array_filter( $this->teams->all(), fn ( array $t ): bool => str_contains( $t['name'], $this->run ) ) );
		$this->assertSame( array( $a['id'], $b['id'] ), array_column( $mine, 'id' ), 'sorted by name' );
		$this->assertSame( array( $b['id'] ), $this->teams->ids_of_user( $admin ) );
		$this->assertSame( array( $b['id'] => $b['name'] ), $this->teams->names( array( $b['id'], 0, 999999999 ) ) );
	}

	public function test_names_must_be_present_short_and_unique_ignoring_case(): void {
		$this->assert_error( $this->teams->create( array( 'name' => '   ' ) ), 'switchboard_team_invalid_name', 400 );
		$this->assert_error( $this->teams->create( array() ), 'switchboard_team_invalid_name', 400 );
		$this->assert_error( $this->teams->create( array( 'name' => str_repeat( 'x', 101 ) ) ), 'switchboard_team_invalid_name', 400 );

		$team = $this->team( array( 'name' => "Billing {$this->run}" ) );
		$this->assert_error( $this->teams->create( array( 'name' => strtoupper( "billing {$this->run}" ) ) ), 'switchboard_team_exists', 409 );

		$other = $this->team( array( 'name' => "Shipping {$this->run}" ) );
		$this->assert_error( $this->teams->update( $other['id'], array( 'name' => "Billing {$this->run}" ) ), 'switchboard_team_exists', 409 );
		// Renaming a team to its own name in another case is fine.
		$renamed = $this->teams->update( $team['id'], array( 'name' => "BILLING {$this->run}" ) );
		$this->assertIsArray( $renamed );
		$this->assertSame( "BILLING {$this->run}", $renamed['name'] );
		$this->assert_error( $this->teams->update( 999999999, array( 'name' => 'x' ) ), 'switchboard_team_not_found', 404 );
	}

	public function test_members_must_be_agents(): void {
		$customer = $this->make_user( 'subscriber', 'teams_customer_' . $this->run );
		$this->assert_error(
			$this->teams->create(
				array(
					'name'       => "A {$this->run}",
					'member_ids' => array(
						$this->agent,
						$customer,
					),
				)
			),
			'switchboard_team_invalid_member',
			400
		);
		$this->assert_error(
			$this->teams->create(
				array(
					'name'       => "A {$this->run}",
					'member_ids' => array( 999999999 ),
				)
			),
			'switchboard_team_invalid_member',
			400
		);
		$this->assert_error(
			$this->teams->create(
				array(
					'name'       => "A {$this->run}",
					'member_ids' => array( 'abc' ),
				)
			),
			'switchboard_team_invalid_member',
			400
		);

		$team = $this->team(
			array(
				'name'       => "A {$this->run}",
				'member_ids' => array( $this->agent ),
			)
		);
		$this->assert_error( $this->teams->update( $team['id'], array( 'member_ids' => array( $customer ) ) ), 'switchboard_team_invalid_member', 400 );
		$this->assertSame( array( $this->agent ), (array) $this->teams->get( $team['id'] )['member_ids'], 'a refused update changes nothing' );

		$emptied = $this->teams->update( $team['id'], array( 'member_ids' => array() ) );
		$this->assertIsArray( $emptied );
		$this->assertSame( array(), $emptied['member_ids'] );
		$this->assertSame( array(), $this->teams->ids_of_user( $this->agent ) );
	}

	public function test_ticket_team_must_exist_and_a_change_is_an_event(): void {
		$service = new TicketService();
		$team    = $this->team( array( 'name' => "Billing {$this->run}" ) );
		$ticket  = $this->ticket();

		$this->assert_error( $service->update( $ticket, array( 'team_id' => 999999999 ) ), 'switchboard_invalid_team', 400 );
		$this->assertSame( 0, (int) $service->get( $ticket )['team_id'] );

		$row = $service->update( $ticket, array( 'team_id' => $team['id'] ) );
		$this->assertIsArray( $row );
		$this->assertSame( $team['id'], (int) $row['team_id'] );
		$service->update( $ticket, array( 'team_id' => 0 ) );

		$events = array_values( array_filter( ( new Events() )->for_ticket( $ticket ), static fn ( array $e ): bool => 'team_changed' === $e['type'] ) );
		$this->assertCount( 2, $events );
		$this->assertSame(
			array(
				'from'      => 0,
				'to'        => $team['id'],
				'from_name' => '',
				'to_name'   => "Billing {$this->run}",
			),
			json_decode( (string) $events[0]['data'], true )
		);
		$this->assertSame( 0, json_decode( (string) $events[1]['data'], true )['to'] );
	}

	public function test_a_new_ticket_for_a_missing_team_gets_none(): void {
		$team = $this->team( array( 'name' => "Billing {$this->run}" ) );
		$this->assertSame( $team['id'], (int) ( new TicketService() )->get( $this->ticket( $team['id'] ) )['team_id'] );
		$this->assertSame( 0, (int) ( new TicketService() )->get( $this->ticket( 999999999 ) )['team_id'] );
	}

	public function test_inbox_filter_by_team_none_and_mine(): void {
		$billing  = $this->team(
			array(
				'name'       => "Billing {$this->run}",
				'member_ids' => array( $this->agent ),
			)
		);
		$shipping = $this->team( array( 'name' => "Shipping {$this->run}" ) );
		$in_b     = $this->ticket( $billing['id'] );
		$in_s     = $this->ticket( $shipping['id'] );
		$none     = $this->ticket();
		$query    = new TicketQuery();
		$run      = $this->run;
		$find     = static function ( array $args ) use ( $query, $run ): array {
			$result = $query->query( $args + array( 'channel' => array( 'tm' . $run ) ) );
			return array( array_map( 'intval', array_column( $result['rows'], 'id' ) ), $result['total'] );
		};

		$this->assertSame( array( array( $in_b ), 1 ), $find( array( 'team' => (string) $billing['id'] ) ) );
		$this->assertSame( array( array( $in_s ), 1 ), $find( array( 'team' => $shipping['id'] ) ) );
		$this->assertSame( array( array( $none ), 1 ), $find( array( 'team' => 'none' ) ) );
		$this->assertSame( 3, $find( array() )[1] );

		$this->as_user( 'teams_agent_' . $this->run );
		$this->assertSame( array( array( $in_b ), 1 ), $find( array( 'team' => 'mine' ) ) );
		$this->as_guest();
		$this->assertSame( array( array(), 0 ), $find( array( 'team' => 'mine' ) ), 'nobody: no teams, no tickets' );
	}

	public function test_mail_to_a_mailbox_lands_in_its_default_team(): void {
		$team    = $this->team( array( 'name' => "Returns {$this->run}" ) );
		$address = "returns-{$this->run}@shop.test";
		$box     = ( new Mailboxes() )->save(
			array(
				'address' => $address,
				'team_id' => $team['id'],
			)
		);
		$mail    = static fn ( string $id ): string => "From: Rita <rita-{$id}@example.com>\r\nTo: {$address}\r\nSubject: Wrong colour {$id}\r\nMessage-ID: <{$id}@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe mug is green, I ordered blue.\r\n";

		$first = ( new Importer() )->import( $mail( "a-{$this->run}" ), array( 'mailbox_id' => $box ) );
		$this->assertSame( 'stored', $first['status'] );
		$this->assertSame( $team['id'], (int) ( new TicketService() )->get( (int) $first['ticket_id'] )['team_id'] );

		$this->teams->delete( $team['id'] );
		$second = ( new Importer() )->import( $mail( "b-{$this->run}" ), array( 'mailbox_id' => $box ) );
		$this->assertSame( 'stored', $second['status'] );
		$this->assertSame( 0, (int) ( new TicketService() )->get( (int) $second['ticket_id'] )['team_id'] );
	}

	public function test_delete_clears_tickets_and_mailboxes_and_members(): void {
		$billing  = $this->team(
			array(
				'name'       => "Billing {$this->run}",
				'member_ids' => array( $this->agent ),
			)
		);
		$shipping = $this->team( array( 'name' => "Shipping {$this->run}" ) );
		$one      = $this->ticket( $billing['id'] );
		$two      = $this->ticket( $billing['id'] );
		$other    = $this->ticket( $shipping['id'] );

		$mailboxes = new Mailboxes();
		$box       = $mailboxes->save(
			array(
				'address' => "billing-{$this->run}@shop.test",
				'team_id' => $billing['id'],
			)
		);
		$keep      = $mailboxes->save(
			array(
				'address' => "shipping-{$this->run}@shop.test",
				'team_id' => $shipping['id'],
			)
		);

		$this->assertSame( 2, $this->teams->delete( $billing['id'] ) );

		$this->assertNull( $this->teams->get( $billing['id'] ) );
		$this->assertFalse( $this->teams->exists( $billing['id'] ) );
		$this->assertSame( array(), $this->teams->ids_of_user( $this->agent ) );
		$service = new TicketService();
		$this->assertSame( 0, (int) $service->get( $one )['team_id'] );
		$this->assertSame( 0, (int) $service->get( $two )['team_id'] );
		$this->assertSame( $shipping['id'], (int) $service->get( $other )['team_id'] );
		$this->assertSame( 0, (int) $mailboxes->get( $box )['settings']['team_id'], 'the mailbox forgot the deleted team' );
		$this->assertSame( $shipping['id'], (int) $mailboxes->get( $keep )['settings']['team_id'] );

		$this->assert_error( $this->teams->delete( $billing['id'] ), 'switchboard_team_not_found', 404 );
	}
}
