<?php
/**
 * /switchboard/v1/teams and the team fields of tickets and mailboxes through the real REST server.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Tests\TestCase;

final class TeamsRestTest extends TestCase {

	private const NS = '/switchboard/v1';

	private string $run = '';

	private int $agent = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->run   = strtolower( wp_generate_password( 6, false, false ) );
		$this->agent = $this->make_user( 'switchboard_agent', 'tr_agent', array( 'display_name' => 'Terry Agent' ) );
		$this->make_user( 'administrator', 'tr_admin' );
		$this->make_user( 'subscriber', 'tr_customer' );
	}

	/**
	 * Creates a team as the admin.
	 *
	 * @return array<string, mixed>
	 */
	private function create( string $name, array $members = array() ): array {
		$this->as_user( 'tr_admin' );
		$response = $this->rest(
			'POST',
			self::NS . '/teams',
			array(
				'name'        => $name,
				'description' => 'Desc',
				'member_ids'  => $members,
			)
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_managers_write_agents_read_others_are_refused(): void {
		$team = $this->create( "Billing {$this->run}", array( $this->agent ) );
		$this->assertSame( "Billing {$this->run}", $team['name'] );
		$this->assertSame( array( $this->agent ), $team['member_ids'] );
		$this->assertSame( 'Terry Agent', $team['members'][0]['name'] );

		$this->as_user( 'tr_agent' );
		$list = $this->rest( 'GET', self::NS . '/teams' );
		$this->assertSame( 200, $list->get_status() );
		$this->assertContains( $team['id'], array_column( $list->get_data(), 'id' ) );
		$this->assertSame( (string) count( $list->get_data() ), $list->get_headers()['X-WP-Total'] );
		$this->assertSame( 200, $this->rest( 'GET', self::NS . '/teams/' . $team['id'] )->get_status() );
		$this->assertRestError( $this->rest( 'POST', self::NS . '/teams', array( 'name' => "Agent {$this->run}" ) ), 403, 'switchboard_forbidden' );
		$this->assertRestError( $this->rest( 'PATCH', self::NS . '/teams/' . $team['id'], array( 'name' => 'x' ) ), 403, 'switchboard_forbidden' );
		$this->assertRestError( $this->rest( 'DELETE', self::NS . '/teams/' . $team['id'] ), 403, 'switchboard_forbidden' );

		$this->as_user( 'tr_customer' );
		$this->assertRestError( $this->rest( 'GET', self::NS . '/teams' ), 403, 'switchboard_forbidden' );
		$this->assertRestError( $this->rest( 'GET', self::NS . '/teams/' . $team['id'] ), 403, 'switchboard_forbidden' );
		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', self::NS . '/teams' ), 401, 'switchboard_not_logged_in' );
		$this->assertRestError( $this->rest( 'POST', self::NS . '/teams', array( 'name' => "Guest {$this->run}" ) ), 401, 'switchboard_not_logged_in' );
	}

	public function test_validation_errors_have_codes(): void {
		$team = $this->create( "Billing {$this->run}" );
		$this->assertRestError( $this->rest( 'POST', self::NS . '/teams', array( 'name' => '' ) ), 400, 'switchboard_team_invalid_name' );
		$this->assertRestError( $this->rest( 'POST', self::NS . '/teams', array( 'name' => "billing {$this->run}" ) ), 409, 'switchboard_team_exists' );
		$this->assertRestError(
			$this->rest(
				'POST',
				self::NS . '/teams',
				array(
					'name'       => "X {$this->run}",
					'member_ids' => array( 999999999 ),
				)
			),
			400,
			'switchboard_team_invalid_member'
		);
		$this->assertRestError(
			$this->rest(
				'POST',
				self::NS . '/teams',
				array(
					'name'   => "X {$this->run}",
					'colour' => 'red',
				)
			),
			400,
			'rest_invalid_param'
		);
		$this->assertRestError( $this->rest( 'GET', self::NS . '/teams/999999999' ), 404, 'switchboard_team_not_found' );
		$this->assertRestError( $this->rest( 'DELETE', self::NS . '/teams/999999999' ), 404, 'switchboard_team_not_found' );

		$renamed = $this->rest(
			'PATCH',
			self::NS . '/teams/' . $team['id'],
			array(
				'name'       => "Payments {$this->run}",
				'member_ids' => array( $this->agent ),
			)
		);
		$this->assertSame( 200, $renamed->get_status() );
		$this->assertSame( "Payments {$this->run}", $renamed->get_data()['name'] );
		$this->assertSame( 'Desc', $renamed->get_data()['description'], 'fields not sent stay' );
		$this->assertSame( array( $this->agent ), $renamed->get_data()['member_ids'] );
	}

	public function test_ticket_team_id_is_validated_filtered_and_cleared_on_delete(): void {
		$team = $this->create( "Shipping {$this->run}" );
		$this->as_user( 'tr_agent' );
		$created = $this->rest(
			'POST',
			self::NS . '/tickets',
			array(
				'subject'  => "Where is my parcel {$this->run}",
				'customer' => array( 'email' => "tr-{$this->run}@example.com" ),
				'team_id'  => $team['id'],
				'message'  => array( 'body' => 'Hi' ),
			)
		);
		$this->assertSame( 201, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$ticket = $created->get_data();
		$this->assertSame( $team['id'], $ticket['team_id'] );
		$this->assertSame(
			array(
				'id'   => $team['id'],
				'name' => "Shipping {$this->run}",
			),
			$ticket['team']
		);

		$this->assertRestError(
			$this->rest(
				'POST',
				self::NS . '/tickets',
				array(
					'subject'  => 'x',
					'customer' => array( 'email' => "tr-{$this->run}@example.com" ),
					'team_id'  => 999999999,
				)
			),
			400,
			'switchboard_invalid_team'
		);
		$this->assertRestError( $this->rest( 'PATCH', self::NS . '/tickets/' . $ticket['id'], array( 'team_id' => 999999999 ) ), 400, 'switchboard_invalid_team' );

		$listed = $this->rest( 'GET', self::NS . '/tickets', array( 'team' => (string) $team['id'] ) );
		$this->assertSame( 200, $listed->get_status() );
		$this->assertSame( array( $ticket['id'] ), array_column( $listed->get_data(), 'id' ) );
		$this->assertRestError( $this->rest( 'GET', self::NS . '/tickets', array( 'team' => 'billing' ) ), 400, 'rest_invalid_param' );

		$this->as_user( 'tr_admin' );
		$deleted = $this->rest( 'DELETE', self::NS . '/teams/' . $team['id'] );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertTrue( $deleted->get_data()['deleted'] );
		$this->assertSame( 1, $deleted->get_data()['tickets_cleared'] );
		$after = $this->rest( 'GET', self::NS . '/tickets/' . $ticket['id'] )->get_data();
		$this->assertSame( 0, $after['team_id'] );
		$this->assertNull( $after['team'] );
	}

	public function test_bulk_moves_tickets_to_a_team(): void {
		$team = $this->create( "Bulk {$this->run}" );
		$this->as_user( 'tr_agent' );
		$ids = array();
		foreach ( array( 'one', 'two' ) as $word ) {
			$ids[] = $this->rest(
				'POST',
				self::NS . '/tickets',
				array(
					'subject'  => "Bulk {$word} {$this->run}",
					'customer' => array( 'email' => "bulk-{$this->run}@example.com" ),
				)
			)->get_data()['id'];
		}
		$this->assertRestError(
			$this->rest(
				'POST',
				self::NS . '/tickets/bulk',
				array(
					'ids'     => $ids,
					'team_id' => 999999999,
				)
			),
			400,
			'switchboard_invalid_team'
		);
		$moved = $this->rest(
			'POST',
			self::NS . '/tickets/bulk',
			array(
				'ids'     => $ids,
				'team_id' => $team['id'],
			)
		);
		$this->assertSame( 200, $moved->get_status(), wp_json_encode( $moved->get_data() ) );
		$this->assertSame( 2, $moved->get_data()['updated'] );
		$listed = $this->rest( 'GET', self::NS . '/tickets', array( 'team' => (string) $team['id'] ) )->get_data();
		$this->assertEqualsCanonicalizing( $ids, array_column( $listed, 'id' ) );
	}

	public function test_mailbox_default_team_must_exist(): void {
		$team = $this->create( "Billing {$this->run}" );
		$this->assertRestError(
			$this->rest(
				'POST',
				self::NS . '/email/mailboxes',
				array(
					'address' => "help-{$this->run}@shop.test",
					'team_id' => 999999999,
				)
			),
			400,
			'switchboard_invalid_team'
		);
		$created = $this->rest(
			'POST',
			self::NS . '/email/mailboxes',
			array(
				'address' => "help-{$this->run}@shop.test",
				'team_id' => $team['id'],
			)
		);
		$this->assertSame( 201, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$this->assertSame( $team['id'], $created->get_data()['team_id'] );
		$id = $created->get_data()['id'];
		$this->assertRestError( $this->rest( 'PATCH', self::NS . '/email/mailboxes/' . $id, array( 'team_id' => 999999999 ) ), 400, 'switchboard_invalid_team' );
		$this->assertSame( 0, $this->rest( 'PATCH', self::NS . '/email/mailboxes/' . $id, array( 'team_id' => 0 ) )->get_data()['team_id'] );
	}
}
