<?php
/**
 * One rule for creating tags: managers create them (POST /tags, or by name on a ticket); agents
 * only apply tags that exist, through every route.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Rest;

use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Tags;

final class TagCreationRestTest extends TestCase {

	private int $ticket;

	protected function setUp(): void {
		parent::setUp();
		$this->make_user( 'switchboard_agent', 'tc_agent' );
		$this->make_user( 'administrator', 'tc_admin' );
		( new Tags() )->ensure( 'Existing' );
		$this->as_user( 'tc_agent' );
		$response = $this->rest(
			'POST',
			'/switchboard/v1/tickets',
			array(
				'subject'  => 'Tag me',
				'customer' => array( 'email' => 'tags@example.test' ),
				'message'  => array( 'body' => 'Hello' ),
				'tags'     => array( 'Existing' ),
			)
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->ticket = (int) $response->get_data()['id'];
	}

	private static function tag_exists( string $slug ): bool {
		global $wpdb;
		return null !== $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'tags' ) . ' WHERE slug = %s', $slug ) );
	}

	public function test_agent_cannot_create_tags_through_patch(): void {
		$response = $this->rest( 'PATCH', "/switchboard/v1/tickets/{$this->ticket}", array( 'tags' => array( 'Existing', 'Brand new' ) ) );
		$this->assertRestError( $response, 400, 'switchboard_unknown_tag' );
		$this->assertStringContainsString( 'Brand new', $response->get_data()['message'] );
		$this->assertFalse( self::tag_exists( 'brand-new' ) );

		$ok = $this->rest( 'PATCH', "/switchboard/v1/tickets/{$this->ticket}", array( 'tags' => array( 'existing' ) ) );
		$this->assertSame( 200, $ok->get_status(), wp_json_encode( $ok->get_data() ) );
		$this->assertSame( array( 'existing' ), array_column( $ok->get_data()['tags'], 'slug' ) );
	}

	public function test_agent_cannot_create_tags_through_bulk_or_create(): void {
		$bulk = $this->rest(
			'POST',
			'/switchboard/v1/tickets/bulk',
			array(
				'ids'      => array( $this->ticket ),
				'status'   => 'on-hold',
				'add_tags' => array( 'Invented' ),
			)
		);
		$this->assertRestError( $bulk, 400, 'switchboard_unknown_tag' );
		$this->assertFalse( self::tag_exists( 'invented' ) );
		// Nothing of the refused bulk change was applied.
		$this->assertNotSame( 'on-hold', $this->rest( 'GET', "/switchboard/v1/tickets/{$this->ticket}" )->get_data()['status'] );

		$create = $this->rest(
			'POST',
			'/switchboard/v1/tickets',
			array(
				'subject'  => 'Another',
				'customer' => array( 'email' => 'tags@example.test' ),
				'message'  => array( 'body' => 'Hello' ),
				'tags'     => array( 'Made up' ),
			)
		);
		$this->assertRestError( $create, 400, 'switchboard_unknown_tag' );
		$this->assertFalse( self::tag_exists( 'made-up' ) );
	}

	public function test_manager_still_creates_tags_on_the_fly(): void {
		$this->as_user( 'tc_admin' );
		$patch = $this->rest( 'PATCH', "/switchboard/v1/tickets/{$this->ticket}", array( 'tags' => array( 'Brand new' ) ) );
		$this->assertSame( 200, $patch->get_status(), wp_json_encode( $patch->get_data() ) );
		$bulk = $this->rest(
			'POST',
			'/switchboard/v1/tickets/bulk',
			array(
				'ids'      => array( $this->ticket ),
				'add_tags' => array( 'Invented' ),
			)
		);
		$this->assertSame( 200, $bulk->get_status() );
		$this->assertTrue( self::tag_exists( 'brand-new' ) );
		$this->assertTrue( self::tag_exists( 'invented' ) );
	}

	public function test_domain_service_enforces_the_rule(): void {
		$tags = new Tags();
		$this->assertInstanceOf( \WP_Error::class, $tags->set_for_ticket( $this->ticket, array( 'Nope' ), false, false ) );
		$this->assertInstanceOf( \WP_Error::class, $tags->change_for_tickets( array( $this->ticket ), array( 'Nope' ), array(), false ) );
		$this->assertFalse( self::tag_exists( 'nope' ) );
		$this->assertSame( array( 'existing' ), $tags->set_for_ticket( $this->ticket, array( 'Existing' ), false, false ) );
	}
}
