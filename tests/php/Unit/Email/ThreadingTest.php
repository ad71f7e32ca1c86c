<?php
/**
 * Signed addresses, Message-IDs, subject tags and the Threader.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Channels\Email\Threading\Threader;
use Switchboard\Channels\Email\Threading\TicketDirectory;

/**
 * Threading is deterministic and signature-checked; no fuzzy subject matching.
 */
final class ThreadingTest extends EmailTestCase {

	private function directory(): TicketDirectory {
		return new class() implements TicketDirectory {
			public function secret( int $ticket_id ): ?string {
				return array(
					42 => 'secret-42',
					7  => 'secret-7',
				)[ $ticket_id ] ?? null;
			}
			public function ticket_for_message_id( string $message_id ): ?int {
				return '<customer-first@mail.example>' === $message_id ? 7 : null;
			}
			public function participants( int $ticket_id ): array {
				return 7 === $ticket_id ? array( 'ann@example.com', 'colleague@example.com' ) : array();
			}
		};
	}

	private function mail( string $headers, string $body = "Thanks!\n" ): string {
		return "From: Ann <ann@example.com>\r\n" . $headers . "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" . $body;
	}

	public function test_reply_address_round_trip_and_tamper(): void {
		$signer  = new Signer( 'k' );
		$address = $signer->reply_address( 'support@shop.test', 42, 'secret-42' );
		$this->assertMatchesRegularExpression( '/^support\+42\.[0-9a-f]{10}@shop\.test$/', $address );
		$parsed = Signer::parse_reply_address( strtoupper( $address ) );
		$this->assertNotNull( $parsed );
		$this->assertTrue( $signer->verify_reply_address( 42, $parsed['sig'], 'secret-42' ) );
		$this->assertFalse( $signer->verify_reply_address( 43, $parsed['sig'], 'secret-42' ) );
		$this->assertFalse( ( new Signer( 'other-salt' ) )->verify_reply_address( 42, $parsed['sig'], 'secret-42' ) );
		$this->assertFalse( $signer->verify_reply_address( 42, $parsed['sig'], '' ) );
	}

	public function test_message_id_and_subject_tag(): void {
		$signer = new Signer( 'k' );
		$id     = $signer->message_id( 42, 9, 'secret-42', 'shop.test' );
		$parsed = Signer::parse_message_id( $id );
		$this->assertSame( 42, $parsed['ticket'] ?? null );
		$this->assertTrue( $signer->verify_message_id( 42, 9, $parsed['sig'], 'secret-42' ) );
		$this->assertFalse( $signer->verify_message_id( 42, 10, $parsed['sig'], 'secret-42' ) );

		$tag = $signer->subject_tag( 42, 'secret-42' );
		$this->assertMatchesRegularExpression( '/^\[#42-[0-9a-f]{6}\]$/', $tag );
		$this->assertSame( array(), Signer::parse_subject_tags( 'Re: [#42] order' ), 'an unsigned tag is ignored' );
	}

	public function test_threader_prefers_signed_message_id_then_references_then_address_then_tag(): void {
		$signer   = new Signer( 'k' );
		$threader = new Threader( $signer, $this->directory() );
		$parser   = new Parser();

		$msgid = $signer->message_id( 42, 3, 'secret-42', 'shop.test' );
		$this->assertSame(
			array(
				'ticket_id' => 42,
				'via'       => 'message-id',
			),
			$threader->resolve( $parser->parse( $this->mail( "To: support@shop.test\r\nSubject: Re: x\r\nIn-Reply-To: $msgid" ) ) )
		);

		$this->assertSame( 'references', $threader->resolve( $parser->parse( $this->mail( "To: support@shop.test\r\nSubject: Re: x\r\nReferences: <customer-first@mail.example> <unknown@x>" ) ) )['via'] ?? null );
		// A colleague CC'd on the thread replies to all: same ticket.
		$this->assertSame(
			array(
				'ticket_id' => 7,
				'via'       => 'references',
			),
			$threader->resolve( $parser->parse( "From: Col <Colleague@Example.com>\r\nTo: support@shop.test\r\nSubject: Re: x\r\nIn-Reply-To: <customer-first@mail.example>\r\n\r\nMe too.\r\n" ) )
		);
		// A stranger quoting the customer's (public) Message-ID does not join her ticket.
		$this->assertNull( $threader->resolve( $parser->parse( "From: mallory@evil.example\r\nTo: support@shop.test\r\nSubject: Re: x\r\nIn-Reply-To: <customer-first@mail.example>\r\n\r\nHi.\r\n" ) ) );
		$this->assertNull( $threader->resolve( $parser->parse( "To: support@shop.test\r\nSubject: Re: x\r\nIn-Reply-To: <customer-first@mail.example>\r\n\r\nNo sender.\r\n" ) ) );

		// Headers stripped: only the signed reply address is left.
		$reply = $signer->reply_address( 'support@shop.test', 42, 'secret-42' );
		$this->assertSame(
			array(
				'ticket_id' => 42,
				'via'       => 'reply-address',
			),
			$threader->resolve( $parser->parse( $this->mail( "To: Support <$reply>\r\nSubject: Re: x" ) ) )
		);

		$tag = $signer->subject_tag( 42, 'secret-42' );
		$this->assertSame( 'subject-tag', $threader->resolve( $parser->parse( $this->mail( "To: support@shop.test\r\nSubject: Re: Your order $tag" ) ) )['via'] ?? null );
	}

	public function test_forged_or_fuzzy_evidence_starts_a_new_ticket(): void {
		$threader = new Threader( new Signer( 'k' ), $this->directory() );
		$parser   = new Parser();
		$forged   = ( new Signer( 'attacker' ) )->message_id( 42, 3, 'secret-42', 'shop.test' );
		$this->assertNull( $threader->resolve( $parser->parse( $this->mail( "To: support+42.0123456789@shop.test\r\nSubject: Re: [#42] [#42-abcdef] Order problem\r\nIn-Reply-To: $forged" ) ) ) );
		$this->assertNull( $threader->resolve( $parser->parse( $this->mail( "To: support@shop.test\r\nSubject: Re: Order problem" ) ) ) );
	}
}
