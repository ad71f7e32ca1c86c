<?php
/**
 * File names: kept as sent (spaces, N°), paths, control characters and bidi controls neutralised,
 * the same in the REST shape, and a Content-Disposition no name can break out of.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Channels\Email\Importer;
use Switchboard\Rest\AttachmentsController;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Attachments;

final class AttachmentNamesTest extends TestCase {

	private const CAR = '50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf';

	public function test_the_name_as_sent_is_kept_verbatim(): void {
		$this->assertSame( self::CAR, Attachments::display_name( self::CAR ) );
		$this->assertSame( 'Quarterly report 2026 – final (v2).xlsx', Attachments::display_name( 'Quarterly report 2026 – final (v2).xlsx' ) );

		$store = new Attachments();
		$id    = $store->store( self::CAR, '%PDF-1.4 car', 'application/pdf', array( 'uploaded_by' => 1 ) );
		$this->assertIsInt( $id );
		$row = (array) $store->get( $id );
		$this->assertSame( self::CAR, $row['filename'] );
		$this->assertSame( self::CAR, $store->format( $row )['filename'] );
		$this->assertDoesNotMatchRegularExpression( '/[ °]/', basename( $store->path( $row ) ), 'stored under a random name' );
	}

	public function test_an_email_attachment_keeps_its_name(): void {
		$raw    = implode(
			"\r\n",
			array(
				'From: Carl <carl.' . wp_generate_password( 6, false, false ) . '@example.test>',
				'To: support@example.test',
				'Subject: Vehicle papers',
				'Message-ID: <' . wp_generate_password( 16, false, false ) . '@example.test>',
				'MIME-Version: 1.0',
				'Content-Type: multipart/mixed; boundary="b"',
				'',
				'--b',
				'Content-Type: text/plain; charset=utf-8',
				'',
				'Papers attached.',
				'--b',
				'Content-Type: application/pdf',
				"Content-Disposition: attachment; filename*=UTF-8''" . rawurlencode( self::CAR ),
				'Content-Transfer-Encoding: base64',
				'',
				base64_encode( '%PDF-1.4 car' ),
				'--b--',
				'',
			)
		);
		$result = ( new Importer() )->import( $raw );
		$this->assertSame( 'stored', $result['status'] );
		$files = ( new Attachments() )->for_messages( array( (int) $result['message_row_id'] ) )[ (int) $result['message_row_id'] ] ?? array();
		$this->assertSame( array( self::CAR ), array_column( $files, 'filename' ) );
	}

	public function test_paths_are_cut_to_the_file_name(): void {
		$this->assertSame( 'passwd', Attachments::display_name( '../../etc/passwd' ) );
		$this->assertSame( 'y.pdf', Attachments::display_name( 'C:\\x\\y.pdf' ) );
		$this->assertSame( 'y.pdf', Attachments::display_name( '..\\..\\y.pdf' ) );
		$this->assertSame( 'attachment', Attachments::display_name( '../..' ) );
		$this->assertSame( 'attachment', Attachments::display_name( '' ) );
	}

	public function test_control_characters_are_removed(): void {
		$this->assertSame( 'invoice.pdf', Attachments::display_name( "in\x00vo\x1bi\tce\x7f.pdf" ) );
		$this->assertSame( 'aSet-Cookie: x=1.pdf', Attachments::display_name( "a\r\nSet-Cookie: x=1.pdf" ) );
		$this->assertSame( 'ab.pdf', Attachments::display_name( "a\u{0085}b.pdf" ), 'C1 controls too' );
	}

	public function test_bidi_overrides_are_neutralised(): void {
		// "invoice<RLO>fdp.exe" looks like "invoiceexe.pdf" to a reader.
		$this->assertSame( 'invoicefdp.exe', Attachments::display_name( "invoice\u{202E}fdp.exe" ) );
		$this->assertSame( 'abcd.txt', Attachments::display_name( "a\u{2066}b\u{2067}c\u{2068}d\u{2069}.txt" ) );
		$this->assertSame( 'ab.pdf', Attachments::display_name( "a\u{202A}\u{202B}\u{202C}\u{202D}\u{200E}\u{200F}b.pdf" ) );
		$this->assertSame( 'x.pdf', Attachments::display_name( "x\xC3.pdf" ), 'invalid UTF-8 is dropped' );
	}

	public function test_long_names_keep_their_extension(): void {
		$name = Attachments::display_name( str_repeat( 'é', 300 ) . '.pdf' );
		$this->assertLessThanOrEqual( 255, strlen( $name ) );
		$this->assertStringEndsWith( '.pdf', $name );
		$this->assertTrue( mb_check_encoding( $name, 'UTF-8' ) );
	}

	public function test_content_disposition_follows_rfc_6266_and_cannot_be_broken(): void {
		$this->assertSame(
			"attachment; filename=\"50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N_ 1467829.pdf\"; filename*=UTF-8''50032266%20CAR%2011_MNPA00A01_9PTX_H00%20ATT%20N%C2%B0%201467829.pdf",
			AttachmentsController::content_disposition( 'attachment', self::CAR )
		);
		$this->assertSame(
			"attachment; filename=\"aSet-Cookie: x=1.pdf\"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1.pdf",
			AttachmentsController::content_disposition( 'attachment', "a\r\nSet-Cookie: x=1.pdf" )
		);
		$this->assertSame(
			"inline; filename=\"a_ b c_.png\"; filename*=UTF-8''a%22%20b%20c%25.png",
			AttachmentsController::content_disposition( 'inline', 'a" b c%.png' )
		);
		foreach ( array( "x\"; filename=evil.exe\r\n.pdf", "\u{202E}gpj.exe", "../../etc/passwd\n" ) as $hostile ) {
			$value = AttachmentsController::content_disposition( 'attachment', $hostile );
			$this->assertMatchesRegularExpression( '/^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8\'\'[A-Za-z0-9%._~-]+$/', $value, $hostile );
		}
	}

	public function test_the_download_sends_the_safe_header(): void {
		$this->make_user( 'switchboard_agent', 'names_agent' );
		$this->as_user( 'names_agent' );
		$store = new Attachments();
		$id    = $store->store( "a\r\nSet-Cookie: x=1.pdf", '%PDF-1.4 x', 'application/pdf', array( 'trusted' => true ) );
		$this->assertIsInt( $id );
		$response = $this->rest( 'GET', "/switchboard/v1/attachments/$id" );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( "attachment; filename=\"aSet-Cookie: x=1.pdf\"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1.pdf", $response->get_headers()['Content-Disposition'] );
	}
}
