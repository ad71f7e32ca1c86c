<?php
/**
 * Outgoing email through a mailbox's own SMTP server — a second SMTP sink of bin/lib-mail/smtp.sh
 * on its own port that requires SMTP AUTH — and what happens when a send fails: the error on the
 * message, background retries with backoff, success once the server is back, and an agent's
 * "retry now". Also the look of the reply (WooCommerce email settings, signature in both parts)
 * and the new-ticket acknowledgement, read back from what the server received.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Channels\Email\Mailer;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Module;
use Switchboard\Channels\Email\Scheduler;
use Switchboard\Db\Schema;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Integration tests of Mailer's per-mailbox SMTP, delivery retries and the SMTP test route.
 */
final class MailboxSmtpTest extends SmtpSinkTestCase {

	protected static function sink_name(): string {
		return 'smtp-sink-mailbox';
	}

	/**
	 * SWITCHBOARD_SMTP2_PORT, else one above the runtime's SMTP sink.
	 */
	protected static function port(): int {
		return self::port_from_env( 'SWITCHBOARD_SMTP2_PORT', 1 );
	}

	protected static function mailbox_defaults(): array {
		return array( 'signature' => "Kind regards,\nThe Shop & Co. team" );
	}

	/**
	 * A customer's mail to the mailbox becomes a ticket; returns its id.
	 *
	 * @param int    $mailbox_id Mailbox.
	 * @param string $customer   Sender address.
	 */
	private function ticket( int $mailbox_id, string $customer ): int {
		$raw    = "From: Ann Buyer <$customer>\r\nTo: help-{$this->tag}@shop.test\r\nSubject: Parcel {$this->tag}\r\n"
			. 'Message-ID: <' . bin2hex( random_bytes( 6 ) ) . "@example.com>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\n"
			. "Content-Type: text/plain; charset=utf-8\r\n\r\nWhere is my parcel?\r\n";
		$result = ( new Importer() )->import(
			$raw,
			array(
				'source'     => 'pipe',
				'mailbox_id' => $mailbox_id,
			)
		);
		$this->assertIsArray( $result );
		$this->assertSame( 'stored', $result['status'] );
		return (int) $result['ticket_id'];
	}

	/**
	 * An agent's public reply (delivered at once by the email channel); returns the message id.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $text      Text.
	 */
	private function reply( int $ticket_id, string $text ): int {
		$agent = $this->make_user( 'administrator' );
		wp_set_current_user( $agent );
		$id = ( new TicketService() )->add_message(
			$ticket_id,
			array(
				'author_type' => 'agent',
				'author_id'   => $agent,
				'body_html'   => '<p>' . esc_html( $text ) . '</p>',
				'body_text'   => $text,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * The message row.
	 *
	 * @param int $id Message id.
	 * @return array<string, mixed>
	 */
	private function message( int $id ): array {
		$row = ( new Messages() )->get( $id );
		$this->assertNotNull( $row );
		return $row;
	}

	public function test_a_reply_leaves_through_the_mailbox_smtp_server_styled_like_the_store_with_signature_and_text_part(): void {
		update_option( 'woocommerce_email_base_color', '#96588a' );
		update_option( 'woocommerce_email_background_color', '#eaeaea' );
		update_option( 'woocommerce_email_text_color', '#123456' );
		update_option( 'woocommerce_email_header_image', 'https://shop.test/logo.png' );
		update_option( 'woocommerce_email_footer_text', '{site_title} — {unknown_placeholder}thanks for shopping' );

		$mailbox_id = $this->mailbox( array( 'quote_history' => true ) );

		// The SMTP password is write-only and stored encrypted.
		$shown = $this->rest( 'GET', "/switchboard/v1/email/mailboxes/$mailbox_id" )->get_data();
		$this->assertArrayNotHasKey( 'smtp_password', $shown );
		$this->assertTrue( $shown['smtp_password_set'] );
		$this->assertSame( '127.0.0.1', $shown['smtp_host'] );
		$this->assertSame( self::USER, $shown['smtp_user'] );
		global $wpdb;
		$stored = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT settings FROM ' . Schema::table( 'mailboxes' ) . ' WHERE id = %d', $mailbox_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assertStringNotContainsString( 'S3cret', $stored );
		$this->assertSame( self::PASSWORD, ( new Mailboxes() )->setting_secret( (array) ( new Mailboxes() )->get( $mailbox_id ), 'smtp_password' ) );

		$customer  = "ann-{$this->tag}@example.com";
		$ticket_id = $this->ticket( $mailbox_id, $customer );
		// WooCommerce's WC_Email::handle_multipart (phpmailer_init, priority 10) blanks AltBody for
		// every later wp_mail() once one of its emails was rendered but not sent: the text part
		// must survive such a handler.
		$blank_alt_body = static function ( $phpmailer ): void {
			$phpmailer->AltBody = ''; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		};
		add_action( 'phpmailer_init', $blank_alt_body, 10 );
		try {
			$reply_id = $this->reply( $ticket_id, 'Your parcel left our warehouse today.' );
		} finally {
			remove_action( 'phpmailer_init', $blank_alt_body, 10 );
		}
		$this->assertSame( 'sent', $this->message( $reply_id )['delivery_status'], (string) $this->message( $reply_id )['delivery_error'] );

		$received = $this->received();
		$this->assertCount( 1, $received, 'the reply reached the mailbox SMTP server (not the site mail setup)' );
		$this->assertSame( self::USER, $received[0]['envelope']['auth'], 'authenticated with the decrypted password' );
		$this->assertSame( array( $customer ), $received[0]['envelope']['rcpt_to'] );
		$this->assertSame( "help-{$this->tag}@shop.test", $received[0]['envelope']['mail_from'] );

		// wp_mail() reuses one PHPMailer: the mailbox server must not stick to the site's next mail.
		$this->assertSame( 'mail', $GLOBALS['phpmailer']->Mailer ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		$this->assertSame( 'localhost', $GLOBALS['phpmailer']->Host ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		$this->assertSame( '', $GLOBALS['phpmailer']->Password ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName

		$raw  = $received[0]['raw'];
		$mail = ( new Parser() )->parse( $raw );
		$this->assertMatchesRegularExpression( '~^Content-Type:\s*multipart/alternative~mi', $raw );
		$text = str_replace( "\r\n", "\n", $mail->text() );
		$this->assertStringContainsString( "Your parcel left our warehouse today.\n\n-- \nKind regards,\nThe Shop & Co. team", $text, 'text part: reply, signature separator, signature' );
		$this->assertMatchesRegularExpression( '/\nOn [^\n]+, Ann Buyer wrote:\n> Where is my parcel\?$/', rtrim( $text ), 'quoted history after the signature' );
		$html = $mail->html();
		$this->assertStringContainsString( 'Your parcel left our warehouse today.', $html );
		$this->assertStringContainsString( 'Kind regards,<br />', $html );
		$this->assertStringContainsString( 'The Shop &amp; Co. team', $html, 'the signature is escaped in HTML' );
		$this->assertStringContainsString( 'border-top:4px solid #96588a', $html, 'base colour' );
		$this->assertStringContainsString( 'background:#eaeaea', $html, 'background colour' );
		$this->assertStringContainsString( 'color:#123456', $html, 'text colour' );
		$this->assertStringContainsString( '<img src="https://shop.test/logo.png"', $html, 'header image' );
		$this->assertStringContainsString( get_bloginfo( 'name' ) . ' — thanks for shopping', $html, 'footer text with placeholders' );
		$this->assertStringNotContainsString( '{unknown_placeholder}', $html );
		$this->assertMatchesRegularExpression( '~Ann Buyer wrote:</p><blockquote[^>]*>.*Where is my parcel\?~s', $html, 'quoted history in HTML' );
	}

	public function test_new_ticket_acknowledgement_goes_out_once_per_sender_as_an_auto_reply(): void {
		$mailbox_id = $this->mailbox(
			array(
				'acknowledge' => true,
				'ack_subject' => 'We have your message',
				'ack_body'    => 'Thanks, we will answer within a day.',
			)
		);
		$customer   = "kim-{$this->tag}@example.com";
		$first      = $this->ticket( $mailbox_id, $customer );
		$received   = $this->received();
		$this->assertCount( 1, $received, 'one acknowledgement' );
		$mail = ( new Parser() )->parse( $received[0]['raw'] );
		$this->assertStringStartsWith( 'We have your message [#' . $first, (string) $mail->subject() );
		$this->assertMatchesRegularExpression( '/^Auto-Submitted:\s*auto-replied\s*$/mi', $received[0]['raw'] );
		$this->assertStringContainsString( 'Thanks, we will answer within a day.', $mail->text() );
		// The link opens this ticket without a login: its token is the one the support screens check.
		$this->assertMatchesRegularExpression( '~(https?://\S+)~', $mail->text() );
		preg_match( '~https?://\S+~', $mail->text(), $found );
		parse_str( (string) wp_parse_url( $found[0], PHP_URL_QUERY ), $query );
		$this->assertSame( (string) $first, $query[ Links::TICKET ] ?? null, 'link to the ticket' );
		$ticket = ( new TicketService() )->get( $first );
		$this->assertIsArray( $ticket );
		$this->assertTrue( Access::verify_token( $ticket, (string) ( $query[ Links::TOKEN ] ?? '' ) ), 'the link\'s token opens the ticket' );
		$this->assertSame( Links::signed( $ticket ), $found[0] );
		$this->assertSame( self::USER, $received[0]['envelope']['auth'] );

		// A second new ticket from the same sender within the hour: no second acknowledgement.
		$this->ticket( $mailbox_id, $customer );
		$this->assertCount( 1, $this->received(), 'rate-limited per sender' );
	}

	public function test_the_solved_email_leaves_from_the_mailbox_and_an_answer_to_it_reopens_the_ticket(): void {
		update_option( 'woocommerce_email_base_color', '#96588a' );
		$mailbox_id = $this->mailbox();
		$customer   = "una-{$this->tag}@example.com";
		$ticket_id  = $this->ticket( $mailbox_id, $customer );
		$service    = new TicketService();

		$service->update( $ticket_id, array( 'status' => 'solved' ) );
		$received = $this->received();
		$this->assertCount( 1, $received, 'the solved email went through the mailbox SMTP server' );
		$this->assertSame( array( $customer ), $received[0]['envelope']['rcpt_to'] );
		$this->assertSame( "help-{$this->tag}@shop.test", $received[0]['envelope']['mail_from'] );
		$raw  = $received[0]['raw'];
		$mail = ( new Parser() )->parse( $raw );
		$this->assertMatchesRegularExpression( '~^Content-Type:\s*multipart/alternative~mi', $raw );
		$this->assertMatchesRegularExpression( '/^Auto-Submitted:\s*auto-generated\s*$/mi', $raw, 'an automatic email (RFC 3834)' );
		$this->assertStringStartsWith( "Solved: Parcel {$this->tag} — how did we do? [#{$ticket_id}-", (string) $mail->subject() );
		$this->assertStringContainsString( 'border-top:4px solid #96588a', $mail->html(), 'styled like the store' );

		// Its rating link (text part) rates without a login.
		$this->assertSame( 1, preg_match( '~https?://\S+#switchboard-rate~', $mail->text(), $link ) );
		parse_str( (string) wp_parse_url( $link[0], PHP_URL_QUERY ), $query );
		$ticket = $service->get( $ticket_id );
		$this->assertIsArray( $ticket );
		$this->assertTrue( Access::verify_token( $ticket, (string) preg_replace( '/#.*$/', '', (string) ( $query[ Links::TOKEN ] ?? '' ) ) ) );

		// "If something is still open, just reply": the answer goes to the signed Reply-To and
		// lands on the ticket, even from a client that drops In-Reply-To, References and the tag.
		$this->assertSame( 1, preg_match( '/^Reply-To:\s*(\S+@shop\.test)\s*$/mi', $raw, $reply_to ) );
		$this->assertStringStartsWith( "help-{$this->tag}+{$ticket_id}.", $reply_to[1] );
		$answer = ( new Importer() )->import(
			"From: Una <$customer>\r\nTo: {$reply_to[1]}\r\nSubject: Still broken\r\n"
			. 'Message-ID: <' . bin2hex( random_bytes( 6 ) ) . "@example.com>\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n"
			. "Content-Type: text/plain; charset=utf-8\r\n\r\nThe new one does not work either.\r\n",
			array(
				'source'     => 'pipe',
				'mailbox_id' => $mailbox_id,
			)
		);
		$this->assertIsArray( $answer );
		$this->assertSame( $ticket_id, (int) $answer['ticket_id'], 'threaded by the signed Reply-To' );
		$this->assertNotSame( 'solved', (string) $service->get( $ticket_id )['status'], 'the answer reopened it' );

		// An answer to another address that keeps only In-Reply-To finds the ticket by the
		// notice's signed Message-ID.
		$message_id = (string) $mail->header( 'Message-ID' );
		$this->assertStringStartsWith( "<sb.{$ticket_id}.", $message_id );
		$answer = ( new Importer() )->import(
			"From: Una <$customer>\r\nTo: help-{$this->tag}@shop.test\r\nSubject: Another thing\r\n"
			. "In-Reply-To: $message_id\r\n"
			. 'Message-ID: <' . bin2hex( random_bytes( 6 ) ) . "@example.com>\r\nDate: Mon, 23 Nov 2026 09:05:00 +0000\r\n"
			. "Content-Type: text/plain; charset=utf-8\r\n\r\nAnd the invoice is missing.\r\n",
			array(
				'source'     => 'pipe',
				'mailbox_id' => $mailbox_id,
			)
		);
		$this->assertIsArray( $answer );
		$this->assertSame( $ticket_id, (int) $answer['ticket_id'], 'threaded by In-Reply-To' );
	}

	public function test_a_failed_automatic_email_is_shown_on_the_ticket_and_retried_until_sent_once(): void {
		$mailbox_id = $this->mailbox( array( 'smtp_password' => 'wrong password' ) );
		$customer   = "vic-{$this->tag}@example.com";
		$ticket_id  = $this->ticket( $mailbox_id, $customer );
		$service    = new TicketService();

		$service->update( $ticket_id, array( 'status' => 'solved' ) );
		$this->assertSame( array(), $this->received(), 'the server refused the login' );
		$failed = $this->events( $ticket_id, 'email_failed' );
		$this->assertCount( 1, $failed, 'the failure is on the timeline' );
		$this->assertSame( 'solved', $failed[0]['kind'] );
		$this->assertSame( $customer, $failed[0]['to'] );
		$this->assertStringContainsStringIgnoringCase( 'authenticate', $failed[0]['error'] );
		$this->assertSame( 1, $failed[0]['attempts'] );
		$this->assertSame( Mailer::backoff( 1 ), $failed[0]['retry_in'] );
		$pending = (array) $service->get_meta( $ticket_id, Mailer::NOTICES_META );
		$this->assertCount( 1, $pending );
		$key = (string) array_key_first( $pending );
		$due = Scheduler::next( Module::NOTICE_RETRY_HOOK, array( $ticket_id, $key ) );
		$this->assertGreaterThan( time(), $due, 'a retry is scheduled' );

		// Still failing: a second attempt, a longer wait.
		do_action( Module::NOTICE_RETRY_HOOK, $ticket_id, $key );
		$failed = $this->events( $ticket_id, 'email_failed' );
		$this->assertCount( 2, $failed );
		$this->assertSame( 2, $failed[1]['attempts'] );
		$this->assertSame( Mailer::backoff( 2 ), $failed[1]['retry_in'] );

		// The password is mended: the next retry sends it, once.
		( new Mailboxes() )->save( array( 'smtp_password' => self::PASSWORD ), $mailbox_id );
		do_action( Module::NOTICE_RETRY_HOOK, $ticket_id, $key );
		$received = $this->received();
		$this->assertCount( 1, $received );
		$this->assertStringStartsWith( "Solved: Parcel {$this->tag}", (string) ( new Parser() )->parse( $received[0]['raw'] )->subject() );
		$sent = $this->events( $ticket_id, 'email_sent' );
		$this->assertCount( 1, $sent );
		$this->assertSame( 3, $sent[0]['attempts'] );
		$this->assertSame( array(), (array) $service->get_meta( $ticket_id, Mailer::NOTICES_META ) );
		do_action( Module::NOTICE_RETRY_HOOK, $ticket_id, $key );
		$this->assertCount( 1, $this->received(), 'a late retry sends no second copy' );
	}

	/**
	 * Data of a ticket's events of one type, oldest first.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $type      Event type.
	 * @return array<int, array<string, mixed>>
	 */
	private function events( int $ticket_id, string $type ): array {
		global $wpdb;
		$rows = $wpdb->get_col( $wpdb->prepare( 'SELECT data FROM ' . Schema::table( 'events' ) . ' WHERE ticket_id = %d AND type = %s ORDER BY id', $ticket_id, $type ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array_map( static fn ( $data ): array => (array) json_decode( (string) $data, true ), $rows );
	}

	public function test_a_failed_send_shows_its_error_is_retried_with_backoff_and_succeeds_once_the_server_is_back(): void {
		$mailbox_id = $this->mailbox( array( 'smtp_password' => 'wrong password' ) );
		$ticket_id  = $this->ticket( $mailbox_id, "ann-{$this->tag}@example.com" );
		$reply_id   = $this->reply( $ticket_id, 'First try.' );

		// 1. Refused by the server (wrong password): failed, with the server's error, retry in ~1 min.
		$row = $this->message( $reply_id );
		$this->assertSame( 'failed', $row['delivery_status'] );
		$this->assertStringContainsStringIgnoringCase( 'authenticate', (string) $row['delivery_error'] );
		$this->assertSame( 1, $row['delivery_attempts'] );
		$next = Scheduler::next( Module::RETRY_HOOK, array( $reply_id ) );
		$this->assertEqualsWithDelta( time() + 60, $next, 10, 'first retry after a minute' );
		$this->assertSame( array(), $this->received() );

		// The agent sees it in the ticket timeline (the SPA renders delivery_status/delivery_error).
		$timeline = $this->rest( 'GET', "/switchboard/v1/tickets/$ticket_id/messages" );
		$this->assertSame( 200, $timeline->get_status(), (string) wp_json_encode( $timeline->get_data() ) );
		$shown = array_values( array_filter( (array) $timeline->get_data(), static fn ( $m ) => (int) $m['id'] === $reply_id ) );
		$this->assertSame( 'failed', $shown[0]['delivery_status'] ?? null );
		$this->assertStringContainsStringIgnoringCase( 'authenticate', (string) ( $shown[0]['delivery_error'] ?? '' ) );

		// 2. Password fixed but the server is down: the background retry fails too, next in ~4 min.
		( new Mailboxes() )->save( array( 'smtp_password' => self::PASSWORD ), $mailbox_id );
		$this->assertSame( '', self::sink( 'stop' ) );
		do_action( Module::RETRY_HOOK, $reply_id );
		$row = $this->message( $reply_id );
		$this->assertSame( 'failed', $row['delivery_status'] );
		$this->assertNotSame( '', (string) $row['delivery_error'] );
		$this->assertSame( 2, $row['delivery_attempts'] );
		$this->assertEqualsWithDelta( time() + 240, Scheduler::next( Module::RETRY_HOOK, array( $reply_id ) ), 10, 'backoff grows' );

		// 3. The server is back: the next background retry delivers, and the error is gone.
		$this->assertSame( '', self::sink( 'start' ) );
		do_action( Module::RETRY_HOOK, $reply_id );
		$row = $this->message( $reply_id );
		$this->assertSame( 'sent', $row['delivery_status'], (string) $row['delivery_error'] );
		$this->assertSame( '', (string) $row['delivery_error'] );
		$this->assertSame( 3, $row['delivery_attempts'] );
		$this->assertCount( 1, $this->received() );
		$this->assertStringContainsString( 'First try.', ( new Parser() )->parse( $this->received()[0]['raw'] )->text() );
		$this->assertStringNotContainsString( 'wrote:', ( new Parser() )->parse( $this->received()[0]['raw'] )->text(), 'no quoted history unless the mailbox asks for it' );

		// A stale retry job of a sent reply sends nothing twice.
		do_action( Module::RETRY_HOOK, $reply_id );
		$this->assertCount( 1, $this->received() );
		$this->assertSame( 3, $this->message( $reply_id )['delivery_attempts'] );
	}

	public function test_an_agent_retries_a_failed_reply_by_hand(): void {
		$mailbox_id = $this->mailbox();
		$ticket_id  = $this->ticket( $mailbox_id, "ann-{$this->tag}@example.com" );
		$this->assertSame( '', self::sink( 'stop' ) );
		$reply_id = $this->reply( $ticket_id, 'Sent while the server was down.' );
		$this->assertSame( 'failed', $this->message( $reply_id )['delivery_status'] );
		$this->assertGreaterThan( 0, Scheduler::next( Module::RETRY_HOOK, array( $reply_id ) ) );

		$route = "/switchboard/v1/email/messages/$reply_id/retry";
		// Still down: the retry answers with the new failure (and schedules the next background try).
		$still = $this->rest( 'POST', $route );
		$this->assertSame( 200, $still->get_status(), (string) wp_json_encode( $still->get_data() ) );
		$this->assertSame( 'failed', $still->get_data()['delivery_status'] );
		$this->assertNotSame( '', $still->get_data()['delivery_error'] );
		$this->assertSame( 2, $still->get_data()['delivery_attempts'] );

		$this->assertSame( '', self::sink( 'start' ) );
		$done = $this->rest( 'POST', $route );
		$this->assertSame( 200, $done->get_status() );
		$this->assertSame( 'sent', $done->get_data()['delivery_status'] );
		$this->assertSame( '', $done->get_data()['delivery_error'] );
		$this->assertSame( 0, Scheduler::next( Module::RETRY_HOOK, array( $reply_id ) ), 'no background retry left' );
		$this->assertCount( 1, $this->received() );

		// Only failed replies can be retried; customers cannot.
		$this->assertRestError( $this->rest( 'POST', $route ), 409, 'switchboard_not_failed' );
		$this->as_user( (string) get_userdata( $this->make_user( 'customer' ) )->user_login );
		$this->assertRestError( $this->rest( 'POST', $route ), 403 );
	}

	public function test_smtp_test_logs_in_without_sending_and_explains_a_failure(): void {
		$mailbox_id = $this->mailbox();
		$route      = '/switchboard/v1/email/mailboxes/smtp-test';
		// Saved mailbox: its stored password.
		$ok = $this->rest( 'POST', $route, array( 'id' => $mailbox_id ) );
		$this->assertSame( 200, $ok->get_status(), (string) wp_json_encode( $ok->get_data() ) );
		// Unsaved settings with a wrong typed password.
		$bad = $this->rest(
			'POST',
			$route,
			array(
				'smtp_host'     => '127.0.0.1',
				'smtp_port'     => self::port(),
				'smtp_security' => 'none',
				'smtp_user'     => self::USER,
				'smtp_password' => 'nope',
			)
		);
		$this->assertRestError( $bad, 422, 'switchboard_smtp_failed' );
		// A generic answer: the server's own words (its banner, the refusal) go to the debug log only.
		$this->assertSame( 'Could not connect or log in; check the host, port and credentials.', (string) $bad->get_data()['message'] );
		$this->assertRestError( $this->rest( 'POST', $route, array( 'smtp_host' => '' ) ), 400, 'switchboard_smtp_incomplete' );
		$this->assertSame( array(), $this->received(), 'a test sends nothing' );
	}
}
