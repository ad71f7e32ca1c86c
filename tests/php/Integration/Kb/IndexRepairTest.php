<?php
/**
 * Rebuilding the full-text search indexes: the tool, its lock, its REST route, the WooCommerce
 * tools entry.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Kb;

use Switchboard\Db\Schema;
use Switchboard\Kb\SearchIndex;
use Switchboard\Search\IndexRepair;
use WP_Error;

final class IndexRepairTest extends KbTestCase {

	private const ROUTE = '/switchboard/v1/settings/search-index';

	public function test_the_tables_are_those_with_a_fulltext_index(): void {
		$expected = array( Schema::table( 'kb_index' ), Schema::table( 'messages' ), Schema::table( 'tickets' ) );
		sort( $expected );
		$this->assertSame( $expected, ( new IndexRepair() )->tables() );
	}

	public function test_a_rebuild_brings_back_articles_search_had_lost(): void {
		global $wpdb;
		$word = 'zebrafix' . strtolower( wp_generate_password( 6, false, false ) );
		$id   = $this->article( "Resetting the {$word}", "Hold the {$word} button for ten seconds." );
		$this->assertSame( array( $id ), wp_list_pluck( ( new SearchIndex() )->search( $word ), 'id' ) );

		// What an index that lost rows looks like from the outside: the article exists, search
		// does not find it.
		$wpdb->delete( Schema::table( 'kb_index' ), array( 'post_id' => $id ) );
		$this->assertSame( array(), ( new SearchIndex() )->search( $word ) );

		$result = ( new IndexRepair() )->run();
		$this->assertIsArray( $result );
		$this->assertSame( ( new IndexRepair() )->tables(), $result['tables'] );
		$this->assertGreaterThanOrEqual( 1, $result['articles'] );
		$this->assertSame( array( $id ), wp_list_pluck( ( new SearchIndex() )->search( $word ), 'id' ) );
		// Rebuilt tables keep their FULLTEXT indexes.
		$this->assertSame( $result['tables'], ( new IndexRepair() )->tables() );
	}

	public function test_a_second_rebuild_is_refused_while_one_runs(): void {
		// Another PHP request holds the lock: a connection of its own.
		$other = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$this->assertSame( '1', (string) $other->get_var( "SELECT GET_LOCK('switchboard_search_index_rebuild', 0)" ) );
		try {
			$result = ( new IndexRepair() )->run();
			$this->assertInstanceOf( WP_Error::class, $result );
			$this->assertSame( 'switchboard_busy', $result->get_error_code() );
			$this->assertSame( 409, $result->get_error_data()['status'] ?? null );
		} finally {
			$other->query( "SELECT RELEASE_LOCK('switchboard_search_index_rebuild')" );
			$other->close();
		}
		$this->assertIsArray( ( new IndexRepair() )->run() );
	}

	public function test_rest_route_is_for_managers_and_reports_missing_articles(): void {
		global $wpdb;
		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', self::ROUTE ), 401 );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE ), 401 );
		$this->as_user( $this->user( 'switchboard_agent' ) );
		$this->assertRestError( $this->rest( 'GET', self::ROUTE ), 403 );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE ), 403 );
		$this->as_user( $this->user( 'subscriber' ) );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE ), 403 );

		$id = $this->article( 'Warranty claims', 'Send us the receipt.' );
		$wpdb->delete( Schema::table( 'kb_index' ), array( 'post_id' => $id ) );

		$this->as_user( $this->user( 'administrator' ) );
		$before = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $before->get_status() );
		$state = $before->get_data();
		$this->assertSame( ( new IndexRepair() )->tables(), $state['tables'] );
		$this->assertSame( 1, $state['articles']['published'] - $state['articles']['indexed'] );

		$this->assertRestError( $this->rest( 'POST', self::ROUTE, array( 'force' => true ) ), 400, 'rest_invalid_param' );

		$after = $this->rest( 'POST', self::ROUTE );
		$this->assertSame( 200, $after->get_status() );
		$data = $after->get_data();
		$this->assertSame( $data['articles']['published'], $data['articles']['indexed'] );
		$this->assertSame( $state['tables'], $data['rebuilt']['tables'] );
		$this->assertStringContainsString( 'Search index rebuilt: 3 tables', $data['rebuilt']['message'] );
	}

	public function test_woocommerce_tools_list_it_and_run_it(): void {
		$tools = apply_filters( 'woocommerce_debug_tools', array() );
		$this->assertArrayHasKey( IndexRepair::TOOL, $tools );
		$this->assertIsCallable( $tools[ IndexRepair::TOOL ]['callback'] );
		$this->assertStringStartsWith( 'Search index rebuilt:', call_user_func( $tools[ IndexRepair::TOOL ]['callback'] ) );

		$this->requires_woocommerce();
		$this->as_user( $this->user( 'administrator' ) );
		$listed = $this->rest( 'GET', '/wc/v3/system_status/tools' );
		$this->assertSame( 200, $listed->get_status() );
		$this->assertContains( IndexRepair::TOOL, wp_list_pluck( $listed->get_data(), 'id' ) );
		$run = $this->rest( 'PUT', '/wc/v3/system_status/tools/' . IndexRepair::TOOL );
		$this->assertSame( 200, $run->get_status(), (string) wp_json_encode( $run->get_data() ) );
		$this->assertTrue( $run->get_data()['success'] );
		$this->assertStringStartsWith( 'Search index rebuilt:', $run->get_data()['message'] );
	}
}
