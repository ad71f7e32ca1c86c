<?php
/**
 * A visitor typing someone else's address into the contact form: the ticket stays out of her
 * account until she confirms it, and she gets a fixed, rate-limited text with the signed link only.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Frontend\AccountScreens;
use Switchboard\Frontend\ContactSubmission;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Events;

final class TypedAddressTest extends TestCase {

	private const SUBJECT = 'URGENT refund to account 9999';
	private const MESSAGE = 'Click http://evil.example/phish to get your refund now';
	private const NAME    = 'Shop Security Team';

	private string $email = '';

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		add_filter( 'switchboard_chat_available', '__return_false' );
		add_filter( 'switchboard_rate_limit', array( $this, 'loose_contact_limits' ), 10, 2 );
		$_SERVER['REMOTE_ADDR'] = '192.0.2.' . wp_rand( 1, 250 );
		$this->make_user( 'subscriber', 'ta_alice', array( 'user_email' => 'ta-alice-' . wp_generate_password( 6, false, false ) . '@example.test' ) );
		$this->email = (string) get_user_by( 'login', 'ta_alice' )->user_email;
	}

	protected function tearDown(): void {
		remove_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		remove_filter( 'switchboard_chat_available', '__return_false' );
		remove_filter( 'switchboard_rate_limit', array( $this, 'loose_contact_limits' ), 10 );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * The form's own limits (per IP, per address) stay out of the way of the mail limit under test.
	 *
	 * @param int    $limit  Limit.
	 * @param string $bucket Bucket.
	 */
	public function loose_contact_limits( $limit, $bucket ): int {
		return str_starts_with( (string) $bucket, 'contact:' ) ? 100 : (int) $limit;
	}

	private function guest_contact(): int {
		$this->as_guest();
		$response = $this->rest(
			'POST',
			'/switchboard/v1/contact',
			array(
				'name'     => self::NAME,
				'email'    => $this->email,
				'subject'  => self::SUBJECT,
				'message'  => self::MESSAGE,
				'website'  => '',
				'ts'       => ContactSubmission::timestamp(),
				'sb_nonce' => wp_create_nonce( 'switchboard_contact' ),
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) $response->get_data()['ticket_id'];
	}

	public function test_unconfirmed_ticket_stays_out_of_her_account_until_she_confirms(): void {
		$ticket_id = $this->guest_contact();

		$this->as_user( 'ta_alice' );
		$this->assertSame( array(), array_column( $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data(), 'id' ) );
		$this->assertRestError( $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket_id}" ), 404 );
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/me/tickets/{$ticket_id}/messages", array( 'body' => 'hm' ) ), 404 );
		$_GET = array();
		$this->assertStringNotContainsString( self::SUBJECT, ( new AccountScreens() )->render( home_url( '/support/' ) ) );

		// The signed link mailed to her address opens it; her answer through it confirms.
		$this->assertSame( 1, preg_match( '#sb_token=([a-f0-9]{32})#', (string) $this->sent_mail()[0]['message'], $m ) );
		$this->assertSame( 200, $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket_id}", array( 'token' => $m[1] ) )->get_status() );
		$reply = $this->rest(
			'POST',
			"/switchboard/v1/me/tickets/{$ticket_id}/messages",
			array(
				'token' => $m[1],
				'body'  => 'Yes, that was me.',
			)
		);
		$this->assertSame( 201, $reply->get_status(), (string) wp_json_encode( $reply->get_data() ) );
		$this->assertSame( array( $ticket_id ), array_column( $this->rest( 'GET', '/switchboard/v1/me/tickets' )->get_data(), 'id' ) );
		$this->assertSame( 200, $this->rest( 'GET', "/switchboard/v1/me/tickets/{$ticket_id}" )->get_status() );
	}

	public function test_the_mail_to_the_typed_address_echoes_nothing_the_visitor_wrote(): void {
		$ticket_id = $this->guest_contact();
		$mail      = $this->sent_mail();
		$this->assertCount( 1, $mail );
		$this->assertSame( $this->email, $mail[0]['to'] );
		$all = (string) $mail[0]['subject'] . "\n" . (string) $mail[0]['message'];
		foreach ( array( self::SUBJECT, self::MESSAGE, self::NAME, 'evil.example', '9999' ) as $visitor_text ) {
			$this->assertStringNotContainsString( $visitor_text, $all );
		}
		// The only link is the signed one to this ticket.
		preg_match_all( '#https?://[^\s"<>]+#', html_entity_decode( (string) $mail[0]['message'] ), $links );
		$links = array_values( array_unique( $links[0] ) );
		$this->assertCount( 1, $links, implode( ' ', $links ) );
		$this->assertMatchesRegularExpression( '#[?&]sb_ticket=' . $ticket_id . '&sb_token=[a-f0-9]{32}$#', $links[0] );
	}

	public function test_at_most_three_mails_per_address_and_hour(): void {
		$ids = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$ids[] = $this->guest_contact();
		}
		$this->assertCount( 3, $this->sent_mail() );
		$this->assertCount( 4, array_unique( $ids ), 'every ticket is still created' );
		$types = array_column( ( new Events() )->for_ticket( $ids[3] ), 'type' );
		$this->assertContains( 'confirmation_mail_suppressed', $types );
		$this->assertNotContains( 'confirmation_mail_suppressed', array_column( ( new Events() )->for_ticket( $ids[2] ), 'type' ) );
	}
}
