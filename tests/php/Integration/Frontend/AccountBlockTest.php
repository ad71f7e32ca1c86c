<?php
/**
 * The switchboard/account block shows the same screens as the shortcode.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Frontend\SupportPage;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class AccountBlockTest extends TestCase {

	public function test_block_renders_her_list_and_the_login_form_for_guests(): void {
		$this->assertTrue( \WP_Block_Type_Registry::get_instance()->is_registered( 'switchboard/account' ) );

		$alice    = $this->make_user( 'subscriber', 'blk_alice_' . wp_generate_password( 4, false, false ) );
		$customer = ( new Customers() )->for_user( $alice );
		$subject  = 'Block ticket ' . wp_generate_password( 6, false, false );
		( new TicketService() )->create(
			array(
				'subject'     => $subject,
				'channel'     => 'account',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'Hello',
				),
			)
		);

		wp_set_current_user( $alice );
		$html = do_blocks( '<!-- wp:switchboard/account /-->' );
		$this->assertStringContainsString( 'switchboard-account-block', $html );
		$this->assertStringContainsString( esc_html( $subject ), $html );
		$this->assertStringContainsString( 'New request', $html );

		$this->as_guest();
		$html = do_blocks( '<!-- wp:switchboard/account /-->' );
		$this->assertStringNotContainsString( esc_html( $subject ), $html );
		$this->assertStringContainsString( 'Log in to see your support requests.', $html );

		$this->assertTrue( SupportPage::content_shows_screens( '<!-- wp:switchboard/account /-->' ) );
		$this->assertFalse( SupportPage::content_shows_screens( '<!-- wp:paragraph --><p>switchboard account</p><!-- /wp:paragraph -->' ) );
	}
}
