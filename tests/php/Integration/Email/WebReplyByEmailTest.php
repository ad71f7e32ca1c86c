<?php
/**
 * An agent's reply on a contact-form (web) or My Account ticket leaves through the email channel's
 * Mailer — a real SMTP sink of bin/lib-mail/smtp.sh, as the mailbox's own server — and the
 * customer's answer by email, imported by the Importer, lands on the same ticket. Also the
 * delivery status, the manual retry of such a reply and the signed link to the ticket online.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Web / My Account replies by email, round trip through a real SMTP server.
 */
final class WebReplyByEmailTest extends SmtpSinkTestCase {

	protected static function sink_name(): string {
		return 'smtp-sink-webreply';
	}

	/**
	 * SWITCHBOARD_SMTP3_PORT, else two above the runtime's SMTP sink (one above is MailboxSmtpTest's).
	 */
	protected static function port(): int {
		return self::port_from_env( 'SWITCHBOARD_SMTP3_PORT', 2 );
	}

	/**
	 * Raw mails the sink received since setUp() for this test's addresses.
	 *
	 * @return string[]
	 */
	private function received_raw(): array {
		return array_column( $this->received(), 'raw' );
	}

	/**
	 * A contact-form ticket of a guest customer; returns [ticket id, customer address].
	 *
	 * @return array{0: int, 1: string}
	 */
	private function web_ticket(): array {
		$email    = "gina-{$this->tag}@example.com";
		$customer = ( new Customers() )->resolve(
			'email',
			$email,
			array(
				'name'  => 'Gina',
				'email' => $email,
			)
		);
		$id       = ( new TicketService() )->create(
			array(
				'subject'     => "Lid missing {$this->tag}",
				'channel'     => 'web',
				'customer_id' => $customer,
				'meta'        => array( 'page' => home_url( '/contact/' ) ),
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'The teapot came without its lid.',
				),
			)
		);
		$this->assertIsInt( $id );
		return array( $id, $email );
	}

	/**
	 * An agent's public reply through the REST API; returns the message id.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $text      Reply.
	 */
	private function reply( int $ticket_id, string $text ): int {
		$this->as_user( (string) get_userdata( $this->make_user( 'administrator' ) )->user_login );
		$response = $this->rest( 'POST', "/switchboard/v1/tickets/{$ticket_id}/messages", array( 'body' => $text ) );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) $response->get_data()['id'];
	}

	public function test_a_web_ticket_reply_goes_out_through_the_mailer_and_the_answer_by_email_lands_on_the_ticket(): void {
		$mailbox_id         = $this->mailbox();
		list( $id, $email ) = $this->web_ticket();
		$reply_id           = $this->reply( $id, 'A lid is on its way today.' );

		$row = ( new Messages() )->get( $reply_id );
		$this->assertSame( 'web', $row['channel'] );
		$this->assertSame( 'sent', $row['delivery_status'], (string) $row['delivery_error'] );

		$received = $this->received_raw();
		$this->assertCount( 1, $received, 'the reply reached the mailbox SMTP server' );
		$mail = ( new Parser() )->parse( $received[0] );
		$this->assertSame( "help-{$this->tag}@shop.test", $mail->from()['address'] ?? '' );
		$reply_to = $mail->addresses( 'reply-to' )[0]['address'] ?? '';
		$this->assertSame( array( 'ticket' => $id ), array_intersect_key( (array) Signer::parse_reply_address( $reply_to ), array( 'ticket' => 1 ) ), 'signed Reply-To of this ticket' );
		$this->assertNotNull( Signer::parse_message_id( (string) $mail->message_id() ), 'signed Message-ID' );
		$this->assertMatchesRegularExpression( '~^Content-Type:\s*multipart/alternative~mi', $received[0] );

		// Both parts carry the reply and the signed link to the ticket online.
		$ticket = (array) ( new TicketService() )->get( $id );
		foreach ( array( $mail->text(), html_entity_decode( $mail->html() ) ) as $part ) {
			$this->assertStringContainsString( 'A lid is on its way today.', $part );
			$this->assertSame( 1, preg_match( '#/contact/\?sb_ticket=(\d+)&sb_token=([a-f0-9]{32})#', $part, $m ) );
			$this->assertSame( $id, (int) $m[1] );
			$this->assertTrue( Access::verify_token( $ticket, $m[2] ) );
		}
		$this->assertStringContainsString( '<!DOCTYPE html>', $mail->html(), 'the store-styled frame' );

		// The customer answers from her mail client: to the Reply-To, In-Reply-To our Message-ID.
		$answer = "From: Gina <$email>\r\nTo: $reply_to\r\nSubject: Re: " . (string) $mail->decoded_header( 'subject' ) . "\r\n"
			. 'Message-ID: <' . bin2hex( random_bytes( 6 ) ) . "@example.com>\r\nIn-Reply-To: " . (string) $mail->header( 'message-id' ) . "\r\n"
			. 'Date: ' . gmdate( 'D, d M Y H:i:s' ) . " +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThank you, the lid arrived.\r\n";
		$result = ( new Importer() )->import(
			$answer,
			array(
				'source'     => 'pipe',
				'mailbox_id' => $mailbox_id,
			)
		);
		$this->assertIsArray( $result );
		$this->assertSame( 'stored', $result['status'] );
		$this->assertSame( $id, (int) $result['ticket_id'], 'the answer continues the web ticket' );
		$last = ( new Messages() )->for_ticket( $id, true );
		$last = end( $last );
		$this->assertSame( 'customer', $last['author_type'] );
		$this->assertStringContainsString( 'the lid arrived', (string) $last['body_text'] );
	}

	public function test_a_failed_account_ticket_reply_is_retried_by_hand(): void {
		$this->mailbox();
		$alice    = $this->make_user( 'subscriber', "alice_{$this->tag}", array( 'user_email' => "alice-{$this->tag}@example.com" ) );
		$customer = ( new Customers() )->for_user( $alice );
		$id       = ( new TicketService() )->create(
			array(
				'subject'     => 'Wrong size',
				'channel'     => 'account',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'The shirt is too small.',
				),
			)
		);
		$this->assertIsInt( $id );
		$this->assertSame( '', self::sink( 'stop' ) );
		$reply_id = $this->reply( $id, 'Exchange approved.' );
		$row      = ( new Messages() )->get( $reply_id );
		$this->assertSame( 'failed', $row['delivery_status'] );
		$this->assertNotSame( '', (string) $row['delivery_error'] );

		$this->assertSame( '', self::sink( 'start' ) );
		$done = $this->rest( 'POST', "/switchboard/v1/email/messages/$reply_id/retry" );
		$this->assertSame( 200, $done->get_status(), (string) wp_json_encode( $done->get_data() ) );
		$this->assertSame( 'sent', $done->get_data()['delivery_status'] );
		$received = $this->received_raw();
		$this->assertCount( 1, $received );
		$this->assertStringContainsString( 'Exchange approved.', ( new Parser() )->parse( $received[0] )->text() );
	}
}
