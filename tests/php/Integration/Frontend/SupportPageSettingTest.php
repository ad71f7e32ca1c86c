<?php
/**
 * GET/POST /switchboard/v1/settings/support-page: managers only, validated, used by the links.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Frontend\Links;
use Switchboard\Frontend\SupportPage;
use Switchboard\Tests\TestCase;

final class SupportPageSettingTest extends TestCase {

	private const ROUTE = '/switchboard/v1/settings/support-page';

	private int $page_id = 0;

	protected function setUp(): void {
		parent::setUp();
		delete_option( SupportPage::OPTION );
		$this->make_user( 'administrator', 'sp_admin' );
		$this->make_user( 'switchboard_agent', 'sp_agent' );
		$this->make_user( 'subscriber', 'sp_customer' );
		$this->page_id = (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Help desk ' . wp_generate_password( 4, false, false ),
				'post_content' => '<!-- wp:shortcode -->[switchboard_account]<!-- /wp:shortcode -->',
			)
		);
	}

	protected function tearDown(): void {
		wp_delete_post( $this->page_id, true );
		delete_option( SupportPage::OPTION );
		parent::tearDown();
	}

	public function test_only_managers(): void {
		$this->as_guest();
		$this->assertRestError( $this->rest( 'GET', self::ROUTE ), 401 );
		$this->as_user( 'sp_customer' );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE, array( 'page_id' => $this->page_id ) ), 403, 'switchboard_forbidden' );
		$this->as_user( 'sp_agent' );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE, array( 'page_id' => $this->page_id ) ), 403, 'switchboard_forbidden' );
		$this->assertSame( 0, (int) get_option( SupportPage::OPTION, 0 ) );
	}

	public function test_manager_sets_and_clears_the_page(): void {
		$this->as_user( 'sp_admin' );
		$get = $this->rest( 'GET', self::ROUTE )->get_data();
		$this->assertSame( 0, $get['page_id'] );
		$mine = array_values( array_filter( $get['pages'], fn ( array $p ): bool => $p['id'] === $this->page_id ) );
		$this->assertCount( 1, $mine );
		$this->assertTrue( $mine[0]['has_screens'] );
		$this->assertTrue( $get['pages'][0]['has_screens'], 'pages with the screens come first' );

		$set = $this->rest( 'POST', self::ROUTE, array( 'page_id' => $this->page_id ) );
		$this->assertSame( 200, $set->get_status() );
		$this->assertSame( $this->page_id, $set->get_data()['page_id'] );
		$this->assertTrue( $set->get_data()['has_screens'] );
		$this->assertSame( get_permalink( $this->page_id ), $set->get_data()['url'] );
		$this->assertSame( $this->page_id, (int) get_option( SupportPage::OPTION ) );
		$this->assertSame( get_permalink( $this->page_id ), Links::support_page( home_url( '/elsewhere/' ) ) );

		$clear = $this->rest( 'POST', self::ROUTE, array( 'page_id' => 0 ) );
		$this->assertSame( 0, $clear->get_data()['page_id'] );
		$this->assertSame( home_url( '/elsewhere/' ), Links::support_page( home_url( '/elsewhere/' ) ) );
	}

	public function test_validation(): void {
		$this->as_user( 'sp_admin' );
		$post  = (int) wp_insert_post(
			array(
				'post_type'   => 'post',
				'post_status' => 'publish',
				'post_title'  => 'A post',
			)
		);
		$draft = (int) wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'draft',
				'post_title'  => 'Draft page',
			)
		);
		foreach ( array( $post, $draft, 99999999 ) as $bad ) {
			$this->assertRestError( $this->rest( 'POST', self::ROUTE, array( 'page_id' => $bad ) ), 400, 'switchboard_invalid_support_page' );
		}
		$this->assertRestError( $this->rest( 'POST', self::ROUTE, array( 'page_id' => -1 ) ), 400, 'rest_invalid_param' );
		$this->assertRestError( $this->rest( 'POST', self::ROUTE, array() ), 400, 'rest_missing_callback_param' );
		$this->assertRestError(
			$this->rest(
				'POST',
				self::ROUTE,
				array(
					'page_id' => $this->page_id,
					'color'   => 'red',
				)
			),
			400
		);
		$this->assertSame( 0, (int) get_option( SupportPage::OPTION, 0 ) );
		wp_delete_post( $post, true );
		wp_delete_post( $draft, true );
	}
}
