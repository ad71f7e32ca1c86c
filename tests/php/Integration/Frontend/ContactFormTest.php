<?php
/**
 * Contact form: validation, spam defences, ticket creation, signed link, order linking.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\TicketService;

final class ContactFormTest extends TestCase {

	/**
	 * Mails caught by pre_wp_mail.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $mails = array();

	protected function setUp(): void {
		parent::setUp();
		$this->mails = array();
		add_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		add_filter( 'pre_wp_mail', array( $this, 'catch_mail' ), 10, 2 );
		$_SERVER['REMOTE_ADDR'] = '192.0.2.' . wp_rand( 1, 250 );
	}

	protected function tearDown(): void {
		remove_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		remove_filter( 'pre_wp_mail', array( $this, 'catch_mail' ) );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * @param mixed                $short Short-circuit.
	 * @param array<string, mixed> $atts  Mail.
	 */
	public function catch_mail( $short, $atts ): bool {
		unset( $short );
		// The email channel sends it as HTML (the text part is built later, by PHPMailer): read
		// it as a mail client shows it.
		$atts['message'] = html_entity_decode( wp_strip_all_tags( (string) $atts['message'] ), ENT_QUOTES | ENT_HTML5 );
		$this->mails[]   = $atts;
		return true;
	}

	/**
	 * A valid submission, with overrides.
	 *
	 * @param array<string, string> $fields Overrides.
	 * @return array<string, string>
	 */
	private function form( array $fields = array() ): array {
		return array_merge(
			array(
				'name'     => 'Gwen Guest',
				'email'    => 'gwen.' . wp_generate_password( 6, false, false ) . '@example.test',
				'subject'  => 'Where is my parcel?',
				'message'  => 'It has been two weeks since I ordered.',
				'website'  => '',
				'ts'       => \Switchboard\Frontend\ContactSubmission::timestamp(),
				'sb_nonce' => wp_create_nonce( 'switchboard_contact' ),
				'page'     => home_url( '/contact-us/' ),
			),
			$fields
		);
	}

	public function test_field_errors_are_422_with_every_invalid_field(): void {
		$response = $this->rest(
			'POST',
			'/switchboard/v1/contact',
			$this->form(
				array(
					'name'    => '',
					'email'   => 'nope',
					'subject' => '',
					'message' => 'short',
				)
			)
		);
		$this->assertRestError( $response, 422, 'switchboard_contact_invalid' );
		$fields = $response->get_data()['data']['fields'];
		$this->assertSame( array( 'name', 'email', 'subject', 'message' ), array_keys( $fields ) );
	}

	public function test_bad_nonce_honeypot_and_too_fast_are_refused(): void {
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/contact', $this->form( array( 'sb_nonce' => 'bad' ) ) ), 403, 'switchboard_contact_expired' );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/contact', $this->form( array( 'website' => 'http://spam.test' ) ) ), 400, 'switchboard_contact_spam' );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/contact', $this->form( array( 'ts' => time() . '.forged' ) ) ), 400, 'switchboard_contact_spam' );
	}

	public function test_success_creates_web_ticket_and_mails_a_signed_link(): void {
		$session  = str_repeat( 'cd', 16 );
		$form     = $this->form( array( 'session' => $session ) );
		$response = $this->rest( 'POST', '/switchboard/v1/contact', $form );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$ticket_id = $response->get_data()['ticket_id'];

		$ticket = ( new TicketService() )->get( $ticket_id );
		$this->assertSame( 'web', $ticket['channel'] );
		$this->assertSame( 'Where is my parcel?', $ticket['subject'] );

		$this->assertCount( 1, $this->mails );
		$this->assertSame( $form['email'], $this->mails[0]['to'] );
		$this->assertSame( 1, preg_match( '#(http\S+sb_ticket=' . $ticket_id . '\S*)#', (string) $this->mails[0]['message'], $m ) );
		parse_str( (string) wp_parse_url( $m[1], PHP_URL_QUERY ), $query );
		$this->assertTrue( Access::verify_token( $ticket, (string) $query['sb_token'] ) );
		$this->assertStringStartsWith( home_url( '/contact-us/' ), $m[1] );

		// The guest opens the link: the same place shows her ticket.
		$_GET = array(
			'sb_ticket' => (string) $ticket_id,
			'sb_token'  => (string) $query['sb_token'],
		);
		$html = do_shortcode( '[switchboard_contact]' );
		$this->assertStringContainsString( 'It has been two weeks since I ordered.', $html );
		$_GET['sb_token'] = str_repeat( '0', 32 );
		$this->assertStringContainsString( 'does not exist or the link is no longer valid', do_shortcode( '[switchboard_contact]' ) );
		$_GET = array();

		global $wpdb;
		$wpdb->insert(
			Schema::table( 'kb_deflections' ),
			array(
				'session'    => str_repeat( 'ef', 16 ),
				'article_id' => 1,
				'created_at' => current_time(
					'mysql',
					true
				),
			)
		);
		$this->rest( 'POST', '/switchboard/v1/contact', $this->form( array( 'session' => str_repeat( 'ef', 16 ) ) ) );
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT submitted FROM ' . Schema::table( 'kb_deflections' ) . ' WHERE session = %s', str_repeat( 'ef', 16 ) ) ) );
	}

	public function test_rate_limit_per_email(): void {
		$email  = 'flood@example.test';
		$status = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = '198.18.0.' . ( 10 + $i );
			$status[]               = $this->rest( 'POST', '/switchboard/v1/contact', $this->form( array( 'email' => $email ) ) )->get_status();
		}
		$this->assertSame( array( 201, 201, 201, 429 ), $status );
	}

	public function test_order_is_linked_only_when_billing_email_matches(): void {
		$this->requires_woocommerce();
		$order = wc_create_order();
		$order->set_billing_email( 'buyer@example.test' );
		$order->save();

		$wrong = $this->rest(
			'POST',
			'/switchboard/v1/contact',
			$this->form(
				array(
					'order' => (string) $order->get_order_number(),
					'email' => 'someone.else@example.test',
				)
			)
		);
		$this->assertRestError( $wrong, 422, 'switchboard_contact_invalid' );
		$this->assertArrayHasKey( 'order', $wrong->get_data()['data']['fields'] );

		$right = $this->rest(
			'POST',
			'/switchboard/v1/contact',
			$this->form(
				array(
					'order' => '#' . $order->get_order_number(),
					'email' => 'Buyer@Example.test',
				)
			)
		);
		$this->assertSame( 201, $right->get_status(), (string) wp_json_encode( $right->get_data() ) );
		$this->assertSame( $order->get_id(), (int) ( new TicketService() )->get( $right->get_data()['ticket_id'] )['order_id'] );
	}

	/**
	 * @param string $location Location.
	 */
	public function stop_redirect( $location ): never {
		throw new \RuntimeException( $location );
	}

	/**
	 * Posts the form the way a browser without JavaScript does; returns where it was redirected.
	 *
	 * @param array<string, string> $form Fields.
	 */
	private function post_without_javascript( array $form ): string {
		$_POST  = $form;
		$_FILES = array();
		add_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
		try {
			( new \Switchboard\Frontend\ContactForm() )->handle_post();
			$this->fail( 'expected a redirect' );
		} catch ( \RuntimeException $e ) {
			return $e->getMessage();
		} finally {
			remove_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
			$_POST = array();
		}
	}

	public function test_without_javascript_only_the_address_gets_the_link(): void {
		$owner = $this->make_user( 'subscriber', 'sb_carla_' . wp_generate_password( 5, false, false ) );
		$email = get_userdata( $owner )->user_email;

		// A guest types Carla's address: the browser gets a confirmation, the link goes to Carla.
		wp_set_current_user( 0 );
		$location = $this->post_without_javascript( $this->form( array( 'email' => $email ) ) );
		$this->assertStringStartsWith( home_url( '/contact-us/' ), $location );
		$this->assertStringContainsString( 'sb_sent=1', $location );
		$this->assertStringNotContainsString( 'sb_token', $location );
		$this->assertStringNotContainsString( 'sb_ticket', $location );
		$this->assertCount( 1, $this->mails );
		$this->assertSame( $email, $this->mails[0]['to'] );
		$this->assertSame( 1, preg_match( '#sb_ticket=(\d+)&sb_token=([a-f0-9]{32})#', (string) $this->mails[0]['message'], $m ) );
		$this->assertStringNotContainsString( 'sb_sent', (string) $this->mails[0]['message'] );
		$ticket = ( new TicketService() )->get( (int) $m[1] );
		$this->assertSame( ( new \Switchboard\Tickets\Customers() )->for_user( $owner ), (int) $ticket['customer_id'] );

		// The page it lands on says so, and shows no form and nobody's ticket.
		$_GET = array( 'sb_sent' => '1' );
		$html = do_shortcode( '[switchboard_contact]' );
		$_GET = array();
		$this->assertStringContainsString( 'sent you an e-mail with a link to follow your request', $html );
		$this->assertMatchesRegularExpression( '#<form[^>]*data-switchboard-contact hidden#', $html );
		$this->assertStringNotContainsString( 'It has been two weeks since I ordered.', $html );

		// Another signed-in customer typing Carla's address is a stranger too.
		$dora = 'sb_dora_' . wp_generate_password( 5, false, false );
		$this->make_user( 'subscriber', $dora );
		$this->as_user( $dora );
		$location = $this->post_without_javascript( $this->form( array( 'email' => $email ) ) );
		$this->assertStringNotContainsString( 'sb_token', $location );

		// Carla herself, signed in, goes straight to her new ticket.
		wp_set_current_user( $owner );
		$mine     = array(
			'email'   => $email,
			'subject' => 'Mine',
		);
		$location = $this->post_without_javascript( $this->form( $mine ) );
		$this->assertMatchesRegularExpression( '#sb_ticket=\d+&sb_token=[a-f0-9]{32}&sb_notice=sent#', $location );
		parse_str( (string) wp_parse_url( $location, PHP_URL_QUERY ), $query );
		$this->assertSame( 'Mine', ( new TicketService() )->get( (int) $query['sb_ticket'] )['subject'] );
	}

	public function test_form_and_block_render(): void {
		$html = do_shortcode( '[switchboard_contact attachments="no"]' );
		$this->assertStringContainsString( 'name="sb_nonce"', $html );
		$this->assertStringContainsString( 'name="website"', $html );
		$this->assertStringContainsString( 'data-switchboard-suggest="contact"', $html );
		$this->assertStringNotContainsString( 'type="file"', $html );
		$this->assertStringContainsString( 'data-switchboard-contact', do_blocks( '<!-- wp:switchboard/contact /-->' ) );
	}
}
