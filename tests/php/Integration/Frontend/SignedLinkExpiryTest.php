<?php
/**
 * Signed guest links expire and can be revoked (the ticket secret rotates).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Frontend\AccountScreens;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\TicketService;

final class SignedLinkExpiryTest extends TestCase {

	private int $ticket_id;

	protected function setUp(): void {
		parent::setUp();
		$this->make_user( 'switchboard_agent', 'sl_agent' );
		$this->make_user( 'subscriber', 'sl_bob' );
		$customer        = ( new Customers() )->resolve( 'email', 'guest-link@example.test', array( 'name' => 'Gina Guest' ) );
		$this->ticket_id = (int) ( new TicketService() )->create(
			array(
				'subject'     => 'Lost parcel',
				'channel'     => 'web',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => 'My parcel is lost.',
				),
			)
		);
		$this->assertGreaterThan( 0, $this->ticket_id );
	}

	private function row(): array {
		return (array) ( new TicketService() )->get( $this->ticket_id );
	}

	private function read( string $token ): \WP_REST_Response {
		$this->as_guest();
		return $this->rest( 'GET', "/switchboard/v1/me/tickets/{$this->ticket_id}", array( 'token' => $token ) );
	}

	/**
	 * The token format of links mailed before 0.2.0.
	 */
	private function legacy_token(): string {
		$row = $this->row();
		return substr( hash_hmac( 'sha256', 'ticket:' . $this->ticket_id, (string) $row['secret'] . wp_salt( 'auth' ) ), 0, 32 );
	}

	public function test_fresh_link_works_and_carries_an_expiry_of_ninety_days(): void {
		$token = Access::token( $this->row() );
		$this->assertMatchesRegularExpression( '/^[a-f0-9]{32}$/', $token );
		$this->assertSame( 200, $this->read( $token )->get_status() );
		$expires = (int) hexdec( substr( $token, 0, 8 ) );
		// Ninety days from the end of today (every link of a day is the same link).
		$this->assertGreaterThanOrEqual( time() + 90 * DAY_IN_SECONDS, $expires );
		$this->assertLessThanOrEqual( time() + 91 * DAY_IN_SECONDS, $expires );
	}

	public function test_expired_link_is_refused_with_a_clear_error_and_page(): void {
		$expired = Access::token( $this->row(), time() - 60 );
		$this->assertRestError( $this->read( $expired ), 403, 'switchboard_link_expired' );

		$_GET = array(
			'sb_ticket' => (string) $this->ticket_id,
			'sb_token'  => $expired,
		);
		$html = ( new AccountScreens() )->render( home_url( '/support/' ) );
		$this->assertStringContainsString( 'This link has expired', $html );
		$this->assertStringNotContainsString( 'My parcel is lost.', $html );

		// A forged expiry (the date changed, the signature kept) is not a valid link.
		$forged = sprintf( '%08x', time() + DAY_IN_SECONDS ) . substr( $expired, 8 );
		$this->assertRestError( $this->read( $forged ), 404 );
	}

	public function test_ttl_is_filterable(): void {
		$ttl = static fn (): int => 2 * HOUR_IN_SECONDS;
		add_filter( 'switchboard_signed_link_ttl', $ttl );
		try {
			$token = Access::token( $this->row() );
		} finally {
			remove_filter( 'switchboard_signed_link_ttl', $ttl );
		}
		// The TTL counts from the end of the current hour: every link of that hour is the same link.
		$expiry = (int) hexdec( substr( $token, 0, 8 ) );
		$this->assertGreaterThanOrEqual( time() + 2 * HOUR_IN_SECONDS, $expiry );
		$this->assertLessThanOrEqual( time() + 3 * HOUR_IN_SECONDS, $expiry );
		$this->assertSame( 0, $expiry % HOUR_IN_SECONDS );
	}

	public function test_links_made_the_same_day_are_the_same_link(): void {
		$expiry = (int) hexdec( substr( Access::token( $this->row() ), 0, 8 ) );
		$this->assertSame( 0, $expiry % DAY_IN_SECONDS, 'the default 90 days count from the end of the day' );
		$this->assertGreaterThanOrEqual( time() + 90 * DAY_IN_SECONDS, $expiry );
		$this->assertLessThanOrEqual( time() + 91 * DAY_IN_SECONDS, $expiry );
		$this->assertSame( Access::token( $this->row(), $expiry ), Access::token( $this->row() ) );
	}

	public function test_revoke_links_stops_earlier_links_and_new_links_work(): void {
		$before = Access::token( $this->row() );
		$legacy = $this->legacy_token();
		$secret = (string) $this->row()['secret'];
		$this->assertSame( 200, $this->read( $legacy )->get_status(), 'unversioned links keep working until a revocation' );

		$this->as_user( 'sl_bob' );
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/tickets/{$this->ticket_id}/revoke-links" ), 403 );
		$this->as_guest();
		$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/tickets/{$this->ticket_id}/revoke-links" ), 401 );

		$this->as_user( 'sl_agent' );
		$response = $this->rest( 'POST', "/switchboard/v1/tickets/{$this->ticket_id}/revoke-links" );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertArrayNotHasKey( 'secret', $response->get_data() );
		$this->assertContains( 'links_revoked', array_column( ( new Events() )->for_ticket( $this->ticket_id ), 'type' ) );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/tickets/2147483000/revoke-links' ), 404 );

		$this->assertRestError( $this->read( $before ), 404 );
		$this->assertRestError( $this->read( $legacy ), 404 );
		$this->assertSame( 200, $this->read( Access::token( $this->row() ) )->get_status() );

		// E-mail threading signs with the same secret: earlier reply addresses stop matching, new ones match.
		$signer = Signer::from_wordpress();
		$old    = Signer::parse_reply_address( $signer->reply_address( 'support@example.test', $this->ticket_id, $secret ) );
		$new    = Signer::parse_reply_address( $signer->reply_address( 'support@example.test', $this->ticket_id, (string) $this->row()['secret'] ) );
		$this->assertFalse( $signer->verify_reply_address( $this->ticket_id, $old['sig'], (string) $this->row()['secret'] ) );
		$this->assertTrue( $signer->verify_reply_address( $this->ticket_id, $new['sig'], (string) $this->row()['secret'] ) );
	}
}
