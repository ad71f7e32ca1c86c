<?php
/**
 * A lenient RFC 5322 / MIME parser.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Parses raw mail into a Part tree and a Message. Never throws on malformed input: a missing
 * boundary, a header line without a colon or a truncated message all yield something readable.
 *
 * Why our own parser: zbateson/mail-mime-parser is the well-kept PHP option, but a plugin cannot
 * ship it unprefixed (another plugin may load a different version) and no namespace prefixer is
 * available in this build. This one handles what the real-world corpus in ../shared/mail-corpus
 * throws at it, and keeps memory flat (offsets, not copies).
 */
final class Parser {

	/**
	 * Deepest nesting we follow (multipart bombs).
	 */
	public const MAX_DEPTH = 24;

	/**
	 * Most parts we read in one message.
	 */
	public const MAX_PARTS = 1000;

	/**
	 * Parts created so far in this parse.
	 */
	private int $part_count = 0;

	/**
	 * Parses a raw message.
	 *
	 * @param string $raw Raw RFC 5322 bytes (CRLF or LF).
	 */
	public function parse( string $raw ): Message {
		return new Message( $this->parse_part( $raw ), $raw );
	}

	/**
	 * Parses one entity (headers + body) found between $start and $end of $raw.
	 *
	 * @param string   $raw        Buffer.
	 * @param int      $depth      Nesting depth.
	 * @param int      $start      First byte.
	 * @param int|null $end        One past the last byte (null: end of buffer).
	 * @param string   $default    Default media type (message/rfc822 inside multipart/digest).
	 */
	public function parse_part( string $raw, int $depth = 0, int $start = 0, ?int $end = null, string $default = 'text/plain' ): Part {
		$end = $end ?? strlen( $raw );
		++$this->part_count;

		$part             = new Part( $raw, $start, $end, $depth );
		$body_start       = $this->read_headers( $raw, $start, $end, $part );
		$part->body_start = $body_start;
		$part->body_end   = $end;

		$content_type = $part->header( 'content-type' );
		if ( null !== $content_type && '' !== trim( $content_type ) ) {
			list( $type, $params ) = HeaderDecoder::parameters( $content_type );
			$type                  = (string) preg_replace( '/\s+/', '', $type );
			if ( ! preg_match( '#^[a-z0-9!\#$&^_.+-]+/[a-z0-9!\#$&^_.+-]+$#', $type ) ) {
				$type = 'text/plain';
			}
			$part->type   = $type;
			$part->params = $params;
		} else {
			$part->type = $default;
		}

		$disposition = $part->header( 'content-disposition' );
		if ( null !== $disposition && '' !== trim( $disposition ) ) {
			list( $disp, $dparams )   = HeaderDecoder::parameters( $disposition );
			$part->disposition        = (string) preg_replace( '/\s+/', '', $disp );
			$part->disposition_params = $dparams;
		}

		if ( $part->is_multipart() ) {
			$boundary = $part->params['boundary'] ?? '';
			if ( '' === $boundary ) {
				$part->defect = 'missing boundary';
				$part->type   = 'text/plain';
			} elseif ( $depth >= self::MAX_DEPTH || $this->part_count > self::MAX_PARTS ) {
				$part->defect = 'too deep';
				$part->type   = 'application/octet-stream';
			} else {
				$this->split( $raw, $part, $boundary );
			}
		}
		return $part;
	}

	/**
	 * Reads the header block into $part and returns where the body starts.
	 *
	 * @param string $raw   Buffer.
	 * @param int    $start First byte.
	 * @param int    $end   Limit.
	 * @param Part   $part  Receives the headers.
	 */
	private function read_headers( string $raw, int $start, int $end, Part $part ): int {
		$pos     = $start;
		$current = null;
		$first   = true;
		while ( $pos < $end ) {
			$eol = strpos( $raw, "\n", $pos );
			if ( false === $eol || $eol >= $end ) {
				$eol  = $end;
				$next = $end;
			} else {
				$next = $eol + 1;
			}
			$line = substr( $raw, $pos, $eol - $pos );
			if ( str_ends_with( $line, "\r" ) ) {
				$line = substr( $line, 0, -1 );
			}
			if ( '' === $line ) {
				$this->flush_header( $part, $current );
				return $next;
			}
			if ( ( ' ' === $line[0] || "\t" === $line[0] ) && null !== $current ) {
				$current[1] .= $line;
			} elseif ( preg_match( '/^([!-9;-~]+)[ \t]*:(.*)$/s', $line, $m ) ) {
				$this->flush_header( $part, $current );
				$current = array( strtolower( $m[1] ), $m[2] );
			} elseif ( $first && str_starts_with( $line, 'From ' ) ) {
				// mbox "From " line: skip.
				$pos   = $next;
				$first = false;
				continue;
			} elseif ( ' ' === $line[0] || "\t" === $line[0] ) {
				// Leading whitespace before any header: ignore.
				$pos   = $next;
				$first = false;
				continue;
			} else {
				// Not a header: the header block ended without its blank line.
				$this->flush_header( $part, $current );
				return $pos;
			}
			$first = false;
			$pos   = $next;
		}
		$this->flush_header( $part, $current );
		return $end;
	}

	/**
	 * Stores a collected header.
	 *
	 * @param Part                             $part    Target.
	 * @param array{0: string, 1: string}|null $current Header being collected (reset to null).
	 * @param-out null $current
	 */
	private function flush_header( Part $part, ?array &$current ): void {
		if ( null !== $current ) {
			$part->headers[] = $current;
			$current         = null;
		}
	}

	/**
	 * Splits a multipart body into child parts by its boundary.
	 *
	 * @param string $raw      Buffer.
	 * @param Part   $part     The multipart.
	 * @param string $boundary Boundary parameter.
	 */
	private function split( string $raw, Part $part, string $boundary ): void {
		$delimiter = '--' . $boundary;
		$dlen      = strlen( $delimiter );
		$pos       = $part->body_start;
		$end       = $part->body_end;
		$child_at  = null;
		$default   = 'multipart/digest' === $part->type ? 'message/rfc822' : 'text/plain';
		$closed    = false;

		while ( $pos < $end ) {
			$hit = strpos( $raw, $delimiter, $pos );
			if ( false === $hit || $hit >= $end ) {
				break;
			}
			$pos = $hit + $dlen;
			if ( $hit !== $part->body_start && "\n" !== $raw[ $hit - 1 ] ) {
				continue;
			}
			$is_close = '--' === substr( $raw, $hit + $dlen, 2 );
			$rest_at  = $hit + $dlen + ( $is_close ? 2 : 0 );
			$eol      = strpos( $raw, "\n", $rest_at );
			$eol      = ( false === $eol || $eol > $end ) ? $end : $eol;
			$rest     = substr( $raw, $rest_at, $eol - $rest_at );
			if ( '' !== trim( $rest ) ) {
				if ( $is_close && str_starts_with( trim( $rest ), '-' ) ) {
					continue;
				}
				if ( ! $is_close ) {
					continue;
				}
			}
			if ( null !== $child_at ) {
				$this->add_child( $raw, $part, $child_at, $this->line_start_before( $raw, $hit, $child_at ), $default );
			}
			$pos      = min( $end, $eol + 1 );
			$child_at = $pos;
			if ( $is_close ) {
				$closed   = true;
				$child_at = null;
				break;
			}
			if ( $this->part_count > self::MAX_PARTS ) {
				break;
			}
		}
		if ( null !== $child_at && ! $closed && $child_at < $end ) {
			// Truncated: no closing delimiter; the last part runs to the end.
			$this->add_child( $raw, $part, $child_at, $end, $default );
		}
		if ( array() === $part->children ) {
			$text = trim( substr( $raw, $part->body_start, $end - $part->body_start ) );
			if ( '' !== $text ) {
				// No delimiter at all: keep the body readable as text rather than dropping it.
				$part->defect     = 'no parts';
				$child            = new Part( $raw, $part->body_start, $end, $part->depth + 1 );
				$child->type      = 'text/plain';
				$part->children[] = $child;
			}
		}
	}

	/**
	 * The offset of the line break that precedes a delimiter (it belongs to the delimiter).
	 *
	 * @param string $raw   Buffer.
	 * @param int    $hit   Delimiter position.
	 * @param int    $floor Child start.
	 */
	private function line_start_before( string $raw, int $hit, int $floor ): int {
		$at = $hit;
		if ( $at > $floor && "\n" === $raw[ $at - 1 ] ) {
			--$at;
			if ( $at > $floor && "\r" === $raw[ $at - 1 ] ) {
				--$at;
			}
		}
		return $at;
	}

	/**
	 * Parses and appends a child.
	 *
	 * @param string $raw     Buffer.
	 * @param Part   $part    Parent.
	 * @param int    $start   Child start.
	 * @param int    $end     Child end.
	 * @param string $default Default type.
	 */
	private function add_child( string $raw, Part $part, int $start, int $end, string $default ): void {
		$part->children[] = $this->parse_part( $raw, $part->depth + 1, $start, max( $start, $end ), $default );
	}
}
