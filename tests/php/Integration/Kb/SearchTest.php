<?php
/**
 * Knowledge base search: index, ranking, Japanese, internal articles, REST, rate limit, missing log.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Kb;

use Switchboard\Db\Schema;
use Switchboard\Kb\SearchIndex;

final class SearchTest extends KbTestCase {

	public function test_japanese_query_finds_longer_word(): void {
		$id = $this->article( '返品ポリシー', '<p>商品到着後30日以内であれば返品できます。</p>' );
		$this->article( '配送について', '<p>通常3日でお届けします。</p>' );

		$ids = wp_list_pluck( ( new SearchIndex() )->search( '返品' ), 'id' );
		$this->assertSame( array( $id ), $ids );
	}

	public function test_title_matches_rank_above_body_matches(): void {
		$body  = $this->article( 'Shipping times', 'Damaged parcels: see our warranty page. warranty warranty.' );
		$title = $this->article( 'Warranty', 'Every product has two years.' );

		$ids = wp_list_pluck( ( new SearchIndex() )->search( 'warranty' ), 'id' );
		$this->assertSame( array( $title, $body ), $ids );
	}

	public function test_drafts_trash_and_deleted_articles_are_not_found(): void {
		$draft = $this->article( 'Gift cards draft', 'gift cards', array( 'post_status' => 'draft' ) );
		$gone  = $this->article( 'Gift cards', 'gift cards' );
		wp_trash_post( $gone );

		$this->assertSame( array(), ( new SearchIndex() )->search( 'gift cards' ) );
		wp_untrash_post( $gone );
		wp_publish_post( $gone );
		$this->assertSame( array( $gone ), wp_list_pluck( ( new SearchIndex() )->search( 'gift cards' ), 'id' ) );
		unset( $draft );
	}

	public function test_rest_search_as_guest_hides_internal_articles(): void {
		$public   = $this->article( 'Refund policy', 'How refunds work.' );
		$internal = $this->article( 'Refund override procedure', 'Agents only: refunds above 500.', array(), true );

		$response = $this->rest( 'GET', '/switchboard/v1/kb/search', array( 'q' => 'refund' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( $public ), wp_list_pluck( $response->get_data(), 'id' ) );
		$this->assertSame( '1', $response->get_headers()['X-WP-Total'] );

		$this->as_user( $this->user( 'switchboard_agent' ) );
		$response = $this->rest( 'GET', '/switchboard/v1/kb/search', array( 'q' => 'refund' ) );
		$ids      = wp_list_pluck( $response->get_data(), 'id' );
		sort( $ids );
		$this->assertSame( array( $public, $internal ), $ids );
		$flags = wp_list_pluck( $response->get_data(), 'internal', 'id' );
		$this->assertTrue( $flags[ $internal ] );
	}

	public function test_internal_articles_are_hidden_from_wp_queries_rest_and_feeds(): void {
		$internal = $this->article( 'Secret macro', 'internal', array(), true );
		$public   = $this->article( 'Open article', 'public' );

		$this->as_guest();
		$query = new \WP_Query(
			array(
				'post_type'      => 'switchboard_article',
				'posts_per_page' => 50,
				'fields'         => 'ids',
			)
		);
		$this->assertContains( $public, $query->posts );
		$this->assertNotContains( $internal, $query->posts );

		$response = $this->rest( 'GET', '/wp/v2/switchboard-articles/' . $internal );
		$this->assertSame( 404, $response->get_status() );
		$response = $this->rest( 'GET', '/wp/v2/switchboard-articles', array( 'per_page' => 100 ) );
		$this->assertNotContains( $internal, wp_list_pluck( $response->get_data(), 'id' ) );

		$args = apply_filters( 'wp_sitemaps_posts_query_args', array( 'post_type' => 'switchboard_article' ), 'switchboard_article' );
		$this->assertNotContains( $internal, ( new \WP_Query( $args + array( 'fields' => 'ids' ) ) )->posts );
		$this->assertSame( 0, apply_filters( 'oembed_request_post_id', $internal, get_permalink( $internal ) ) );
	}

	public function test_zero_result_searches_are_logged_for_agents_only(): void {
		global $wpdb;
		$this->rest( 'GET', '/switchboard/v1/kb/search', array( 'q' => 'Cancel subscription' ) );
		$this->rest( 'GET', '/switchboard/v1/kb/search', array( 'q' => 'cancel   SUBSCRIPTION' ) );
		// Live suggestions in forms are not logged.
		$this->rest(
			'GET',
			'/switchboard/v1/kb/search',
			array(
				'q'      => 'cancel subscr',
				'source' => 'suggest',
			)
		);

		$rows = $wpdb->get_results( 'SELECT query, hits FROM ' . Schema::table( 'kb_missing' ), ARRAY_A );
		$this->assertSame(
			array(
				array(
					'query' => 'cancel subscription',
					'hits'  => '2',
				),
			),
			$rows
		);

		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/kb/missing' ), 401, 'switchboard_not_logged_in' );
		$this->as_user( $this->user( 'subscriber' ) );
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/kb/missing' ), 403, 'switchboard_forbidden' );

		$this->as_user( $this->user( 'switchboard_agent' ) );
		$response = $this->rest( 'GET', '/switchboard/v1/kb/missing' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'cancel subscription', $response->get_data()[0]['query'] );
		$this->assertSame( 2, $response->get_data()[0]['hits'] );
		$this->assertSame( '1', $response->get_headers()['X-WP-Total'] );

		$id = $response->get_data()[0]['id'];
		$this->assertSame( 200, $this->rest( 'DELETE', '/switchboard/v1/kb/missing/' . $id )->get_status() );
		$this->assertSame( 404, $this->rest( 'DELETE', '/switchboard/v1/kb/missing/' . $id )->get_status() );
	}

	public function test_guest_search_is_rate_limited_with_429(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.77';
		$status                 = array();
		for ( $i = 0; $i < 31; $i++ ) {
			$status[] = $this->rest(
				'GET',
				'/switchboard/v1/kb/search',
				array(
					'q'      => 'anything',
					'source' => 'suggest',
				)
			)->get_status();
		}
		$this->assertSame( array_fill( 0, 30, 200 ), array_slice( $status, 0, 30 ) );
		$response = $this->rest( 'GET', '/switchboard/v1/kb/search', array( 'q' => 'anything' ) );
		$this->assertRestError( $response, 429, 'switchboard_rate_limited' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_search_validates_its_parameters(): void {
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/kb/search' ), 400, 'rest_missing_callback_param' );
		$this->assertRestError(
			$this->rest(
				'GET',
				'/switchboard/v1/kb/search',
				array(
					'q'     => 'x',
					'limit' => 500,
				)
			),
			400,
			'rest_invalid_param'
		);
		$this->assertRestError(
			$this->rest(
				'GET',
				'/switchboard/v1/kb/search',
				array(
					'q'        => 'x',
					'category' => 'nope',
				)
			),
			400,
			'switchboard_kb_invalid_category'
		);
	}

	public function test_category_filter(): void {
		$shipping = $this->article( 'Express delivery', 'delivery options', array(), false, 'kbtest-shipping' );
		$this->article( 'Delivery of gift cards', 'delivery by email', array(), false, 'kbtest-gifts' );

		$response = $this->rest(
			'GET',
			'/switchboard/v1/kb/search',
			array(
				'q'        => 'delivery',
				'category' => 'kbtest-shipping',
			)
		);
		$this->assertSame( array( $shipping ), wp_list_pluck( $response->get_data(), 'id' ) );
	}
}
