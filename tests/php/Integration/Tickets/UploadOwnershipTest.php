<?php
/**
 * Uploads belong to their sender until a message links them: nobody adopts someone else's file
 * (guest orphans, email-import orphans, another customer's upload) through any route that takes
 * attachment ids; failed forms and duplicate mails leave no files; a daily job removes the rest.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Channels\Email\Importer;
use Switchboard\Db\Installer;
use Switchboard\Db\Schema;
use Switchboard\Frontend\AccountScreens;
use Switchboard\Frontend\ContactSubmission;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\OrphanAttachments;
use Switchboard\Tickets\TicketService;

final class UploadOwnershipTest extends TestCase {

	private const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

	/**
	 * Temporary files handed to the upload code.
	 *
	 * @var string[]
	 */
	private array $tmp = array();

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'switchboard_accept_test_upload', '__return_true' );
		add_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		add_filter( 'pre_wp_mail', '__return_true' );
		add_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
		$_SERVER['REMOTE_ADDR'] = '198.51.100.' . wp_rand( 1, 250 );
	}

	protected function tearDown(): void {
		remove_filter( 'switchboard_accept_test_upload', '__return_true' );
		remove_filter( 'switchboard_contact_min_seconds', '__return_zero' );
		remove_filter( 'pre_wp_mail', '__return_true' );
		remove_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
		foreach ( $this->tmp as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		$_POST                     = array();
		$_FILES                    = array();
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$_SERVER['REMOTE_ADDR']    = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * @param string $location Location.
	 */
	public function stop_redirect( $location ): never {
		throw new \RuntimeException( 'redirect:' . $location );
	}

	/**
	 * A $_FILES-shaped field with the given files (name => bytes).
	 *
	 * @param array<string, string> $files Files.
	 * @return array<string, array<string, array<int, int|string>>>
	 */
	private function files( array $files ): array {
		$field = array(
			'name'     => array(),
			'type'     => array(),
			'tmp_name' => array(),
			'error'    => array(),
			'size'     => array(),
		);
		foreach ( $files as $name => $bytes ) {
			$tmp         = (string) tempnam( sys_get_temp_dir(), 'sb-upload' );
			$this->tmp[] = $tmp;
			file_put_contents( $tmp, $bytes ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			$field['name'][]     = $name;
			$field['type'][]     = str_ends_with( $name, '.png' ) ? 'image/png' : 'application/octet-stream';
			$field['tmp_name'][] = $tmp;
			$field['error'][]    = UPLOAD_ERR_OK;
			$field['size'][]     = strlen( $bytes );
		}
		return array( 'attachments' => $field );
	}

	/**
	 * A file left unlinked by a guest (a form that failed on a later file, before the fix).
	 */
	private function guest_orphan(): int {
		$this->as_guest();
		$id = ( new Attachments() )->store( 'passport-scan.png', (string) base64_decode( self::PNG ), 'image/png', array( 'uploaded_by' => 0 ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * A file an email import stored and never linked (a duplicate delivery, before the fix).
	 */
	private function import_orphan(): int {
		$id = ( new Attachments() )->store(
			'invoice.pdf',
			'%PDF-1.4 private',
			'application/pdf',
			array(
				'uploaded_by' => 0,
				'trusted'     => true,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * A web ticket of a guest, and its signed token.
	 *
	 * @return array{0: array<string, mixed>, 1: string}
	 */
	private function guest_ticket(): array {
		$customer = ( new Customers() )->resolve( 'email', 'mallory.' . wp_generate_password( 6, false, false ) . '@example.test', array( 'name' => 'Mallory' ) );
		$id       = ( new TicketService() )->create(
			array(
				'subject'     => 'My own question',
				'channel'     => 'web',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => 'Hello there, a question.',
				),
			)
		);
		$ticket   = (array) ( new TicketService() )->get( (int) $id );
		return array( $ticket, Access::token( $ticket ) );
	}

	private function message_of( int $attachment_id ): int {
		return (int) ( ( new Attachments() )->get( $attachment_id )['message_id'] ?? -1 );
	}

	/**
	 * Every file below the private folder (without our index.php / .htaccess).
	 *
	 * @return string[]
	 */
	private function private_files(): array {
		$dir = Installer::private_dir();
		if ( ! is_dir( $dir ) ) {
			return array();
		}
		$out = array();
		foreach ( new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ) ) as $file ) {
			if ( $file->isFile() && ! in_array( $file->getFilename(), array( 'index.php', '.htaccess' ), true ) ) {
				$out[] = $file->getPathname();
			}
		}
		sort( $out );
		return $out;
	}

	private function max_attachment_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(id) FROM ' . Schema::table( 'attachments' ) );
	}

	public function test_link_never_treats_uploaded_by_zero_as_anyone(): void {
		$orphan         = $this->guest_orphan();
		$mail           = $this->import_orphan();
		list( $ticket ) = $this->guest_ticket();
		$this->as_guest();
		$linked = ( new Attachments() )->link( array( $orphan, $mail ), (int) $ticket['id'], 999999, 0 );
		$this->assertSame( 0, $this->message_of( $orphan ), 'a guest without the claim cannot link a guest upload' );
		$this->assertSame( 0, $this->message_of( $mail ), 'nor a file an email import stored' );
		$this->assertEmpty( $linked );
	}

	public function test_guest_with_a_signed_link_cannot_adopt_orphans_over_rest(): void {
		$orphan                 = $this->guest_orphan();
		$mail                   = $this->import_orphan();
		list( $ticket, $token ) = $this->guest_ticket();
		$this->as_guest();
		foreach ( array( $orphan, $mail ) as $id ) {
			$response = $this->rest(
				'POST',
				'/switchboard/v1/me/tickets/' . $ticket['id'] . '/messages',
				array(
					'token'       => $token,
					'body'        => 'Here is my passport',
					'attachments' => array( $id ),
				)
			);
			$this->assertRestError( $response, 400, 'switchboard_attachment_not_yours' );
			$this->assertSame( 0, $this->message_of( $id ), "attachment $id stays unlinked" );
		}
		// A made-up claim does not help either.
		$response = $this->rest(
			'POST',
			'/switchboard/v1/me/tickets/' . $ticket['id'] . '/messages',
			array(
				'token'             => $token,
				'body'              => 'Here is my passport',
				'attachments'       => array( $orphan ),
				'attachment_claims' => array( str_repeat( 'ab', 32 ) ),
			)
		);
		$this->assertRestError( $response, 400, 'switchboard_attachment_not_yours' );
		$this->assertSame( 0, $this->message_of( $orphan ) );
	}

	public function test_contact_form_links_only_the_files_of_its_own_request(): void {
		$orphan = $this->guest_orphan();
		$this->as_guest();
		$input  = array(
			'name'        => 'Mallory',
			'email'       => 'mallory.' . wp_generate_password( 6, false, false ) . '@example.test',
			'subject'     => 'Adopting files',
			'message'     => 'Please look at the attached file.',
			'website'     => '',
			'ts'          => ContactSubmission::timestamp(),
			'_wpnonce'    => wp_create_nonce( ContactSubmission::NONCE ),
			'attachments' => array( $orphan ),
		);
		$result = ( new ContactSubmission() )->submit( $input, $this->files( array( 'mine.png' => (string) base64_decode( self::PNG ) ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$this->assertIsArray( $result );
		$this->assertSame( 0, $this->message_of( $orphan ) );
		global $wpdb;
		$names = $wpdb->get_col( $wpdb->prepare( 'SELECT filename FROM ' . Schema::table( 'attachments' ) . ' WHERE ticket_id = %d', $result['ticket_id'] ) );
		$this->assertSame( array( 'mine.png' ), $names, 'the guest\'s own upload is linked through its claim' );
	}

	public function test_signed_link_reply_screen_links_the_guests_own_files_and_not_orphans(): void {
		$orphan                 = $this->guest_orphan();
		list( $ticket, $token ) = $this->guest_ticket();
		$this->as_guest();
		$_POST                     = array(
			'switchboard_account_action' => 'reply',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $ticket['id'],
			'token'                      => $token,
			'body'                       => 'Photo attached.',
			'sb_base'                    => home_url( '/support/' ),
			'attachments'                => array( (string) $orphan ),
		);
		$_FILES                    = $this->files( array( 'photo.png' => (string) base64_decode( self::PNG ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$_SERVER['REQUEST_METHOD'] = 'POST';
		try {
			( new AccountScreens() )->handle_post();
			$this->fail( 'expected a redirect' );
		} catch ( \RuntimeException $e ) {
			$this->assertStringContainsString( 'sb_notice=replied', $e->getMessage() );
		}
		global $wpdb;
		$names = $wpdb->get_col( $wpdb->prepare( 'SELECT filename FROM ' . Schema::table( 'attachments' ) . ' WHERE ticket_id = %d AND message_id > 0', $ticket['id'] ) );
		$this->assertSame( array( 'photo.png' ), $names );
		$this->assertSame( 0, $this->message_of( $orphan ) );
	}

	public function test_customer_cannot_link_another_customers_or_a_guests_upload(): void {
		$alice    = $this->make_user( 'subscriber', 'own_alice_' . wp_generate_password( 5, false, false ) );
		$bob      = $this->make_user( 'subscriber', 'own_bob_' . wp_generate_password( 5, false, false ) );
		$orphan   = $this->guest_orphan();
		$customer = ( new Customers() )->for_user( $alice );
		$ticket   = (int) ( new TicketService() )->create(
			array(
				'subject'     => 'Alice asks',
				'channel'     => 'account',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => 'A question from Alice.',
				),
			)
		);
		wp_set_current_user( $bob );
		$bobs = ( new Attachments() )->store( 'bob-id-card.png', (string) base64_decode( self::PNG ), 'image/png' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$this->assertIsInt( $bobs );

		wp_set_current_user( $alice );
		foreach ( array( $bobs, $orphan ) as $id ) {
			$this->assertRestError(
				$this->rest(
					'POST',
					"/switchboard/v1/me/tickets/$ticket/messages",
					array(
						'body'        => 'attaching',
						'attachments' => array( $id ),
					)
				),
				400,
				'switchboard_attachment_not_yours'
			);
			$this->assertRestError(
				$this->rest(
					'POST',
					'/switchboard/v1/me/tickets',
					array(
						'subject'     => 'New one',
						'body'        => 'attaching',
						'attachments' => array( $id ),
					)
				),
				400,
				'switchboard_attachment_not_yours'
			);
			$this->assertSame( 0, $this->message_of( $id ) );
		}
		// Her own upload still works.
		$mine     = ( new Attachments() )->store( 'alice.png', (string) base64_decode( self::PNG ), 'image/png' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$response = $this->rest(
			'POST',
			"/switchboard/v1/me/tickets/$ticket/messages",
			array(
				'body'        => 'attaching',
				'attachments' => array( $mine ),
			)
		);
		$this->assertSame( 201, $response->get_status() );
		$this->assertGreaterThan( 0, $this->message_of( (int) $mine ) );
	}

	public function test_a_contact_form_failing_on_a_later_file_leaves_no_files(): void {
		$this->as_guest();
		$before_files = $this->private_files();
		$before_id    = $this->max_attachment_id();
		$result       = ( new ContactSubmission() )->submit(
			array(
				'name'     => 'Gwen',
				'email'    => 'gwen.' . wp_generate_password( 6, false, false ) . '@example.test',
				'subject'  => 'Two files',
				'message'  => 'My passport and something else.',
				'website'  => '',
				'ts'       => ContactSubmission::timestamp(),
				'_wpnonce' => wp_create_nonce( ContactSubmission::NONCE ),
			),
			$this->files(
				array(
					'passport.png' => (string) base64_decode( self::PNG ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
					'run.exe'      => 'MZ not allowed',
				)
			)
		);
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 422, $result->get_error_data()['status'] );
		$this->assertSame( $before_id, $this->max_attachment_id(), 'no attachment row is left' );
		$this->assertSame( $before_files, $this->private_files(), 'no file is left on disk' );
	}

	public function test_a_reply_that_fails_after_its_uploads_leaves_no_files(): void {
		list( $ticket, $token ) = $this->guest_ticket();
		( new TicketService() )->update( (int) $ticket['id'], array( 'status' => 'closed' ) );
		$this->as_guest();
		$before_files              = $this->private_files();
		$before_id                 = $this->max_attachment_id();
		$_POST                     = array(
			'switchboard_account_action' => 'reply',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $ticket['id'],
			'token'                      => $token,
			'body'                       => 'Photo attached.',
			'sb_base'                    => home_url( '/support/' ),
		);
		$_FILES                    = $this->files( array( 'photo.png' => (string) base64_decode( self::PNG ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		$_SERVER['REQUEST_METHOD'] = 'POST';
		( new AccountScreens() )->handle_post(); // The ticket is closed: a failure, no redirect.
		$this->assertSame( $before_id, $this->max_attachment_id() );
		$this->assertSame( $before_files, $this->private_files() );
	}

	public function test_a_duplicate_mail_without_message_id_leaves_no_orphan_files(): void {
		$raw   = implode(
			"\r\n",
			array(
				'From: Dora <dora.' . wp_generate_password( 6, false, false ) . '@example.test>',
				'To: support@example.test',
				'Subject: No message id',
				'Date: Tue, 01 Dec 2026 10:00:00 +0000',
				'MIME-Version: 1.0',
				'Content-Type: multipart/mixed; boundary="b1"',
				'',
				'--b1',
				'Content-Type: text/plain; charset=utf-8',
				'',
				'See the attachment ' . wp_generate_password( 12, false, false ),
				'--b1',
				'Content-Type: application/pdf; name="scan.pdf"',
				'Content-Disposition: attachment; filename="scan.pdf"',
				'Content-Transfer-Encoding: base64',
				'',
				base64_encode( '%PDF-1.4 ' . wp_generate_password( 20, false, false ) ),
				'--b1--',
				'',
			)
		);
		$first = ( new Importer() )->import( $raw );
		$this->assertSame( 'stored', $first['status'] );
		$files_after_first = $this->private_files();
		$id_after_first    = $this->max_attachment_id();

		$second = ( new Importer() )->import( $raw );
		$this->assertSame( 'duplicate', $second['status'] );
		global $wpdb;
		$this->assertSame( 0, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'attachments' ) . ' WHERE id > %d', $id_after_first ) ), 'no unlinked copy of the file' );
		// The second delivery's raw mail is kept (InboundStore); no attachment file is added.
		$added = array_filter( array_diff( $this->private_files(), $files_after_first ), static fn ( string $f ): bool => ! str_ends_with( $f, '.eml' ) );
		$this->assertSame( array(), array_values( $added ) );
	}

	public function test_cleanup_deletes_old_orphans_only(): void {
		global $wpdb;
		$store  = new Attachments();
		$old    = $this->guest_orphan();
		$fresh  = $this->guest_orphan();
		$linked = $this->guest_orphan();
		$wpdb->update( Schema::table( 'attachments' ), array( 'created_at' => gmdate( 'Y-m-d H:i:s', time() - 2 * DAY_IN_SECONDS ) ), array( 'id' => $old ) );
		$wpdb->update(
			Schema::table( 'attachments' ),
			array(
				'created_at' => gmdate( 'Y-m-d H:i:s', time() - 3 * DAY_IN_SECONDS ),
				'message_id' => 424242,
				'ticket_id'  => 4242,
			),
			array( 'id' => $linked )
		);
		$old_path = $store->path( (array) $store->get( $old ) );
		$this->assertFileExists( $old_path );

		( new OrphanAttachments() )->run();

		$this->assertNull( $store->get( $old ), 'an orphan older than a day is deleted' );
		$this->assertFileDoesNotExist( $old_path );
		$this->assertNotNull( $store->get( $fresh ), 'a fresh upload stays (its message may still come)' );
		$this->assertFileExists( $store->path( (array) $store->get( $fresh ) ) );
		$this->assertNotNull( $store->get( $linked ), 'a linked file is never an orphan' );
	}

	public function test_cleanup_is_scheduled_daily(): void {
		wp_clear_scheduled_hook( OrphanAttachments::HOOK );
		add_filter( 'wp_doing_cron', '__return_true' );
		try {
			( new OrphanAttachments() )->schedule();
		} finally {
			remove_filter( 'wp_doing_cron', '__return_true' );
		}
		if ( function_exists( 'as_has_scheduled_action' ) ) {
			$this->assertTrue( as_has_scheduled_action( OrphanAttachments::HOOK, array(), 'switchboard' ) );
			as_unschedule_all_actions( OrphanAttachments::HOOK, array(), 'switchboard' );
			return;
		}
		$this->assertNotFalse( wp_next_scheduled( OrphanAttachments::HOOK ) );
		$this->assertSame( 'daily', wp_get_schedule( OrphanAttachments::HOOK ) );
		wp_clear_scheduled_hook( OrphanAttachments::HOOK );
	}
}
