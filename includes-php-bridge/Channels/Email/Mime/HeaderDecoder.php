<?php
/**
 * Header field decoding: RFC 2047 encoded-words, RFC 2231 parameters, addresses, msg-id lists.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Lenient decoders for header values as real mail writes them.
 */
final class HeaderDecoder {

	/**
	 * Decodes an unstructured header value (Subject, display names) to UTF-8.
	 *
	 * Raw 8-bit bytes are UTF-8 when valid, else decoded with $fallback_charset (the message's body
	 * charset) or a guess. Adjacent encoded-words are joined before charset conversion, so a
	 * multi-byte character split across two words survives; whitespace between them is dropped
	 * (RFC 2047 §6.2). Broken words (no surrounding space, bad base64) are decoded anyway.
	 *
	 * @param string $value            Unfolded raw value.
	 * @param string $fallback_charset Charset for raw 8-bit bytes.
	 * @param string $context          Sender address (carrier emoji tables).
	 */
	public static function decode( string $value, string $fallback_charset = '', string $context = '' ): string {
		$value = str_replace( array( "\r", "\n" ), '', $value );
		if ( preg_match( '/[\x80-\xFF]/', $value ) && ! str_contains( $value, '=?' ) ) {
			return Charset::guess( $value, $fallback_charset );
		}
		if ( ! str_contains( $value, '=?' ) ) {
			return $value;
		}

		$pattern = '/=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/';
		$out     = '';
		$offset  = 0;
		$pending = null; // [charset, bytes] of the previous encoded-word(s).

		if ( ! preg_match_all( $pattern, $value, $matches, PREG_OFFSET_CAPTURE | PREG_SET_ORDER ) ) {
			return preg_match( '/[\x80-\xFF]/', $value ) ? Charset::guess( $value, $fallback_charset ) : $value;
		}
		foreach ( $matches as $match ) {
			$start   = $match[0][1];
			$between = substr( $value, $offset, $start - $offset );
			$charset = strtolower( (string) preg_replace( '/\*.*$/', '', $match[1][0] ) );
			$bytes   = self::decode_word( $match[2][0], $match[3][0] );

			if ( null !== $pending && '' === trim( $between ) ) {
				if ( $pending[0] === $charset ) {
					$pending[1] .= $bytes;
				} else {
					$out    .= Charset::to_utf8( $pending[1], $pending[0], $context );
					$pending = array( $charset, $bytes );
				}
			} else {
				if ( null !== $pending ) {
					$out .= Charset::to_utf8( $pending[1], $pending[0], $context );
				}
				$out    .= self::plain( $between, $fallback_charset );
				$pending = array( $charset, $bytes );
			}
			$offset = $start + strlen( $match[0][0] );
		}
		if ( null !== $pending ) { // @phpstan-ignore notIdentical.alwaysTrue (PHPStan loses that the loop may not run)
			$out .= Charset::to_utf8( $pending[1], $pending[0], $context );
		}
		$out .= self::plain( substr( $value, $offset ), $fallback_charset );
		return $out;
	}

	/**
	 * Text outside encoded-words: raw 8-bit bytes decoded by guess.
	 *
	 * @param string $text             Raw text.
	 * @param string $fallback_charset Charset hint.
	 */
	private static function plain( string $text, string $fallback_charset ): string {
		return preg_match( '/[\x80-\xFF]/', $text ) ? Charset::guess( $text, $fallback_charset ) : $text;
	}

	/**
	 * Bytes of one encoded-word's text.
	 *
	 * @param string $encoding B or Q.
	 * @param string $text     Encoded text.
	 */
	private static function decode_word( string $encoding, string $text ): string {
		if ( 'B' === strtoupper( $encoding ) ) {
			return Transfer::base64( $text );
		}
		$text = str_replace( '_', ' ', $text );
		return (string) preg_replace_callback(
			'/=([0-9A-Fa-f]{2})/',
			static fn( array $m ): string => chr( (int) hexdec( $m[1] ) ),
			$text
		);
	}

	/**
	 * Splits a structured value like `text/plain; charset="utf-8"; name*0*=…` into its value and
	 * parameters (names lower case). RFC 2231 continuations and charset'lang' are joined and decoded;
	 * RFC 2047 words inside quoted values (a common violation) are decoded too.
	 *
	 * @param string $value            Raw value.
	 * @param string $fallback_charset Charset for raw 8-bit parameter bytes.
	 * @return array{0: string, 1: array<string, string>}
	 */
	public static function parameters( string $value, string $fallback_charset = '' ): array {
		$value  = str_replace( array( "\r", "\n" ), '', $value );
		$length = strlen( $value );
		$main   = '';
		$i      = 0;
		while ( $i < $length && ';' !== $value[ $i ] ) {
			$main .= $value[ $i ];
			++$i;
		}
		$raw = array(); // name => value (raw, quotes removed).
		while ( $i < $length ) {
			++$i; // Skip ';'.
			while ( $i < $length && ( ' ' === $value[ $i ] || "\t" === $value[ $i ] ) ) {
				++$i;
			}
			$name = '';
			while ( $i < $length && '=' !== $value[ $i ] && ';' !== $value[ $i ] ) {
				$name .= $value[ $i ];
				++$i;
			}
			$name = strtolower( trim( $name ) );
			if ( $i >= $length || ';' === $value[ $i ] ) {
				continue;
			}
			++$i; // Skip '='.
			while ( $i < $length && ( ' ' === $value[ $i ] || "\t" === $value[ $i ] ) ) {
				++$i;
			}
			$param = '';
			if ( $i < $length && '"' === $value[ $i ] ) {
				++$i;
				while ( $i < $length && '"' !== $value[ $i ] ) {
					if ( '\\' === $value[ $i ] && $i + 1 < $length ) {
						++$i;
					}
					$param .= $value[ $i ];
					++$i;
				}
				++$i; // Closing quote.
				while ( $i < $length && ';' !== $value[ $i ] ) {
					++$i;
				}
			} else {
				while ( $i < $length && ';' !== $value[ $i ] ) {
					$param .= $value[ $i ];
					++$i;
				}
				$param = trim( $param );
			}
			if ( '' !== $name && ! isset( $raw[ $name ] ) ) {
				$raw[ $name ] = $param;
			}
		}

		// RFC 2231: name*0*, name*1, … and name*.
		$params   = array();
		$extended = array();
		foreach ( $raw as $name => $param ) {
			if ( preg_match( '/^([^*]+)\*(?:(\d+)(\*)?|(\*)?)$/', $name, $m ) ) {
				$base                        = $m[1];
				$index                       = isset( $m[2] ) && '' !== $m[2] ? (int) $m[2] : 0;
				$is_encode                   = ( isset( $m[3] ) && '*' === $m[3] ) || isset( $m[4] ) || ( ! isset( $m[2] ) || '' === $m[2] );
				$extended[ $base ][ $index ] = array( $param, $is_encode );
				continue;
			}
			$params[ $name ] = $param;
		}
		foreach ( $extended as $base => $pieces ) {
			ksort( $pieces );
			$charset = '';
			$bytes   = '';
			$first   = true;
			foreach ( $pieces as $piece ) {
				list( $text, $encoded ) = $piece;
				if ( $encoded ) {
					if ( $first && preg_match( "/^([^']*)'[^']*'(.*)$/s", $text, $cm ) ) {
						$charset = $cm[1];
						$text    = $cm[2];
					}
					$text = rawurldecode( $text );
				}
				$bytes .= $text;
				$first  = false;
			}
			$params[ $base ] = '' !== $charset ? Charset::to_utf8( $bytes, $charset ) : Charset::guess( $bytes, $fallback_charset );
		}
		foreach ( $params as $name => $param ) {
			if ( isset( $extended[ $name ] ) ) {
				continue;
			}
			$params[ $name ] = str_contains( $param, '=?' ) || preg_match( '/[\x80-\xFF]/', $param )
				? self::decode( $param, $fallback_charset )
				: $param;
		}
		return array( strtolower( trim( $main ) ), $params );
	}

	/**
	 * Parses an address list into [name, address] pairs (address lower case, names decoded).
	 * Groups are flattened; an address with a route or group syntax inside angle brackets keeps
	 * what precedes the colon, as CPython does.
	 *
	 * @param string $value            Raw header value.
	 * @param string $fallback_charset Charset for raw 8-bit display names.
	 * @return list<array{name: string, address: string}>
	 */
	public static function addresses( string $value, string $fallback_charset = '' ): array {
		$value  = str_replace( array( "\r", "\n" ), ' ', $value );
		$tokens = self::split_addresses( $value );
		$out    = array();
		foreach ( $tokens as $token ) {
			$token = trim( $token );
			if ( '' === $token ) {
				continue;
			}
			$name    = '';
			$address = '';
			if ( preg_match( '/^(.*?)<([^>]*)>?\s*(?:\(.*\))?$/s', $token, $m ) && str_contains( $token, '<' ) ) {
				$name    = trim( $m[1] );
				$address = trim( $m[2] );
				if ( str_contains( $address, ':' ) ) {
					$address = str_starts_with( $address, '@' ) ? (string) substr( (string) strrchr( $address, ':' ), 1 ) : strstr( $address, ':', true );
				}
			} else {
				// A trailing "(Comment)" is not a display name (RFC 5322 §3.2.2); CPython agrees.
				$address = trim( (string) preg_replace( '/\([^)]*\)/', '', $token ) );
			}
			$address = trim( $address, " \t\"'" );
			$address = str_replace( array( ' ', "\t" ), '', $address );
			if ( '' === $address ) {
				continue;
			}
			$name  = self::unquote( $name );
			$name  = self::decode( $name, $fallback_charset );
			$out[] = array(
				'name'    => trim( $name ),
				'address' => strtolower( Charset::guess( $address ) ),
			);
		}
		return $out;
	}

	/**
	 * Splits an address list on commas outside quotes, comments and angle brackets; group
	 * labels ("name:") and terminators (";") are removed.
	 *
	 * @param string $value Raw value.
	 * @return string[]
	 */
	private static function split_addresses( string $value ): array {
		$parts   = array();
		$current = '';
		$quote   = false;
		$angle   = 0;
		$paren   = 0;
		$length  = strlen( $value );
		for ( $i = 0; $i < $length; $i++ ) {
			$c = $value[ $i ];
			if ( $quote ) {
				if ( '\\' === $c && $i + 1 < $length ) {
					$current .= $c . $value[ ++$i ];
					continue;
				}
				if ( '"' === $c ) {
					$quote = false;
				}
				$current .= $c;
				continue;
			}
			if ( '"' === $c ) {
				$quote = true;
			} elseif ( '(' === $c ) {
				++$paren;
			} elseif ( ')' === $c && $paren > 0 ) {
				--$paren;
			} elseif ( '<' === $c && 0 === $paren ) {
				++$angle;
			} elseif ( '>' === $c && $angle > 0 && 0 === $paren ) {
				--$angle;
			} elseif ( 0 === $paren && 0 === $angle && ( ',' === $c || ';' === $c ) ) {
				$parts[] = $current;
				$current = '';
				continue;
			} elseif ( ':' === $c && 0 === $paren && 0 === $angle && ! str_contains( $current, '@' ) ) {
				$current = ''; // Group label.
				continue;
			}
			$current .= $c;
		}
		$parts[] = $current;
		return $parts;
	}

	/**
	 * Removes surrounding double quotes and backslash escapes of a display name.
	 *
	 * @param string $name Display name.
	 */
	private static function unquote( string $name ): string {
		$name = trim( $name );
		if ( strlen( $name ) >= 2 && '"' === $name[0] && '"' === substr( $name, -1 ) ) {
			$name = substr( $name, 1, -1 );
			$name = (string) preg_replace( '/\\\\(.)/s', '$1', $name );
		} elseif ( str_contains( $name, '"' ) ) {
			$name = (string) preg_replace( '/\\\\(.)/s', '$1', str_replace( '"', '', $name ) );
		}
		return $name;
	}

	/**
	 * The `<…>` tokens of a Message-ID, In-Reply-To or References value, in order.
	 *
	 * @param string $value Raw value.
	 * @return string[]
	 */
	public static function message_ids( string $value ): array {
		preg_match_all( '/<[^<>\s]+>/', $value, $m );
		return array_values( array_unique( $m[0] ) );
	}
}
