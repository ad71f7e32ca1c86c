<?php
/**
 * Automatic customer emails (Mail\Notice): through the email channel when it is loaded, plain
 * wp_mail() when not.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Mail\Notice;
use Switchboard\Mail\Transport;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class CustomerMailTest extends TestCase {

	/**
	 * A web ticket of a guest; returns the ticket row.
	 *
	 * @return array<string, mixed>
	 */
	private function ticket( string $email ): array {
		$customer = ( new Customers() )->resolve( 'email', $email, array( 'email' => $email ) );
		$service  = new TicketService();
		$id       = (int) $service->create(
			array(
				'subject'     => 'Wrong size',
				'channel'     => 'web',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'I got an L.',
				),
			)
		);
		return (array) $service->get( $id );
	}

	public function test_the_email_channel_sends_it_styled_with_a_signed_reply_address(): void {
		$ticket = $this->ticket( 'cm-styled@example.test' );
		$this->assertTrue(
			( new Notice(
				$ticket,
				array(
					'to'      => 'cm-styled@example.test',
					'subject' => 'Your chat with us',
					'text'    => "Line one & more\n\nSee https://shop.test/help?a=1&b=2",
					'kind'    => 'chat_transcript',
				)
			) )->send()
		);
		$sent = $this->sent_mail();
		$this->assertCount( 1, $sent );
		$this->assertSame( 'cm-styled@example.test', $sent[0]['to'] );
		$this->assertMatchesRegularExpression( '/^Your chat with us \[#' . $ticket['id'] . '-[0-9a-f]{6}\]$/', (string) $sent[0]['subject'] );
		$this->assertTrue( Signer::from_wordpress()->verify_subject_tag( (int) $ticket['id'], (string) preg_replace( '/^.*\[#\d+-([0-9a-f]+)\]$/', '$1', (string) $sent[0]['subject'] ), (string) $ticket['secret'] ) );
		$headers = implode( "\n", (array) $sent[0]['headers'] );
		$this->assertMatchesRegularExpression( '/^Reply-To: \S+\+' . $ticket['id'] . '\.[0-9a-f]+@/m', $headers );
		$this->assertStringContainsString( 'Content-Type: text/html', $headers );
		$html = (string) $sent[0]['message'];
		$this->assertStringContainsString( '<p>Line one &amp; more</p>', $html, 'text escaped into HTML' );
		$this->assertStringContainsString( '<a href="https://shop.test/help?a=1&#038;b=2"', $html, 'links clickable' );
	}

	public function test_without_the_email_channel_it_is_a_plain_email_with_the_ticket_number(): void {
		$ticket = $this->ticket( 'cm-plain@example.test' );
		$saved  = Transport::email_channel( false );
		try {
			$this->assertTrue(
				( new Notice(
					$ticket,
					array(
						'to'      => 'cm-plain@example.test',
						'subject' => 'Solved: Wrong size — how did we do?',
						'text'    => 'Rate us: https://shop.test/?a=1&b=2',
					)
				) )->send()
			);
		} finally {
			Transport::email_channel( $saved );
		}
		$sent = $this->sent_mail();
		$this->assertCount( 1, $sent );
		$this->assertSame( '[#' . $ticket['id'] . '] Solved: Wrong size — how did we do?', $sent[0]['subject'] );
		$this->assertSame( 'Rate us: https://shop.test/?a=1&b=2', $sent[0]['message'] );
	}

	public function test_no_address_sends_nothing(): void {
		$ticket = $this->ticket( 'cm-none@example.test' );
		$this->assertFalse(
			( new Notice(
				$ticket,
				array(
					'to'      => 'not an address',
					'subject' => 'x',
					'text'    => 'y',
				)
			) )->send()
		);
		$this->assertSame( array(), $this->sent_mail() );
	}
}
