<?php
/**
 * Full-text search through the REST API. InnoDB only indexes committed rows, so this test commits
 * its fixtures and deletes them afterwards.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class SearchTest extends TestCase {

	/**
	 * Tickets to delete.
	 *
	 * @var int[]
	 */
	private array $created = array();

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		foreach ( $this->created as $id ) {
			( new TicketService() )->delete( $id );
		}
		$wpdb->query( 'COMMIT' );
		parent::tearDown();
	}

	public function test_search_finds_subjects_and_bodies_in_english_and_japanese(): void {
		global $wpdb;
		$token    = wp_generate_password( 8, false, false );
		$customer = ( new Customers() )->resolve( 'email', "search-$token@example.jp", array( 'name' => 'Search' ) );
		$service  = new TicketService();
		foreach ( array(
			array( "返品ポリシー $token", 'サイズが合わないので返品したいです。' ),
			array( "Parcel $token", 'The courier says zorblax delivered, but nothing arrived.' ),
			array( "配送 $token", '配達日時を変更できますか' ),
		) as $pair ) {
			$this->created[] = (int) $service->create(
				array(
					'subject'     => $pair[0],
					'channel'     => 'email',
					'customer_id' => $customer,
					'message'     => array( 'body_text' => $pair[1] ),
				)
			);
		}
		$wpdb->query( 'COMMIT' );

		$agent = $this->make_user( 'switchboard_agent' );
		$wpdb->query( 'COMMIT' );
		wp_set_current_user( $agent );

		$find = function ( string $q ): array {
			$response = $this->rest( 'GET', '/switchboard/v1/tickets', array( 'search' => $q ) );
			$this->assertSame( 200, $response->get_status() );
			return array_column( $response->get_data(), 'id' );
		};

		$this->assertSame( array( $this->created[0] ), array_values( array_intersect( $find( '返品' ), $this->created ) ), '返品 finds 返品ポリシー' );
		$this->assertSame( array( $this->created[2] ), array_values( array_intersect( $find( '配達' ), $this->created ) ), 'a word only in the body' );
		$this->assertSame( array( $this->created[1] ), array_values( array_intersect( $find( 'zorblax' ), $this->created ) ) );
		$this->assertSame( array( $this->created[1] ), $find( '#' . $this->created[1] ) );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $agent );
		$wpdb->query( 'COMMIT' );
	}
}
