<?php
/**
 * An agent's reply on a contact-form or My Account ticket reaches the customer by email.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Mail\ReplyDelivery;
use Switchboard\Mail\Transport;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

final class ReplyMailTest extends TestCase {

	private TicketService $service;

	protected function setUp(): void {
		parent::setUp();
		$this->service = new TicketService();
		$this->make_user( 'switchboard_agent', 'rm_agent' );
	}

	private function ticket( string $channel, int $customer ): int {
		return (int) $this->service->create(
			array(
				'subject'     => 'Lid missing',
				'channel'     => $channel,
				'customer_id' => $customer,
				'meta'        => 'web' === $channel ? array( 'page' => home_url( '/contact/' ) ) : array(),
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'The teapot came without its lid.',
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
		return array_values( array_filter( $this->sent_mail(), static fn ( array $m ): bool => $to === $m['to'] ) );
	}

	public function test_public_reply_on_a_web_ticket_is_emailed_with_the_signed_link_private_note_is_not(): void {
		$email    = 'rm_' . wp_generate_password( 6, false, false ) . '@example.test';
		$customer = ( new Customers() )->resolve(
			'email',
			$email,
			array(
				'name'  => 'Gina',
				'email' => $email,
			)
		);
		$id       = $this->ticket( 'web', $customer );
		$this->as_user( 'rm_agent' );

		$note = $this->rest(
			'POST',
			"/switchboard/v1/tickets/{$id}/messages",
			array(
				'body'       => 'INTERNAL supplier mix-up',
				'is_private' => true,
			)
		);
		$this->assertSame( 201, $note->get_status() );
		$this->assertSame( array(), $this->mail_to( $email ), 'a private note is never emailed' );

		$reply = $this->rest( 'POST', "/switchboard/v1/tickets/{$id}/messages", array( 'body' => 'A lid is on its way today.' ) );
		$this->assertSame( 201, $reply->get_status() );
		$mail = $this->mail_to( $email );
		$this->assertCount( 1, $mail );
		$this->assertStringContainsString( '#' . $id, (string) $mail[0]['subject'] );
		$this->assertStringContainsString( 'A lid is on its way today.', (string) $mail[0]['message'] );
		$this->assertStringNotContainsString( 'INTERNAL', (string) $mail[0]['message'] );
		// Sent by the email channel's Mailer: the store's HTML frame, signed Reply-To for threading.
		$this->assertStringContainsString( '<!DOCTYPE html>', (string) $mail[0]['message'] );
		$this->assertMatchesRegularExpression( '/^Reply-To: [^+@]+\+' . $id . '\.[0-9a-f]{10}@/m', implode( "\n", (array) $mail[0]['headers'] ) );
		$this->assertSame( 1, preg_match( '#/contact/\?sb_ticket=(\d+)&sb_token=([a-f0-9]{32})#', html_entity_decode( (string) $mail[0]['message'] ), $m ) );
		$this->assertSame( $id, (int) $m[1] );
		$this->assertTrue( Access::verify_token( (array) $this->service->get( $id ), $m[2] ) );
		$this->assertSame( 'sent', ( new Messages() )->get( (int) $reply->get_data()['id'] )['delivery_status'] );
	}

	public function test_without_the_email_channel_the_reply_is_a_plain_wp_mail_with_the_signed_link(): void {
		global $wp_filter;
		$saved   = array(
			'switchboard_deliver_message' => isset( $wp_filter['switchboard_deliver_message'] ) ? clone $wp_filter['switchboard_deliver_message'] : null,
		);
		$channel = Transport::email_channel( false );
		// As if the email module were not loaded: only the reply delivery remains.
		remove_all_actions( 'switchboard_deliver_message' );
		add_action( 'switchboard_deliver_message', array( new ReplyDelivery(), 'deliver' ), 10, 2 );
		try {
			$email    = 'rmf_' . wp_generate_password( 6, false, false ) . '@example.test';
			$customer = ( new Customers() )->resolve(
				'email',
				$email,
				array(
					'name'  => 'Hal',
					'email' => $email,
				)
			);
			$id       = $this->ticket( 'web', $customer );
			$this->as_user( 'rm_agent' );
			$reply = $this->rest( 'POST', "/switchboard/v1/tickets/{$id}/messages", array( 'body' => 'Fallback reply.' ) );
			$this->assertSame( 201, $reply->get_status() );
			$mail = $this->mail_to( $email );
			$this->assertCount( 1, $mail );
			$this->assertSame( sprintf( '[#%d] New reply: Lid missing', $id ), (string) $mail[0]['subject'] );
			$this->assertStringNotContainsString( '<html', (string) $mail[0]['message'] );
			$this->assertSame( 1, preg_match( '#/contact/\?sb_ticket=(\d+)&sb_token=([a-f0-9]{32})#', (string) $mail[0]['message'], $m ) );
			$this->assertTrue( Access::verify_token( (array) $this->service->get( $id ), $m[2] ) );
			$this->assertSame( 'sent', ( new Messages() )->get( (int) $reply->get_data()['id'] )['delivery_status'] );
		} finally {
			Transport::email_channel( $channel );
			foreach ( $saved as $hook => $value ) {
				if ( null === $value ) {
					unset( $wp_filter[ $hook ] );
				} else {
					$wp_filter[ $hook ] = $value; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
				}
			}
		}
	}

	public function test_my_account_ticket_reply_is_emailed_and_a_customer_without_address_is_a_failed_delivery(): void {
		$alice = $this->make_user( 'subscriber', 'rm_alice_' . wp_generate_password( 4, false, false ) );
		$id    = $this->ticket( 'account', ( new Customers() )->for_user( $alice ) );
		$this->as_user( 'rm_agent' );
		$this->rest( 'POST', "/switchboard/v1/tickets/{$id}/messages", array( 'body' => 'Replacement sent.' ) );
		$mail = $this->mail_to( (string) get_userdata( $alice )->user_email );
		$this->assertCount( 1, $mail );
		$this->assertStringContainsString( 'Replacement sent.', (string) $mail[0]['message'] );

		$phone = ( new Customers() )->resolve( 'phone', '+81 3 5555 ' . wp_rand( 1000, 9999 ), array( 'name' => 'No mail' ) );
		$web   = $this->ticket( 'web', $phone );
		$count = count( $this->sent_mail() );
		$reply = $this->rest( 'POST', "/switchboard/v1/tickets/{$web}/messages", array( 'body' => 'Hello?' ) );
		$this->assertCount( $count, $this->sent_mail() );
		$row = ( new Messages() )->get( (int) $reply->get_data()['id'] );
		$this->assertSame( 'failed', $row['delivery_status'] );
	}
}
