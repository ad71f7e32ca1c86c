<?php
/**
 * The email channel against real servers: the project's own Dovecot (IMAP, bin/lib-mail/dovecot.sh)
 * and an SMTP sink (bin/lib-mail/smtp.sh) — the IMAP client, the poller and the outbound mailer
 * over real sockets.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\Imap\ImapClient;
use Switchboard\Channels\Email\Imap\Poller;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Integration tests of Imap\ImapClient, Imap\Poller and Mailer against Dovecot and an SMTP sink.
 */
final class RealServersTest extends TestCase {

	private const HOST     = '127.0.0.1';
	private const USER     = 'support@shop.test';
	private const PASSWORD = 'secret';

	/**
	 * Why the servers are unavailable ('' when they run).
	 */
	private static string $unavailable = '';

	/**
	 * Folder of the current test (each test gets a fresh one, so runs never see each other's mail).
	 */
	private string $folder = '';

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$unavailable = '';

		$servers = array(
			'dovecot.sh' => 'Dovecot (IMAP)',
			'smtp.sh'    => 'the SMTP sink',
		);
		foreach ( $servers as $script => $label ) {
			$output = array();
			$rc     = 0;
			exec( 'bash ' . escapeshellarg( self::repo() . '/bin/lib-mail/' . $script ) . ' start 2>&1', $output, $rc ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
			if ( 0 !== $rc ) {
				self::$unavailable = "skipped: $label could not be started (bin/lib-mail/$script start): " . implode( ' | ', array_slice( $output, -5 ) );
				return;
			}
		}
	}

	protected function setUp(): void {
		parent::setUp();
		if ( '' !== self::$unavailable ) {
			$this->markTestSkipped( self::$unavailable );
		}
		$this->folder = 'sb-test-' . gmdate( 'His' ) . '-' . bin2hex( random_bytes( 4 ) );
		$client       = $this->imap();
		$client->create_folder( $this->folder );
		$client->logout();
	}

	/**
	 * Line ends normalised (IMAP servers hand back CRLF whatever was appended), and NUL bytes as
	 * Dovecot stores them (0x80: NUL is not allowed in IMAP literals).
	 */
	private static function crlf( string $raw ): string {
		return str_replace( "\0", "\x80", (string) preg_replace( '/\r?\n/', "\r\n", $raw ) );
	}

	/**
	 * Glob() that always returns an array.
	 *
	 * @return string[]
	 */
	private static function glob( string $pattern ): array {
		$files = glob( $pattern );
		return false === $files ? array() : $files;
	}

	private static function repo(): string {
		return dirname( __DIR__, 4 );
	}

	/**
	 * The runtime folder the servers of bin/lib-mail keep their files in (SWITCHBOARD_RUNTIME_DIR,
	 * as the scripts read it).
	 */
	private static function runtime_dir(): string {
		$dir = getenv( 'SWITCHBOARD_RUNTIME_DIR' );
		return is_string( $dir ) && '' !== $dir ? rtrim( $dir, '/' ) : self::repo() . '/.runtime';
	}

	/**
	 * Dovecot's port (SWITCHBOARD_IMAP_PORT, as bin/lib-mail/dovecot.sh reads it).
	 */
	private static function imap_port(): int {
		return self::port( 'SWITCHBOARD_IMAP_PORT', 10143 );
	}

	/**
	 * The SMTP sink's port (SWITCHBOARD_SMTP_PORT, as bin/lib-mail/smtp.sh reads it).
	 */
	private static function smtp_port(): int {
		return self::port( 'SWITCHBOARD_SMTP_PORT', 10025 );
	}

	/**
	 * A port from the environment, or the default.
	 *
	 * @param string $name    Variable.
	 * @param int    $default Default.
	 */
	private static function port( string $name, int $default ): int {
		$value = getenv( $name );
		return is_string( $value ) && ctype_digit( $value ) && (int) $value > 0 ? (int) $value : $default;
	}

	private function corpus(): string {
		$env = getenv( 'SWITCHBOARD_MAIL_CORPUS' );
		return is_string( $env ) && '' !== $env ? $env : dirname( __DIR__, 5 ) . '/shared/mail-corpus';
	}

	/**
	 * A logged-in client.
	 */
	private function imap(): ImapClient {
		$client = new ImapClient();
		$client->connect( self::HOST, self::imap_port(), 'none', 10, false );
		$client->login( self::USER, self::PASSWORD );
		return $client;
	}

	/**
	 * APPENDs raw messages to this test's folder.
	 *
	 * @param string[] $raws Raw messages.
	 */
	private function append( array $raws ): void {
		$client = $this->imap();
		foreach ( $raws as $raw ) {
			$client->append( $this->folder, $raw );
		}
		$client->logout();
	}

	/**
	 * A mailbox polling this test's folder.
	 */
	private function mailbox(): int {
		$id = ( new Mailboxes() )->save(
			array(
				'name'          => 'Shop Support',
				'address'       => self::USER,
				'imap_host'     => self::HOST,
				'imap_port'     => self::imap_port(),
				'imap_security' => 'none',
				'imap_user'     => self::USER,
				'imap_password' => self::PASSWORD,
				'imap_folder'   => $this->folder,
				'after_import'  => 'seen',
				'poll_interval' => 60,
				'is_active'     => 1,
			)
		);
		$this->assertGreaterThan( 0, $id );
		return $id;
	}

	/**
	 * Polls until a run imports nothing; returns the number imported.
	 *
	 * @param int $mailbox_id Mailbox.
	 */
	private function poll_all( int $mailbox_id ): int {
		$total = 0;
		for ( $i = 0; $i < 20; $i++ ) {
			$result = ( new Poller() )->poll( (array) ( new Mailboxes() )->get( $mailbox_id ) );
			$this->assertSame( '', $result['error'], 'poll error' );
			$total += $result['imported'];
			if ( 0 === $result['imported'] ) {
				break;
			}
		}
		return $total;
	}

	/**
	 * Raw IMAP conversation for what ImapClient does not expose (flags): returns the untagged lines.
	 *
	 * @param string[] $commands Commands after LOGIN.
	 * @return string[]
	 */
	private function raw_imap( array $commands ): array {
		$stream = stream_socket_client( 'tcp://' . self::HOST . ':' . self::imap_port(), $errno, $errstr, 10 );
		$this->assertNotFalse( $stream, "connect: $errstr" );
		stream_set_timeout( $stream, 10 );
		fgets( $stream );
		$lines = array();
		$n     = 0;
		foreach ( array_merge( array( 'LOGIN "' . self::USER . '" "' . self::PASSWORD . '"' ), $commands, array( 'LOGOUT' ) ) as $command ) {
			$tag = 'R' . ( ++$n );
			fwrite( $stream, "$tag $command\r\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			while ( true ) {
				$line = fgets( $stream );
				$this->assertNotFalse( $line, "no answer to $command" );
				if ( str_starts_with( $line, "$tag " ) ) {
					$this->assertMatchesRegularExpression( '/^' . $tag . ' OK/', $line, $command );
					break;
				}
				$lines[] = rtrim( $line, "\r\n" );
			}
		}
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return $lines;
	}

	/**
	 * UIDs of this test's folder matching a SEARCH key.
	 *
	 * @return int[]
	 */
	private function search( string $key ): array {
		foreach ( $this->raw_imap( array( 'EXAMINE "' . $this->folder . '"', 'UID SEARCH ' . $key ) ) as $line ) {
			if ( preg_match( '/^\* SEARCH\s*(.*)$/', $line, $m ) ) {
				return array_map( 'intval', array_filter( explode( ' ', trim( $m[1] ) ), 'strlen' ) );
			}
		}
		return array();
	}

	/**
	 * Inbound rows of a mailbox, by status.
	 *
	 * @return array<string, int>
	 */
	private function inbound_statuses( int $mailbox_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT status, COUNT(*) AS n FROM ' . Schema::table( 'inbound' ) . ' WHERE mailbox_id = %d GROUP BY status', $mailbox_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $out;
	}

	/**
	 * The outcome of the inbound row of an IMAP UID.
	 *
	 * @return array<string, mixed>
	 */
	private function inbound_by_message_id( int $mailbox_id, string $message_id ): array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'inbound' ) . ' WHERE mailbox_id = %d AND message_id = %s ORDER BY id DESC LIMIT 1', $mailbox_id, $message_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$this->assertIsArray( $row, "inbound row of $message_id" );
		return $row;
	}

	public function test_every_corpus_file_survives_imap_and_a_second_poll_imports_nothing(): void {
		$files = self::glob( $this->corpus() . '/*.eml' );
		if ( array() === $files ) {
			$this->markTestSkipped( 'skipped: mail corpus not found at ' . $this->corpus() );
		}
		$this->append( array_map( static fn ( string $f ): string => (string) file_get_contents( $f ), $files ) );
		$uids = $this->search( 'ALL' );
		$this->assertCount( count( $files ), $uids, 'every corpus file was APPENDed' );
		$this->assertCount( count( $files ), $this->search( 'UNSEEN' ) );

		$mailbox_id = $this->mailbox();
		$imported   = $this->poll_all( $mailbox_id );
		$this->assertSame( count( $files ), $imported, 'every message imported (more than one batch)' );

		$statuses = $this->inbound_statuses( $mailbox_id );
		$this->assertArrayNotHasKey( 'received', $statuses, 'no row left half-imported: ' . wp_json_encode( $statuses ) );
		$this->assertSame( count( $files ), array_sum( $statuses ), 'none lost: ' . wp_json_encode( $statuses ) );

		// Per file (UIDs, hence inbound rows, follow the APPEND order): bounces never make tickets,
		// everything else is a ticket message — as when the importer is fed directly.
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'inbound' ) . ' WHERE mailbox_id = %d ORDER BY id', $mailbox_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$this->assertCount( count( $files ), $rows );
		foreach ( array_values( $files ) as $i => $file ) {
			$name = basename( $file );
			$row  = $rows[ $i ];
			$this->assertSame( 'imap', $row['source'], $name );
			$this->assertMatchesRegularExpression( '/^\d+:' . $uids[ $i ] . '$/', (string) $row['source_ref'], $name );
			$raw = ( new InboundStore() )->raw( $row );
			$this->assertSame( self::crlf( (string) file_get_contents( $file ) ), self::crlf( $raw ), "$name: raw bytes survived IMAP" );
			if ( preg_match( '/^(010|035|036|040)-/', $name ) ) {
				$this->assertContains( $row['status'], array( 'bounce', 'ignored' ), "$name is a bounce, never a ticket" );
				$this->assertSame( 0, (int) $row['ticket_id'], $name );
			} else {
				$this->assertSame( 'stored', $row['status'], $name . ': ' . $row['error'] );
				$this->assertGreaterThan( 0, (int) $row['ticket_id'], $name );
			}
		}

		// Marked \Seen on the server; the mailbox remembers the last UID.
		$this->assertSame( array(), $this->search( 'UNSEEN' ), 'every message marked \\Seen' );
		$mailbox = ( new Mailboxes() )->get( $mailbox_id );
		$this->assertSame( max( $uids ), $mailbox['last_uid'] );
		$this->assertGreaterThan( 0, $mailbox['uid_validity'] );
		$this->assertSame( 0, $mailbox['failures'] );
		$this->assertSame( '', (string) $mailbox['last_error'] );

		// A second poll imports nothing, and nothing new was stored.
		$this->assertSame( 0, $this->poll_all( $mailbox_id ) );
		$this->assertSame( $statuses, $this->inbound_statuses( $mailbox_id ) );

		// A message arriving later is the only one imported next time.
		$this->append( array( "From: Late Larry <larry@example.com>\r\nTo: support@shop.test\r\nSubject: Late arrival\r\nMessage-ID: <late-" . $this->folder . "@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nJust arrived.\r\n" ) );
		$this->assertSame( 1, $this->poll_all( $mailbox_id ) );
		$this->assertSame( 'stored', $this->inbound_by_message_id( $mailbox_id, '<late-' . $this->folder . '@example.com>' )['status'] );
	}

	public function test_round_trip_through_imap_and_smtp(): void {
		$mailbox_id = $this->mailbox();
		$tag        = $this->folder;

		// 1. The customer writes; the poller turns it into a ticket.
		$first_id = "<first-$tag@example.com>";
		$this->append( array( "From: Ann Buyer <ann@example.com>\r\nTo: Shop Support <support@shop.test>\r\nSubject: Where is my order?\r\nMessage-ID: $first_id\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, my order #12 has not arrived.\r\n" ) );
		$this->assertSame( 1, $this->poll_all( $mailbox_id ) );
		$first = $this->inbound_by_message_id( $mailbox_id, $first_id );
		$this->assertSame( 'stored', $first['status'] );
		$ticket_id = (int) $first['ticket_id'];
		$ticket    = ( new TicketService() )->get( $ticket_id );
		$this->assertNotNull( $ticket );
		$this->assertSame( 'email', $ticket['channel'] );

		// 2. An agent replies: delivered for real through PHPMailer → SMTP sink.
		$agent = $this->make_user( 'administrator' );
		wp_set_current_user( $agent );
		$reply_id = $this->send_through_sink(
			static fn () => ( new TicketService() )->add_message(
				$ticket_id,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'body_html'   => '<p>We are <strong>looking into it</strong>. Grüße — ご注文を確認中です。</p>',
					'body_text'   => 'We are looking into it. Grüße — ご注文を確認中です。',
				)
			),
			$sent,
			$ticket_id
		);
		$this->assertIsInt( $reply_id );
		$this->assertSame( 'sent', ( new Messages() )->get( $reply_id )['delivery_status'], (string) ( new Messages() )->get( $reply_id )['delivery_error'] );
		$this->assertCount( 1, $sent, 'one email reached the SMTP sink' );
		$raw    = $sent[0]['raw'];
		$mail   = ( new Parser() )->parse( $raw );
		$signer = Signer::from_wordpress();
		$secret = (string) $ticket['secret'];
		$this->assertSame( array( 'ann@example.com' ), $sent[0]['envelope']['rcpt_to'] );
		$this->assertSame( self::USER, $sent[0]['envelope']['mail_from'], 'envelope sender is the mailbox' );
		$this->assertSame( self::USER, $mail->from()['address'] ?? null, 'From is the mailbox address' );
		$reply_address = $signer->reply_address( self::USER, $ticket_id, $secret );
		$this->assertSame( $reply_address, $mail->addresses( 'reply-to' )[0]['address'] ?? null, 'Reply-To is the signed address' );
		$message_id = (string) $mail->message_id_token();
		$parsed     = Signer::parse_message_id( $message_id );
		$this->assertNotNull( $parsed, "signed Message-ID: $message_id" );
		$this->assertSame( $ticket_id, $parsed['ticket'] );
		$this->assertSame( $reply_id, $parsed['message'] );
		$this->assertTrue( $signer->verify_message_id( $ticket_id, $reply_id, $parsed['sig'], $secret ) );
		$this->assertSame( $first_id, trim( (string) $mail->in_reply_to() ), 'In-Reply-To is the customer message' );
		$this->assertContains( $first_id, $mail->references() );
		$this->assertMatchesRegularExpression( '~^Content-Type:\s*multipart/alternative~mi', $raw );
		$this->assertStringContainsString( 'We are looking into it.', $mail->text() );
		$this->assertStringContainsString( 'looking into it', $mail->html() );
		$this->assertStringContainsString( '<strong>', $mail->html() );
		$this->assertStringContainsString( 'Grüße — ご注文を確認中です。', $mail->text(), 'UTF-8 text survives SMTP' );
		$this->assertStringContainsString( 'ご注文を確認中です', $mail->html(), 'UTF-8 HTML survives SMTP' );
		$this->assertMatchesRegularExpression( '~^Content-Type:\s*text/plain;\s*charset="?utf-8~mi', $raw );
		$this->assertSame( $message_id, ( new Messages() )->get( $reply_id )['meta']['email']['message_id'] ?? null );

		// 3. Gmail-style reply (In-Reply-To, quoted history, alternative) and a header-stripped one.
		$gmail_id    = "<CAGmail-$tag@mail.gmail.com>";
		$gmail_reply = implode(
			"\r\n",
			array(
				'From: Ann Buyer <ann@example.com>',
				"To: Shop Support <$reply_address>",
				'Subject: ' . (string) $mail->subject(),
				"Message-ID: $gmail_id",
				"In-Reply-To: $message_id",
				"References: $first_id $message_id",
				'Date: Mon, 2 Mar 2026 12:00:00 +0000',
				'MIME-Version: 1.0',
				'Content-Type: multipart/alternative; boundary="000000000000gmailb"',
				'',
				'--000000000000gmailb',
				'Content-Type: text/plain; charset="UTF-8"',
				'',
				'Thanks, any news?',
				'',
				"On Mon, Mar 2, 2026 at 11:00 AM Shop Support <$reply_address> wrote:",
				'',
				'> We are looking into it.',
				'>',
				'',
				'--000000000000gmailb',
				'Content-Type: text/html; charset="UTF-8"',
				'',
				'<div dir="ltr">Thanks, any news?</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Mar 2, 2026 at 11:00 AM Shop Support &lt;' . $reply_address . '&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><p>We are looking into it.</p></blockquote></div>',
				'',
				'--000000000000gmailb--',
				'',
			)
		);
		$stripped_id = "<stripped-$tag@example.com>";
		$stripped    = "From: ann@example.com\r\nTo: $reply_address\r\nSubject: something unrelated\r\nMessage-ID: $stripped_id\r\nDate: Mon, 2 Mar 2026 13:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nStill nothing.\r\n\r\nOn Mon, Mar 2, 2026 at 11:00 AM Shop Support <$reply_address> wrote:\r\n> We are looking into it.\r\n";
		$this->append( array( $gmail_reply, $stripped ) );
		$this->assertSame( 2, $this->poll_all( $mailbox_id ) );
		$expected = array(
			$gmail_id    => 'Thanks, any news?',
			$stripped_id => 'Still nothing.',
		);
		foreach ( $expected as $id => $body ) {
			$row = $this->inbound_by_message_id( $mailbox_id, $id );
			$this->assertSame( 'stored', $row['status'], "$id: " . $row['error'] );
			$this->assertSame( $ticket_id, (int) $row['ticket_id'], "$id threads onto the ticket" );
			$stored = ( new Messages() )->get( (int) $row['message_row_id'] );
			$this->assertSame( $body, trim( (string) $stored['body_text'] ), "$id: quoted text stripped" );
			$this->assertStringNotContainsString( 'looking into it', (string) $stored['body_html'], "$id: quoted HTML stripped" );
		}
		$this->assertSame( array(), $this->search( 'UNSEEN' ) );
	}

	public function test_out_of_office_and_duplicate_delivery_through_imap(): void {
		$mailbox_id = $this->mailbox();
		$tag        = $this->folder;
		$first_id   = "<q-$tag@example.org>";
		$question   = "From: Bob <bob@example.org>\r\nTo: support@shop.test\r\nSubject: Question about sizes\r\nMessage-ID: $first_id\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nDo you have it in XL?\r\n";
		$ooo_id     = "<ooo-$tag@example.org>";
		$ooo        = "From: Bob <bob@example.org>\r\nTo: support@shop.test\r\nSubject: Automatic reply: Question about sizes\r\nMessage-ID: $ooo_id\r\nAuto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\nIn-Reply-To: <unknown@shop.test>\r\nDate: Mon, 2 Mar 2026 10:05:00 +0000\r\n\r\nI am out of the office until Monday.\r\n";
		// The same message delivered twice (two UIDs, one Message-ID).
		$this->append( array( $question, $ooo, $question ) );
		$this->assertSame( 3, $this->poll_all( $mailbox_id ) );

		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT status, ticket_id, message_row_id FROM ' . Schema::table( 'inbound' ) . ' WHERE mailbox_id = %d AND message_id = %s ORDER BY id', $mailbox_id, $first_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$this->assertCount( 2, $rows );
		$this->assertSame( array( 'stored', 'duplicate' ), array_column( $rows, 'status' ) );
		$this->assertSame( $rows[0]['ticket_id'], $rows[1]['ticket_id'] );
		$this->assertSame( $rows[0]['message_row_id'], $rows[1]['message_row_id'], 'one message for two deliveries' );
		$this->assertSame( 1, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', (int) $rows[0]['ticket_id'] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.

		$auto = $this->inbound_by_message_id( $mailbox_id, $ooo_id );
		$this->assertSame( 'auto_reply', $auto['kind'] );
		$this->assertContains( $auto['status'], array( 'stored', 'ignored' ) );
		if ( (int) $auto['ticket_id'] > 0 ) {
			$this->assertNotSame( 'open', ( new TicketService() )->get( (int) $auto['ticket_id'] )['status'] ?? '', 'an auto-reply never opens work' );
		}
		// No acknowledgement or other mail was sent to an auto-reply.
		foreach ( $this->sent_mail() as $mail ) {
			$this->assertStringNotContainsString( 'Automatic reply', (string) ( $mail['subject'] ?? '' ) );
		}
		$this->assertSame( array(), $this->search( 'UNSEEN' ) );
		$this->assertSame( 0, $this->poll_all( $mailbox_id ) );
	}

	public function test_move_after_import_moves_to_the_folder_and_survives_a_new_uidvalidity(): void {
		$mailbox_id = $this->mailbox();
		$done       = $this->folder . '-done';
		( new Mailboxes() )->save(
			array(
				'after_import' => 'move',
				'move_folder'  => $done,
			),
			$mailbox_id
		);
		$tag = $this->folder;
		$this->append(
			array(
				"From: carol@example.net\r\nTo: support@shop.test\r\nSubject: One\r\nMessage-ID: <one-$tag@example.net>\r\n\r\nFirst.\r\n",
				"From: carol@example.net\r\nTo: support@shop.test\r\nSubject: Two\r\nMessage-ID: <two-$tag@example.net>\r\n\r\nSecond.\r\n",
			)
		);
		$this->assertSame( 2, $this->poll_all( $mailbox_id ) );
		$this->assertSame( array(), $this->search( 'ALL' ), 'moved out of the polled folder' );
		$moved = array();
		foreach ( $this->raw_imap( array( 'EXAMINE "' . $done . '"', 'UID SEARCH ALL' ) ) as $line ) {
			if ( preg_match( '/^\* SEARCH\s*(.*)$/', $line, $m ) ) {
				$moved = array_filter( explode( ' ', trim( $m[1] ) ), 'strlen' );
			}
		}
		$this->assertCount( 2, $moved, 'both in the move folder' );
		$this->assertSame( 2, (int) ( $this->inbound_statuses( $mailbox_id )['stored'] ?? 0 ) );

		// The folder is recreated (new UIDVALIDITY, UIDs restart): the poller starts over and the
		// Message-ID dedupe keeps a re-delivered message from becoming a second copy.
		$old = ( new Mailboxes() )->get( $mailbox_id );
		$this->raw_imap( array( 'DELETE "' . $this->folder . '"', 'CREATE "' . $this->folder . '"' ) );
		$this->append( array( "From: carol@example.net\r\nTo: support@shop.test\r\nSubject: One\r\nMessage-ID: <one-$tag@example.net>\r\n\r\nFirst.\r\n" ) );
		$this->assertSame( 1, $this->poll_all( $mailbox_id ) );
		$new = ( new Mailboxes() )->get( $mailbox_id );
		$this->assertNotSame( $old['uid_validity'], $new['uid_validity'] );
		$this->assertSame( 1, $new['last_uid'] );
		$this->assertSame( 'duplicate', $this->inbound_by_message_id( $mailbox_id, "<one-$tag@example.net>" )['status'] );
		$this->raw_imap( array( 'DELETE "' . $done . '"' ) );
	}

	public function test_wrong_password_records_the_error_and_backs_off(): void {
		$mailbox_id = $this->mailbox();
		( new Mailboxes() )->save( array( 'imap_password' => 'wrong' ), $mailbox_id );
		$result = ( new Poller() )->poll( (array) ( new Mailboxes() )->get( $mailbox_id ) );
		$this->assertSame( 0, $result['imported'] );
		$this->assertNotSame( '', $result['error'] );
		$mailbox = ( new Mailboxes() )->get( $mailbox_id );
		$this->assertSame( 1, $mailbox['failures'] );
		$this->assertStringContainsStringIgnoringCase( 'auth', (string) $mailbox['last_error'], 'the server\'s words are kept' );
		$this->assertGreaterThan( gmdate( 'Y-m-d H:i:s' ), (string) $mailbox['next_poll_at'] );
		$this->assertTrue( ( new Poller() )->test( (array) $mailbox, self::PASSWORD ), 'settings test with the right password' );
		$this->assertIsString( ( new Poller() )->test( (array) $mailbox, 'wrong' ) );
	}

	public function test_check_now_waits_for_a_poll_already_running_elsewhere(): void {
		$mailbox_id = $this->mailbox();
		$this->append( array( "From: dora@example.com\r\nTo: support@shop.test\r\nSubject: Locked out\r\nMessage-ID: <lock-" . $this->folder . "@example.com>\r\n\r\nHello.\r\n" ) );
		wp_set_current_user( $this->make_user( 'administrator' ) );

		// Another process (cron, a second tab) holds the mailbox's poll lock on its own connection.
		$host  = explode( ':', (string) DB_HOST );
		$other = new \mysqli( $host[0], DB_USER, DB_PASSWORD, DB_NAME, (int) ( $host[1] ?? 3306 ) );
		$name  = $other->real_escape_string( Poller::lock_name( $mailbox_id ) );
		$this->assertSame( '1', (string) $other->query( "SELECT GET_LOCK('$name', 0)" )->fetch_row()[0] );
		try {
			$busy = $this->rest( 'POST', "/switchboard/v1/email/mailboxes/$mailbox_id/check" );
			$this->assertRestError( $busy, 409, 'switchboard_poll_running' );
			$this->assertSame( 0, (int) ( new Mailboxes() )->get( $mailbox_id )['last_uid'], 'nothing was fetched meanwhile' );
		} finally {
			$other->query( "SELECT RELEASE_LOCK('$name')" );
			$other->close();
		}

		$done = $this->rest( 'POST', "/switchboard/v1/email/mailboxes/$mailbox_id/check" );
		$this->assertSame( 200, $done->get_status(), (string) wp_json_encode( $done->get_data() ) );
		$this->assertSame( 1, $done->get_data()['imported'] );
		$this->assertSame( '', $done->get_data()['error'] );
		$this->assertNotNull( $done->get_data()['mailbox']['last_polled_at'] );
	}

	/**
	 * Runs $send with wp_mail() going through PHPMailer's SMTP to the sink; returns $send's result and
	 * puts what the sink received in $sent (raw + envelope).
	 *
	 * @param callable                                      $send What sends.
	 * @param array<int, array{raw: string, envelope: array<string, mixed>}> $sent Received mail.
	 * @param int|null                                      $only_ticket Keep only mail of this ticket.
	 * @return mixed
	 */
	private function send_through_sink( callable $send, &$sent, ?int $only_ticket = null ) {
		$dir    = self::runtime_dir() . '/smtp-sink';
		$before = self::glob( $dir . '/*.eml' );
		// The bootstrap short-circuits wp_mail() at priority 10; undo that for this call only.
		$real = static fn ( $ret ) => null;
		$smtp = static function ( $phpmailer ): void {
			$phpmailer->isSMTP();
			$phpmailer->Host        = self::HOST; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$phpmailer->Port        = self::smtp_port(); // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$phpmailer->SMTPAuth    = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$phpmailer->SMTPAutoTLS = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$phpmailer->SMTPSecure  = ''; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$phpmailer->Timeout     = 10; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		};
		add_filter( 'pre_wp_mail', $real, 1000 );
		add_action( 'phpmailer_init', $smtp, 1000 );
		try {
			$result = $send();
		} finally {
			remove_filter( 'pre_wp_mail', $real, 1000 );
			remove_action( 'phpmailer_init', $smtp, 1000 );
			if ( isset( $GLOBALS['phpmailer'] ) && is_object( $GLOBALS['phpmailer'] ) && method_exists( $GLOBALS['phpmailer'], 'isMail' ) ) {
				$GLOBALS['phpmailer']->isMail(); // wp_mail() reuses the object: leave no SMTP settings behind.
			}
		}
		$sent = array();
		foreach ( array_diff( self::glob( $dir . '/*.eml' ), $before ) as $file ) {
			if ( null !== $only_ticket && ! preg_match( '/^X-Switchboard-Ticket:\s*' . $only_ticket . '\s*$/mi', (string) file_get_contents( $file ) ) ) {
				continue; // Another run sharing the sink.
			}
			$sent[] = array(
				'raw'      => (string) file_get_contents( $file ),
				'envelope' => (array) json_decode( (string) file_get_contents( substr( $file, 0, -4 ) . '.json' ), true ),
			);
		}
		return $result;
	}
}
