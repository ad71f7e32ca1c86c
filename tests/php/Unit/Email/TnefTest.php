<?php
/**
 * TNEF (winmail.dat) extraction against streams built as [MS-OXTNEF] lays them out, and against
 * the corpus's real winmail.dat files (which carry no files, only Outlook's formatting).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Mime\Tnef;

/**
 * Unit tests of Mime\Tnef.
 */
final class TnefTest extends EmailTestCase {

	/**
	 * One TNEF attribute: level, id | type << 16, length, value, 16-bit checksum of the value.
	 *
	 * @param int    $level 1 message, 2 attachment.
	 * @param int    $id    Attribute id.
	 * @param int    $type  Attribute type.
	 * @param string $value Value.
	 */
	private static function attr( int $level, int $id, int $type, string $value ): string {
		$sum = '' === $value ? 0 : array_sum( (array) unpack( 'C*', $value ) ) % 65536;
		return chr( $level ) . pack( 'VV', ( $type << 16 ) | $id, strlen( $value ) ) . $value . pack( 'v', $sum );
	}

	/**
	 * A variable-size MAPI value (count 1, length, bytes padded to 4).
	 *
	 * @param string $bytes Bytes.
	 */
	private static function variable( string $bytes ): string {
		return pack( 'VV', 1, strlen( $bytes ) ) . $bytes . str_repeat( "\0", ( 4 - strlen( $bytes ) % 4 ) % 4 );
	}

	/**
	 * A MAPI property list (attAttachment value).
	 *
	 * @param string[] $props Encoded properties.
	 */
	private static function props( array $props ): string {
		return pack( 'V', count( $props ) ) . implode( '', $props );
	}

	/**
	 * A stream with two attachments (also used by the importer test).
	 */
	public static function stream(): string {
		$pdf   = "%PDF-1.4\n" . str_repeat( 'report ', 40 ) . "\n%%EOF\n";
		$photo = "\xFF\xD8\xFF\xE0" . random_bytes( 300 ) . "\xFF\xD9";
		$rend  = pack( 'vVVvV', 1, 0xFFFFFFFF, 0, 0, 0 );
		$named = pack( 'vv', 0x0003, 0x8005 ) . str_repeat( "\x11", 16 ) . pack( 'VV', 1, 10 ) . "x\0y\0z\0w\0v\0\0\0" . pack( 'V', 7 );
		return pack( 'Vv', Tnef::SIGNATURE, 0x0001 )
			. self::attr( 1, 0x9006, 0x0008, pack( 'V', 0x00010000 ) )
			. self::attr( 1, 0x9007, 0x0006, pack( 'VV', 1252, 0 ) )
			. self::attr( 1, 0x8004, 0x0001, "Quarterly report\0" )
			// 1: 8.3 title plus a Unicode long name and a MIME tag.
			. self::attr( 2, 0x9002, 0x0006, $rend )
			. self::attr( 2, 0x8010, 0x0001, "QUARTE~1.PDF\0" )
			. self::attr( 2, 0x800F, 0x0006, $pdf )
			. self::attr(
				2,
				0x9005,
				0x0006,
				self::props(
					array(
						pack( 'vv', 0x0003, 0x0E20 ) . pack( 'V', strlen( $pdf ) ),
						pack( 'vv', 0x001F, 0x3707 ) . self::variable( (string) mb_convert_encoding( "Quarterly report 2026 – final.pdf\0", 'UTF-16LE', 'UTF-8' ) ),
						pack( 'vv', 0x001E, 0x370E ) . self::variable( "application/pdf\0" ),
					)
				)
			)
			// 2: a named property first, then an 8-bit long name in the stream's code page.
			. self::attr( 2, 0x9002, 0x0006, $rend )
			. self::attr( 2, 0x8010, 0x0001, "GROSSE.JPG\0" )
			. self::attr( 2, 0x800F, 0x0006, $photo )
			. self::attr(
				2,
				0x9005,
				0x0006,
				self::props(
					array(
						$named,
						pack( 'vv', 0x001E, 0x3707 ) . self::variable( "Gr\xF6\xDFe Tasse.jpg\0" ),
					)
				)
			)
			// 3: rendering data but no bytes: nothing to store.
			. self::attr( 2, 0x9002, 0x0006, $rend );
	}

	public function test_files_with_long_names_and_types(): void {
		$stream = self::stream();
		$files  = Tnef::attachments( $stream );
		$this->assertCount( 2, $files );
		$this->assertSame( 'Quarterly report 2026 – final.pdf', $files[0]['filename'] );
		$this->assertSame( 'application/pdf', $files[0]['mime'] );
		$this->assertStringStartsWith( '%PDF-1.4', $files[0]['data'] );
		$this->assertStringEndsWith( "%%EOF\n", $files[0]['data'] );
		$this->assertSame( 'Größe Tasse.jpg', $files[1]['filename'] );
		$this->assertSame( '', $files[1]['mime'] );
		$this->assertSame( "\xFF\xD8\xFF\xE0", substr( $files[1]['data'], 0, 4 ) );
		$this->assertSame( 306, strlen( $files[1]['data'] ) );

		// Cut off in the middle of the second file: the first one still comes out.
		$cut = Tnef::attachments( substr( $stream, 0, (int) strpos( $stream, "\xFF\xD8\xFF\xE0" ) + 10 ) );
		$this->assertCount( 1, $cut );
		$this->assertSame( 'Quarterly report 2026 – final.pdf', $cut[0]['filename'] );

		$this->assertSame( array(), Tnef::attachments( 'not tnef at all' ) );
		$this->assertSame( array(), Tnef::attachments( '' ) );
	}

	public function test_the_corpus_winmail_dat_files_hold_no_files(): void {
		foreach ( array( '023-tnef-winmail-dat-koi8r.eml', '024-tnef-toplevel-no-subject.eml' ) as $name ) {
			$path = self::corpus_dir() . '/' . $name;
			if ( ! is_file( $path ) ) {
				$this->markTestSkipped( 'mail corpus not found at ' . self::corpus_dir() );
			}
			$message = ( new Parser() )->parse( (string) file_get_contents( $path ) );
			$tnef    = array_values( array_filter( $message->files(), static fn( array $f ): bool => 'application/ms-tnef' === $f['content_type'] ) );
			$this->assertCount( 1, $tnef, $name );
			$bytes = $tnef[0]['part']->body();
			$this->assertSame( array(), Tnef::attachments( $bytes ), $name );
		}
		$this->assertTrue( Tnef::is_tnef( "\x78\x9F\x3E\x22\x01\x00" ) );
	}
}
