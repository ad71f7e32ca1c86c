<?php
/**
 * The importer against the real database: corpus, threading round trip, duplicates, bounces, loops.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Integration tests of Channels\Email\Importer.
 */
final class ImporterTest extends TestCase {

	private function corpus(): string {
		$env = getenv( 'SWITCHBOARD_MAIL_CORPUS' );
		return is_string( $env ) && '' !== $env ? $env : dirname( __DIR__, 5 ) . '/shared/mail-corpus';
	}

	public function test_every_corpus_file_is_kept_and_none_is_lost(): void {
		$importer = new Importer();
		$outcomes = array();
		foreach ( glob( $this->corpus() . '/*.eml' ) ?: array() as $file ) {
			$result = $importer->import( (string) file_get_contents( $file ), array( 'source' => 'test' ) );
			$this->assertIsArray( $result, basename( $file ) );
			$this->assertContains( $result['status'], array( 'stored', 'duplicate', 'bounce', 'ignored', 'quarantined' ), basename( $file ) );
			$row = ( new InboundStore() )->get( (int) $result['inbound_id'] );
			$this->assertNotSame( '', ( new InboundStore() )->raw( (array) $row ), basename( $file ) . ' raw kept' );
			$outcomes[ basename( $file ) ] = $result;
		}
		$this->assertGreaterThanOrEqual( 50, count( $outcomes ) );
		foreach ( $outcomes as $name => $result ) {
			if ( preg_match( '/^(010|035|036|040)-/', $name ) ) {
				$this->assertContains( $result['status'], array( 'bounce', 'ignored' ), "$name is a bounce, never a ticket" );
				$this->assertSame( 0, (int) ( $result['ticket_id'] ?? 0 ), $name );
			} else {
				$this->assertSame( 'stored', $result['status'], $name . ': ' . ( $result['error'] ?? '' ) );
				$this->assertGreaterThan( 0, (int) $result['ticket_id'], $name );
			}
		}
		// Attachments and inline images arrived.
		$ticket = ( new TicketService() )->get( (int) $outcomes['019-applemail-alternative-related-inline-jpeg.eml']['ticket_id'] );
		$this->assertNotNull( $ticket );
		$this->assertSame( 'Test attaching images to tickets by HTML mail', $ticket['subject'] );
	}

	public function test_duplicate_delivery_gives_one_message(): void {
		$raw    = (string) file_get_contents( $this->corpus() . '/011-cp1252-qp-outlook2000.eml' );
		$first  = ( new Importer() )->import( $raw );
		$second = ( new Importer() )->import( $raw );
		$this->assertSame( 'stored', $first['status'] );
		$this->assertSame( 'duplicate', $second['status'] );
		$this->assertSame( $first['ticket_id'], $second['ticket_id'] );
	}

	public function test_round_trip_reply_headers_stripped_and_bounce(): void {
		$mailbox_id = ( new Mailboxes() )->save(
			array(
				'address' => 'support@shop.test',
				'name'    => 'Shop Support',
			)
		);
		$this->assertGreaterThan( 0, $mailbox_id );
		$sent = array();
		add_filter(
			'pre_wp_mail',
			static function ( $short, $atts ) use ( &$sent ) {
				$sent[] = $atts;
				return true;
			},
			10,
			2
		);

		$customer_mail = "From: Ann Buyer <ann@example.com>\r\nTo: support@shop.test\r\nSubject: Where is my order?\r\nMessage-ID: <first-ann@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, my order #12 has not arrived.\r\n";
		$first         = ( new Importer() )->import( $customer_mail, array( 'mailbox_id' => $mailbox_id ) );
		$this->assertSame( 'stored', $first['status'] );
		$ticket_id = (int) $first['ticket_id'];
		$ticket    = ( new TicketService() )->get( $ticket_id );

		// Customer replies with all threading headers stripped: only the signed reply address remains.
		$reply_to = Signer::from_wordpress()->reply_address( 'support@shop.test', $ticket_id, (string) $ticket['secret'] );
		$reply    = "From: Ann Buyer <ann@example.com>\r\nTo: Shop <$reply_to>\r\nSubject: Re: something else\r\nMessage-ID: <second-ann@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nStill nothing.\r\n\r\nOn Mon, Mar 2, 2026 at 11:00 AM Shop Support <$reply_to> wrote:\r\n> We are looking into it.\r\n";
		$second   = ( new Importer() )->import( $reply );
		$this->assertSame( 'stored', $second['status'] );
		$this->assertSame( $ticket_id, (int) $second['ticket_id'] );
		$stored = ( new Messages() )->get( (int) $second['message_row_id'] );
		$this->assertSame( 'Still nothing.', trim( (string) $stored['body_text'] ), 'quoted text stripped' );

		// A stranger's "Re:" with the same subject is a new ticket (no fuzzy matching).
		$stranger = ( new Importer() )->import( "From: eve@example.net\r\nTo: support@shop.test\r\nSubject: Re: Where is my order?\r\nMessage-ID: <eve@example.net>\r\n\r\nhi\r\n" );
		$this->assertNotSame( $ticket_id, (int) $stranger['ticket_id'] );

		// Bounce of our signed Message-ID marks that message bounced, creates no ticket.
		$msgid  = Signer::from_wordpress()->message_id( $ticket_id, (int) $second['message_row_id'], (string) $ticket['secret'], 'shop.test' );
		$bounce = "From: MAILER-DAEMON@mx.example.com\r\nTo: support@shop.test\r\nSubject: Undelivered Mail Returned to Sender\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; ann@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: $msgid\r\nSubject: Re: Where is my order?\r\n--b--\r\n";
		$result = ( new Importer() )->import( $bounce );
		$this->assertSame( 'bounce', $result['status'] );
		$this->assertSame( 'bounced', ( new Messages() )->get( (int) $second['message_row_id'] )['delivery_status'] );

		// Mail from our own mailbox is ignored (loops).
		$own = ( new Importer() )->import( "From: support@shop.test\r\nTo: support@shop.test\r\nSubject: loop\r\nMessage-ID: <loop@shop.test>\r\n\r\nx\r\n" );
		$this->assertSame( 'ignored', $own['status'] );

		// Auto-Submitted: no is a normal message.
		$normal = ( new Importer() )->import( "From: bob@example.org\r\nTo: support@shop.test\r\nSubject: Question\r\nAuto-Submitted: no\r\nMessage-ID: <bob-q@example.org>\r\n\r\nA question.\r\n" );
		$this->assertSame( 'stored', $normal['status'] );
		$this->assertSame( 'normal', $normal['kind'] );
	}

	public function test_cc_reply_all_joins_the_ticket_but_never_becomes_its_customer(): void {
		$first = ( new Importer() )->import( "From: Ann Buyer <ann@example.com>\r\nTo: support@shop.test\r\nCc: Carl Colleague <carl@example.com>\r\nSubject: Bulk order for our office\r\nMessage-ID: <bulk-ann@example.com>\r\n\r\nWe need 40 mugs.\r\n" );
		$this->assertSame( 'stored', $first['status'] );
		$ticket_id = (int) $first['ticket_id'];
		$customer  = (int) ( new TicketService() )->get( $ticket_id )['customer_id'];

		// Carl replies to all, to Ann's (unsigned) Message-ID: same ticket, his own message.
		$carl = ( new Importer() )->import( "From: Carl Colleague <carl@example.com>\r\nTo: Ann Buyer <ann@example.com>, support@shop.test\r\nSubject: Re: Bulk order for our office\r\nMessage-ID: <carl-1@example.com>\r\nIn-Reply-To: <bulk-ann@example.com>\r\nReferences: <bulk-ann@example.com>\r\n\r\nMake it 50, please.\r\n\r\nOn Monday Ann wrote:\r\n> We need 40 mugs.\r\n" );
		$this->assertSame( 'stored', $carl['status'] );
		$this->assertSame( $ticket_id, (int) $carl['ticket_id'] );
		$ticket = ( new TicketService() )->get( $ticket_id );
		$this->assertSame( $customer, (int) $ticket['customer_id'], 'the ticket stays Ann\'s' );
		$message = ( new Messages() )->get( (int) $carl['message_row_id'] );
		$this->assertNotSame( $customer, (int) $message['author_id'], 'Carl is the author of his message, not Ann' );
		$this->assertSame( 'Make it 50, please.', trim( (string) $message['body_text'] ) );

		// Someone who was never on the thread quotes the same Message-ID: a new ticket of their own.
		$mallory = ( new Importer() )->import( "From: mallory@evil.example\r\nTo: support@shop.test\r\nSubject: Re: Bulk order for our office\r\nMessage-ID: <mallory-1@evil.example>\r\nIn-Reply-To: <bulk-ann@example.com>\r\n\r\nSend the mugs to my address instead.\r\n" );
		$this->assertSame( 'stored', $mallory['status'] );
		$this->assertNotSame( $ticket_id, (int) $mallory['ticket_id'] );
		$this->assertCount( 2, ( new Messages() )->for_ticket( $ticket_id, true ), 'Ann\'s ticket has her mail and Carl\'s reply only' );
	}

	public function test_files_inside_winmail_dat_are_stored_instead_of_the_wrapper(): void {
		$tnef   = \Switchboard\Tests\Unit\Email\TnefTest::stream();
		$raw    = "From: Olga Outlook <olga@example.com>\r\nTo: support@shop.test\r\nSubject: Report attached\r\nMessage-ID: <tnef-olga@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"t\"\r\n\r\n--t\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee the report.\r\n--t\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" . chunk_split( base64_encode( $tnef ), 76, "\r\n" ) . "--t--\r\n";
		$result = ( new Importer() )->import( $raw );
		$this->assertSame( 'stored', $result['status'], (string) ( $result['error'] ?? '' ) );
		$files = ( new \Switchboard\Tickets\Attachments() )->for_messages( array( (int) $result['message_row_id'] ) )[ (int) $result['message_row_id'] ] ?? array();
		$names = array_map( static fn( array $row ): string => (string) $row['filename'], $files );
		$this->assertCount( 2, $names, (string) wp_json_encode( $names ) );
		$this->assertSame( 'Quarterly report 2026 – final.pdf', $names[0], 'the name as sent (spaces and the dash kept)' );
		$this->assertSame( 'application/pdf', $files[0]['mime_type'] );
		$this->assertSame( 'image/jpeg', $files[1]['mime_type'], 'type from the extension' );
		$this->assertNotContains( 'winmail.dat', $names );
		$this->assertStringStartsWith( '%PDF-1.4', (string) file_get_contents( ( new \Switchboard\Tickets\Attachments() )->path( $files[0] ) ) );

		// A winmail.dat with no files inside (Outlook formatting only) is kept as it is.
		$plain = (string) file_get_contents( $this->corpus() . '/023-tnef-winmail-dat-koi8r.eml' );
		$kept  = ( new Importer() )->import( $plain );
		$rows  = ( new \Switchboard\Tickets\Attachments() )->for_messages( array( (int) $kept['message_row_id'] ) )[ (int) $kept['message_row_id'] ] ?? array();
		$this->assertSame( array( 'winmail.dat' ), array_map( static fn( array $row ): string => (string) $row['filename'], $rows ) );
	}
}
