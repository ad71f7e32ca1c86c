<?php
/**
 * Streamed transfer decoding (Part::decode_to) gives exactly what Part::body() gives, whatever
 * the step size, for every leaf part of the real-world corpus and for awkward hand-made bodies.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Mime\Part;

/**
 * Unit tests of Mime\Part::decode_to() and decoded_size().
 */
final class StreamingDecodeTest extends EmailTestCase {

	/**
	 * Decodes through a temp stream.
	 *
	 * @param Part $part  Part.
	 * @param int  $chunk Step.
	 * @return array{0: string, 1: int}
	 */
	private static function streamed( Part $part, int $chunk ): array {
		$out  = fopen( 'php://temp', 'w+' );
		$size = $part->decode_to( $out, $chunk );
		rewind( $out );
		$bytes = (string) stream_get_contents( $out );
		fclose( $out );
		return array( $bytes, $size );
	}

	/**
	 * Leaf parts of a message, including those of embedded messages.
	 *
	 * @param Part $root Root.
	 * @return Part[]
	 */
	private static function leaves( Part $root ): array {
		$out = array();
		foreach ( $root->walk() as $part ) {
			if ( $part->is_multipart() ) {
				continue;
			}
			$out[] = $part;
			$inner = $part->embedded();
			if ( null !== $inner ) {
				$out = array_merge( $out, self::leaves( $inner ) );
			}
		}
		return $out;
	}

	public function test_every_corpus_part_decodes_the_same_in_any_step_size(): void {
		$files = glob( self::corpus_dir() . '/*.eml' ) ?: array();
		if ( array() === $files ) {
			$this->markTestSkipped( 'mail corpus not found at ' . self::corpus_dir() );
		}
		$checked = 0;
		foreach ( $files as $file ) {
			$message = ( new Parser() )->parse( (string) file_get_contents( $file ) );
			foreach ( self::leaves( $message->root ) as $part ) {
				$expected = $part->body();
				foreach ( array( 1, 3, 4, 7, 76, 1000, Part::CHUNK ) as $chunk ) {
					list( $bytes, $size ) = self::streamed( $part, $chunk );
					$label                = basename( $file ) . ' ' . $part->type . ' step ' . $chunk;
					$this->assertSame( $expected, $bytes, $label );
					$this->assertSame( strlen( $expected ), $size, $label );
				}
				$this->assertSame( strlen( $expected ), $part->decoded_size() );
				++$checked;
			}
		}
		$this->assertGreaterThan( 100, $checked, 'parts checked' );
	}

	public function test_quoted_printable_keeps_what_follows_a_nul_byte(): void {
		$this->assertSame( "before\0after = end", \Switchboard\Channels\Email\Mime\Transfer::quoted_printable( "before\0after =3D=\r\n end" ) );
	}

	/**
	 * Bodies that stress the step boundaries.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function awkward(): array {
		return array(
			'base64, no padding, odd lines' => array( 'base64', "SGVs\r\nbG8gd29y\r\nbGQh\r\nSGk" ),
			'base64, junk and stray char'   => array( 'base64', "SGVsbG8*gd29y!bGQh\nQ" ),
			'base64, concatenated blocks'   => array( 'base64', "SGk=\r\nSGk=\r\n" ),
			'qp, soft breaks and =XX'       => array( 'quoted-printable', "Gr=C3=BC=C3=9Fe =\r\naus K=C3=B6ln  \r\n=E2=80=94 fin=\n" ),
			'qp, one long line'             => array( 'quoted-printable', str_repeat( 'a=3D', 50 ) ),
			'8bit'                          => array( '8bit', "Grüße\r\n" ),
			'qp with a NUL byte'            => array( 'quoted-printable', "before\0after =3D=\r\nend" ),
			'uuencode (decoded in one go)'  => array( 'x-uuencode', "begin 644 a.txt\n#86)C\n`\nend\n" ),
		);
	}

	/**
	 * Hand-made bodies.
	 *
	 * @param string $encoding Content-Transfer-Encoding.
	 * @param string $body     Encoded body.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'awkward' )]
	public function test_awkward_bodies( string $encoding, string $body ): void {
		$raw     = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: $encoding\r\n\r\n$body";
		$part    = ( new Parser() )->parse( $raw )->root;
		$decoded = $part->body();
		$this->assertNotSame( '', $decoded );
		$last = strlen( $body ) + 1;
		for ( $chunk = 1; $chunk <= $last; $chunk++ ) {
			$this->assertSame( array( $decoded, strlen( $decoded ) ), self::streamed( $part, $chunk ), "step $chunk" );
		}
	}
}
