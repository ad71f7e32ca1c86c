<?php
/**
 * One MIME entity: headers plus a body addressed by offsets into the raw message.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * A node of the MIME tree. Bodies are not copied while parsing: a part keeps offsets into the raw
 * message (PHP strings are copy-on-write, so every part shares the one buffer), and decodes on
 * demand — a 25 MB message costs its own size plus the one attachment being read.
 */
final class Part {

	/**
	 * Header fields in order: [lower-case name, unfolded raw value].
	 *
	 * @var list<array{0: string, 1: string}>
	 */
	public array $headers = array();

	/**
	 * Media type, lower case ("text/plain").
	 */
	public string $type = 'text/plain';

	/**
	 * Content-Type parameters (names lower case, values decoded).
	 *
	 * @var array<string, string>
	 */
	public array $params = array();

	/**
	 * Disposition ('' when absent), lower case.
	 */
	public string $disposition = '';

	/**
	 * Content-Disposition parameters.
	 *
	 * @var array<string, string>
	 */
	public array $disposition_params = array();

	/**
	 * Child parts of a multipart.
	 *
	 * @var Part[]
	 */
	public array $children = array();

	/**
	 * Why the structure could not be read as declared ('' when fine), e.g. "missing boundary".
	 */
	public string $defect = '';

	/**
	 * Parsed message/rfc822 content, once asked for.
	 */
	private ?Part $embedded = null;

	/**
	 * The buffer this part's offsets point into.
	 *
	 * @param string $raw        Whole raw buffer.
	 * @param int    $body_start First body byte.
	 * @param int    $body_end   One past the last body byte.
	 * @param int    $depth      Nesting depth.
	 */
	public function __construct(
		private string $raw,
		public int $body_start = 0,
		public int $body_end = 0,
		public int $depth = 0
	) {}

	/**
	 * First value of a header (unfolded, trimmed), or null.
	 *
	 * @param string $name Field name, any case.
	 */
	public function header( string $name ): ?string {
		$name = strtolower( $name );
		foreach ( $this->headers as $field ) {
			if ( $field[0] === $name ) {
				return trim( $field[1] );
			}
		}
		return null;
	}

	/**
	 * All values of a header.
	 *
	 * @param string $name Field name, any case.
	 * @return string[]
	 */
	public function header_all( string $name ): array {
		$name = strtolower( $name );
		$out  = array();
		foreach ( $this->headers as $field ) {
			if ( $field[0] === $name ) {
				$out[] = trim( $field[1] );
			}
		}
		return $out;
	}

	/**
	 * Whether this is a multipart container.
	 */
	public function is_multipart(): bool {
		return str_starts_with( $this->type, 'multipart/' );
	}

	/**
	 * The main type ("text", "image", …).
	 */
	public function main_type(): string {
		return strstr( $this->type, '/', true ) ?: $this->type;
	}

	/**
	 * The charset parameter ('' when absent).
	 */
	public function charset(): string {
		return trim( $this->params['charset'] ?? '' );
	}

	/**
	 * File name from Content-Disposition's filename or Content-Type's name, or null.
	 */
	public function filename(): ?string {
		$name = $this->disposition_params['filename'] ?? $this->params['name'] ?? null;
		return null === $name ? null : $name;
	}

	/**
	 * Content-ID without angle brackets, or null.
	 */
	public function content_id(): ?string {
		$cid = $this->header( 'content-id' );
		if ( null === $cid ) {
			return null;
		}
		$cid = trim( $cid );
		if ( preg_match( '/<([^>]*)>/', $cid, $m ) ) {
			$cid = trim( $m[1] );
		}
		return '' === $cid ? null : $cid;
	}

	/**
	 * Whether the disposition says "attachment".
	 */
	public function is_attachment(): bool {
		return 'attachment' === $this->disposition;
	}

	/**
	 * The raw (still transfer-encoded) body bytes.
	 */
	public function raw_body(): string {
		return (string) substr( $this->raw, $this->body_start, max( 0, $this->body_end - $this->body_start ) );
	}

	/**
	 * Size of the raw body in bytes.
	 */
	public function raw_size(): int {
		return max( 0, $this->body_end - $this->body_start );
	}

	/**
	 * The body with its Content-Transfer-Encoding removed.
	 */
	public function body(): string {
		return Transfer::decode( $this->raw_body(), (string) $this->header( 'content-transfer-encoding' ) );
	}

	/**
	 * Bytes of raw body read per step by decode_to(): the most a streamed decode holds at once.
	 */
	public const CHUNK = 1048576;

	/**
	 * Writes the decoded body to a stream in steps of CHUNK raw bytes, never holding the whole
	 * body (neither the encoded copy raw_body() makes nor the decoded result). Returns the number
	 * of decoded bytes. With a null stream it only counts them. The output is byte for byte what
	 * body() returns.
	 *
	 * @param resource|null $out   Writable stream, or null to count.
	 * @param int           $chunk Raw bytes per step (tests use tiny steps).
	 * @return int Decoded size.
	 */
	public function decode_to( $out = null, int $chunk = self::CHUNK ): int {
		$step     = max( 1, $chunk );
		$encoding = strtolower( trim( (string) $this->header( 'content-transfer-encoding' ) ) );
		$emit     = static function ( string $bytes ) use ( $out ): int {
			if ( null !== $out && '' !== $bytes ) {
				fwrite( $out, $bytes ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
			return strlen( $bytes );
		};
		if ( ! in_array( $encoding, array( 'base64', 'quoted-printable', '', '7bit', '8bit', 'binary' ), true ) ) {
			// uuencode and unknown encodings: small and rare; decode in one go.
			return $emit( $this->body() );
		}
		$total = 0;
		$carry = '';
		$pos   = $this->body_start;
		$end   = $this->body_end;
		while ( $pos < $end ) {
			$chunk = substr( $this->raw, $pos, min( $step, $end - $pos ) );
			$pos  += strlen( $chunk );
			switch ( $encoding ) {
				case 'base64':
					$chunk  = $carry . (string) preg_replace( '/[^A-Za-z0-9+\/]/', '', $chunk );
					$usable = strlen( $chunk ) - strlen( $chunk ) % 4;
					$carry  = (string) substr( $chunk, $usable );
					$total += $emit( (string) base64_decode( substr( $chunk, 0, $usable ), false ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- MIME.
					break;
				case 'quoted-printable':
					// Cut after the last line break, so that no "=XX" or soft break is split.
					$chunk = $carry . $chunk;
					$cut   = $pos < $end ? strrpos( $chunk, "\n" ) : false;
					if ( false !== $cut ) {
						$carry = (string) substr( $chunk, $cut + 1 );
						$chunk = (string) substr( $chunk, 0, $cut + 1 );
					} else {
						$carry = '';
						if ( $pos < $end ) {
							$carry = $chunk; // One huge line: keep reading.
							$chunk = '';
						}
					}
					$total += $emit( Transfer::quoted_printable( $chunk ) );
					break;
				default:
					$total += $emit( $chunk );
			}
			unset( $chunk );
		}
		if ( 'base64' === $encoding && '' !== $carry ) {
			// Missing padding (Transfer::base64: one stray character is dropped).
			$rem    = strlen( $carry ) % 4;
			$total += 1 === $rem ? 0 : $emit( (string) base64_decode( $carry . str_repeat( '=', 4 - $rem ), false ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- MIME.
		} elseif ( 'quoted-printable' === $encoding && '' !== $carry ) {
			$total += $emit( Transfer::quoted_printable( $carry ) );
		}
		return $total;
	}

	/**
	 * Size of the decoded body, counted in steps (nothing kept).
	 */
	public function decoded_size(): int {
		return $this->decode_to( null );
	}

	/**
	 * The body as UTF-8 text (charset decoded; format=flowed joined).
	 *
	 * @param string $context Sender address (carrier charsets).
	 */
	public function text( string $context = '' ): string {
		$text = Charset::to_utf8( $this->body(), $this->charset(), $context );
		$text = str_replace( array( "\r\n", "\r" ), "\n", $text );
		if ( 'text/plain' === $this->type && 'flowed' === strtolower( (string) ( $this->params['format'] ?? '' ) ) ) {
			$delsp = strtolower( (string) ( $this->params['delsp'] ?? '' ) );
			$text  = Flowed::decode( $text, 'yes' === $delsp );
		}
		return $text;
	}

	/**
	 * The message inside a message/rfc822 (or message/global) part.
	 */
	public function embedded(): ?Part {
		if ( null === $this->embedded && in_array( $this->type, array( 'message/rfc822', 'message/global', 'message/news' ), true ) ) {
			$encoding = strtolower( (string) $this->header( 'content-transfer-encoding' ) );
			if ( in_array( $encoding, array( 'base64', 'quoted-printable' ), true ) ) {
				$this->embedded = ( new Parser() )->parse_part( $this->body(), $this->depth + 1 );
			} else {
				$this->embedded = ( new Parser() )->parse_part( $this->raw, $this->depth + 1, $this->body_start, $this->body_end );
			}
		}
		return $this->embedded;
	}

	/**
	 * The header block of a text/rfc822-headers part or an embedded message, as parsed headers.
	 */
	public function embedded_headers(): ?Part {
		if ( 'text/rfc822-headers' === $this->type ) {
			return ( new Parser() )->parse_part( $this->body() . "\r\n\r\n", $this->depth + 1 );
		}
		return $this->embedded();
	}

	/**
	 * Every part below (and including) this one, depth first, not entering message/* parts.
	 *
	 * @return Part[]
	 */
	public function walk(): array {
		$out = array( $this );
		foreach ( $this->children as $child ) {
			foreach ( $child->walk() as $part ) {
				$out[] = $part;
			}
		}
		return $out;
	}
}
