<?php
/**
 * The registry of mail kinds: every kind registered, each renders, all leave through one Transport;
 * one HTML → text conversion for every channel.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Mail;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Mail\AcknowledgementMail;
use Switchboard\Mail\AddressConfirmationMail;
use Switchboard\Mail\AgentReplyMail;
use Switchboard\Mail\ChatReplyMail;
use Switchboard\Mail\ChatTranscriptMail;
use Switchboard\Mail\ContactConfirmationMail;
use Switchboard\Mail\Email;
use Switchboard\Mail\Mails;
use Switchboard\Mail\MentionMail;
use Switchboard\Mail\SolvedMail;
use Switchboard\Mail\Transport;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Html;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

final class MailsTest extends TestCase {

	/**
	 * HTML with paragraphs, a list, a line break, entities, a table and source line breaks.
	 */
	private const HTML = "<p>Hello <b>Ann</b>,</p>\n<ul>\n<li>One</li>\n<li>Two &amp; three</li>\n</ul>\n<p>Line<br>break\nin the source</p><table><tr><td>Size</td><td>L</td></tr></table>";

	/**
	 * What HTML gives as text.
	 */
	private const TEXT = "Hello Ann,\n\n- One\n- Two & three\n\nLine\nbreak in the source\n\nSize L";

	/**
	 * One mail of every kind about one web ticket.
	 *
	 * @return array<string, Email>
	 */
	private function one_of_each(): array {
		$email    = 'mails-' . wp_generate_password( 6, false, false ) . '@example.test';
		$customer = ( new Customers() )->resolve(
			'email',
			$email,
			array(
				'name'  => 'Ann',
				'email' => $email,
			)
		);
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
		$agent    = get_userdata( $this->make_user( 'switchboard_agent', 'mails_agent_' . wp_generate_password( 4, false, false ) ) );
		$reply_id = (int) $service->add_message(
			$id,
			array(
				'author_type' => 'agent',
				'author_id'   => (int) $agent->ID,
				'body_html'   => '<p>An M is on its way.</p>',
			)
		);
		$ticket   = (array) $service->get( $id );
		$reply    = (array) ( new Messages() )->get( $reply_id );
		$mailbox  = (array) ( new Mailboxes() )->get(
			( new Mailboxes() )->save(
				array(
					'address'  => 'help-mails@shop.test',
					'name'     => 'Shop help',
					'settings' => array( 'acknowledge' => true ),
				)
			)
		);
		$inbound  = ( new Parser() )->parse( "From: {$email}\r\nMessage-ID: <in-1@example.test>\r\nSubject: Wrong size\r\n\r\nI got an L.\r\n" );
		return array(
			'reply'                => new AgentReplyMail( $reply, $ticket ),
			'acknowledgement'      => new AcknowledgementMail( $ticket, $email, $mailbox, (string) $inbound->message_id_token() ),
			'solved'               => SolvedMail::for_ticket( $ticket ),
			'contact_confirmation' => ContactConfirmationMail::for_submission(
				$ticket,
				array(
					'name'    => 'Ann',
					'email'   => $email,
					'subject' => 'Wrong size',
				),
				'https://shop.test/support/'
			),
			'address_confirmation' => AddressConfirmationMail::for_address( $ticket, $email, 'https://shop.test/support/' ),
			'chat_transcript'      => ChatTranscriptMail::for_ticket( $ticket, $email ),
			'chat_reply'           => ChatReplyMail::for_reply( $reply, $ticket, $email ),
			'mention'              => new MentionMail( $ticket, $agent, '@someone please look' ),
		);
	}

	public function test_every_kind_is_registered_once_and_renders_subject_html_and_text(): void {
		$mails = $this->one_of_each();
		$this->assertSame( array_keys( $mails ), array_keys( Mails::KINDS ), 'every kind, in the registry' );
		foreach ( $mails as $id => $mail ) {
			$this->assertInstanceOf( Email::class, $mail, $id );
			$this->assertSame( Mails::KINDS[ $id ], get_class( $mail ), $id );
			$this->assertSame( $id, $mail::ID, $id );
			$this->assertSame( Mails::KINDS[ $id ], Mails::get( $id ) );
			$this->assertNotFalse( is_email( $mail->recipient() ), $id . ' recipient' );
			$this->assertNotSame( '', trim( $mail->subject() ), $id . ' subject' );
			$this->assertNotSame( '', trim( $mail->text() ), $id . ' text' );
			$this->assertMatchesRegularExpression( '/<(p|a)\b/', $mail->html(), $id . ' html' );
		}
		$this->assertNull( Mails::get( 'nope' ) );
		$this->assertSame( 'contact_confirmation', $mails['address_confirmation']->kind(), 'the timeline calls it a contact confirmation' );
	}

	public function test_every_kind_leaves_through_the_one_transport(): void {
		$seen   = array();
		$filter = static function ( array $message, Email $mail ) use ( &$seen ): array {
			$seen[ $mail::ID ] = $message;
			return $message;
		};
		add_filter( 'switchboard_customer_mail', $filter, 10, 2 );
		$mails  = $this->one_of_each();
		$before = count( $this->sent_mail() ); // The agent's reply was delivered when it was added.
		try {
			foreach ( $mails as $id => $mail ) {
				$this->assertTrue( true === ( new Transport() )->send( $mail ), $id );
			}
		} finally {
			remove_filter( 'switchboard_customer_mail', $filter, 10 );
		}
		$this->assertSame( array_keys( Mails::KINDS ), array_keys( $seen ) );
		$sent = array_slice( $this->sent_mail(), $before );
		$this->assertCount( count( Mails::KINDS ), $sent, 'one wp_mail() per mail' );
		foreach ( $seen as $id => $message ) {
			if ( 'mention' === $id ) {
				// To an agent, about no customer thread: the plain fallback.
				$this->assertArrayHasKey( 'headers', $message );
				$this->assertStringNotContainsString( '<html', (string) $sent[ count( $sent ) - 1 ]['message'] );
				continue;
			}
			$this->assertMatchesRegularExpression( '/\[#\d+-[0-9a-f]{6}\]$/', (string) $message['subject'], $id . ' signed subject tag' );
			$this->assertStringStartsWith( '<sb.', (string) $message['message_id'], $id . ' signed Message-ID' );
			$this->assertStringContainsString( '<!DOCTYPE html>', (string) $message['html'], $id . ' styled' );
		}
		$this->assertSame( 'auto-replied', $seen['acknowledgement']['auto'] );
		$this->assertSame( '', $seen['reply']['auto'], "an agent's reply is a person's mail" );
		$this->assertSame( 'auto-generated', $seen['solved']['auto'] );

		// Without the email channel every kind is the plain fallback, with the ticket number.
		$was = Transport::email_channel( false );
		try {
			$mail = SolvedMail::for_ticket( (array) $mails['solved']->ticket() );
			$this->assertNotNull( $mail );
			$this->assertTrue( $mail->send() );
		} finally {
			Transport::email_channel( $was );
		}
		$last = $this->sent_mail()[ count( $this->sent_mail() ) - 1 ];
		$this->assertMatchesRegularExpression( '/^\[#\d+\] Solved: Wrong size/', (string) $last['subject'] );
		$this->assertStringNotContainsString( '<html', (string) $last['message'] );
	}

	public function test_the_same_html_gives_the_same_body_text_on_every_channel(): void {
		$this->assertSame( self::TEXT, Html::to_text( self::HTML ) );

		// An HTML-only email, imported.
		$raw = 'From: Ann <html-only-' . wp_generate_password( 6, false, false ) . "@example.test>\r\nTo: help@shop.test\r\nSubject: Wrong size\r\n"
			. 'Message-ID: <' . bin2hex( random_bytes( 6 ) ) . "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
			. str_replace( "\n", "\r\n", self::HTML ) . "\r\n";
		$this->assertSame( self::TEXT, ( new Parser() )->parse( $raw )->text(), 'the parsed mail' );
		$imported = ( new Importer() )->import( $raw, array( 'source' => 'test' ) );
		$this->assertSame( 'stored', $imported['status'] );
		$by_mail = ( new Messages() )->get( (int) $imported['message_row_id'] );

		// The same HTML from the web form / an agent's reply.
		$service  = new TicketService();
		$customer = ( new Customers() )->resolve( 'email', 'html-web@example.test', array( 'email' => 'html-web@example.test' ) );
		$web      = (int) $service->create(
			array(
				'subject'     => 'Wrong size',
				'channel'     => 'web',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_html'   => self::HTML,
				),
			)
		);
		$by_web   = ( new Messages() )->for_ticket( $web, true )[0];

		$this->assertSame( self::TEXT, trim( (string) $by_mail['body_text'] ), 'email' );
		$this->assertSame( self::TEXT, (string) $by_web['body_text'], 'web' );
	}
}
