<?php
/**
 * The "solved — how did we do?" email carries the signed rating link, and that link rates.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Frontend\Links;
use Switchboard\Frontend\SupportPage;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class SolvedMailTest extends TestCase {

	private TicketService $service;

	protected function setUp(): void {
		parent::setUp();
		$this->service = new TicketService();
		delete_option( SupportPage::OPTION );
	}

	protected function tearDown(): void {
		delete_option( SupportPage::OPTION );
		parent::tearDown();
	}

	/**
	 * A web ticket from a guest, sent from `$page`.
	 */
	private function guest_ticket( string $email, string $page = '' ): int {
		$customer = ( new Customers() )->resolve(
			'email',
			$email,
			array(
				'name'  => 'Gina Guest',
				'email' => $email,
			)
		);
		return (int) $this->service->create(
			array(
				'subject'     => 'Parcel late',
				'channel'     => 'web',
				'customer_id' => $customer,
				'meta'        => '' !== $page ? array( 'page' => $page ) : array(),
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'Where is it?',
				),
			)
		);
	}

	/**
	 * Mail sent to an address during this test.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function mail_to( string $to ): array {
		$mail = array_values( array_filter( $this->sent_mail(), static fn ( array $m ): bool => $to === $m['to'] ) );
		// The email channel sends it as HTML (its text part is built later, by PHPMailer): read
		// links as a mail client shows them.
		return array_map(
			static function ( array $m ): array {
				$m['message'] = html_entity_decode( (string) $m['message'], ENT_QUOTES | ENT_HTML5 );
				return $m;
			},
			$mail
		);
	}

	public function test_solving_sends_the_signed_rating_link_which_rates_without_login(): void {
		$email = 'solved_' . wp_generate_password( 6, false, false ) . '@example.test';
		$page  = home_url( '/contact/' );
		$id    = $this->guest_ticket( $email, $page );

		$this->service->update( $id, array( 'status' => 'open' ) );
		$this->assertSame( array(), $this->mail_to( $email ), 'no mail before it is solved' );

		$this->service->update( $id, array( 'status' => 'solved' ) );
		$mail = $this->mail_to( $email );
		$this->assertCount( 1, $mail );
		$this->assertStringContainsString( '#' . $id, (string) $mail[0]['subject'] );

		$ticket = (array) $this->service->get( $id );
		$link   = Links::signed( $ticket, $page, true );
		$this->assertStringContainsString( $link, (string) $mail[0]['message'] );
		$this->assertStringEndsWith( '#switchboard-rate', $link );
		$this->assertStringStartsWith( $page, $link );

		// The link's token opens exactly this ticket and lets a guest rate it.
		$this->assertSame( 1, preg_match( '/sb_ticket=(\d+)&sb_token=([a-f0-9]{32})#switchboard-rate/', (string) $mail[0]['message'], $m ) );
		$this->assertSame( $id, (int) $m[1] );
		$this->assertTrue( Access::verify_token( $ticket, $m[2] ) );
		$this->as_guest();
		$rated = $this->rest(
			'POST',
			"/switchboard/v1/me/tickets/{$id}/rating",
			array(
				'token'   => $m[2],
				'score'   => 5,
				'comment' => 'From the email',
			)
		);
		$this->assertSame( 200, $rated->get_status(), (string) wp_json_encode( $rated->get_data() ) );
		$this->assertSame( 5, $this->service->get_meta( $id, 'rating' )['score'] );

		// Closing it later sends nothing more.
		$this->service->update( $id, array( 'status' => 'closed' ) );
		$this->assertCount( 1, $this->mail_to( $email ) );
	}

	public function test_the_link_uses_the_support_page_setting(): void {
		$page_id = (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Support',
				'post_content' => '[switchboard_account]',
			)
		);
		SupportPage::set( $page_id );
		$email = 'setting_' . wp_generate_password( 6, false, false ) . '@example.test';
		$id    = $this->guest_ticket( $email, home_url( '/contact/' ) );
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$mail = $this->mail_to( $email );
		$this->assertCount( 1, $mail );
		$this->assertStringContainsString( add_query_arg( 'sb_ticket', $id, (string) get_permalink( $page_id ) ), (string) $mail[0]['message'] );
		$this->assertStringNotContainsString( '/contact/', (string) $mail[0]['message'] );

		// A page that is no longer published is ignored.
		wp_trash_post( $page_id );
		$this->assertSame( 0, SupportPage::id() );
		wp_delete_post( $page_id, true );
	}

	public function test_no_mail_without_an_address_or_once_rated(): void {
		$customer = ( new Customers() )->resolve( 'phone', '+81 90 1234 ' . wp_rand( 1000, 9999 ), array( 'name' => 'Phone only' ) );
		$id       = (int) $this->service->create(
			array(
				'subject'     => 'Called in',
				'channel'     => 'phone',
				'customer_id' => $customer,
			)
		);
		$before   = count( $this->sent_mail() );
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$this->assertCount( $before, $this->sent_mail() );

		$email = 'rated_' . wp_generate_password( 6, false, false ) . '@example.test';
		$id    = $this->guest_ticket( $email );
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$this->service->update_meta( $id, 'rating', array( 'score' => 3 ) );
		$this->service->update( $id, array( 'status' => 'open' ) );
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$this->assertCount( 1, $this->mail_to( $email ), 'a rated ticket solved again is not asked again' );
	}

	public function test_without_setting_or_form_page_the_link_opens_a_page_with_the_screens(): void {
		$email = 'nopage_' . wp_generate_password( 6, false, false ) . '@example.test';
		$id    = $this->guest_ticket( $email );
		$page  = (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'My requests',
				'post_content' => '<!-- wp:switchboard/account /-->',
			)
		);
		$this->service->update( $id, array( 'status' => 'solved' ) );
		$mail = $this->mail_to( $email );
		$this->assertCount( 1, $mail );
		$this->assertSame( 1, preg_match( '#(https?://\S+?)\?sb_ticket=#', (string) $mail[0]['message'], $m ) );
		$detected = url_to_postid( $m[1] );
		$this->assertGreaterThan( 0, $detected, $m[1] );
		$this->assertTrue( SupportPage::shows_screens( $detected ), 'the link opens a page with the support screens' );
		wp_delete_post( $page, true );
	}

	public function test_with_woocommerce_and_no_page_at_all_my_account_support(): void {
		$this->requires_woocommerce();
		$pages = get_posts(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				's'           => 'switchboard',
				'fields'      => 'ids',
			)
		);
		if ( SupportPage::detect() > 0 ) {
			$this->markTestSkipped( 'a page with the account screens exists in this database: ' . implode( ',', $pages ) );
		}
		$this->assertSame( \Switchboard\Woo\AccountEndpoint::url(), Links::support_page() );
	}
}
