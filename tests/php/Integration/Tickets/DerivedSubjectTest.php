<?php
/**
 * A subject derived from the first message is cleaned like a typed one.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class DerivedSubjectTest extends TestCase {

	/**
	 * Creates a subject-less ticket whose first message is $body; returns the stored subject.
	 */
	private function subject_for( string $body ): string {
		$service  = new TicketService();
		$customer = ( new Customers() )->resolve( 'email', 'subject@example.test', array( 'name' => 'Sub Ject' ) );
		$id       = $service->create(
			array(
				'channel'     => 'web',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => $body,
				),
			)
		);
		$this->assertIsInt( $id );
		return (string) $service->get( $id )['subject'];
	}

	public function test_script_tag_is_stripped(): void {
		$subject = $this->subject_for( "<script>alert('x')</script>Where is my order?" );
		$this->assertStringNotContainsString( '<script', $subject );
		$this->assertStringNotContainsString( '</script>', $subject );
		$this->assertStringContainsString( 'Where is my order?', $subject );
	}

	public function test_img_onerror_is_stripped(): void {
		$subject = $this->subject_for( '<img src=x onerror=alert(1)> Refund please' );
		$this->assertStringNotContainsString( '<img', $subject );
		$this->assertStringNotContainsString( 'onerror', $subject );
		$this->assertSame( 'Refund please', $subject );
	}

	public function test_newlines_become_one_line(): void {
		$subject = $this->subject_for( "Line one\r\nBcc: victim@example.test\nline three" );
		$this->assertStringNotContainsString( "\n", $subject );
		$this->assertStringNotContainsString( "\r", $subject );
		$this->assertSame( 'Line one Bcc: victim@example.test line three', $subject );
	}

	public function test_a_first_message_of_only_markup_still_opens_a_ticket(): void {
		$this->assertSame( '(no subject)', $this->subject_for( '<img src=x onerror=alert(1)><script>alert(2)</script>' ) );
	}
}
