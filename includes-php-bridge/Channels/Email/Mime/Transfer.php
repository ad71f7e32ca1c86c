<?php
/**
 * Content-Transfer-Encoding decoders.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Lenient base64 / quoted-printable / uuencode decoding.
 */
final class Transfer {

	/**
	 * Decodes a body by its Content-Transfer-Encoding ('' or unknown: as is).
	 *
	 * @param string $body     Encoded bytes.
	 * @param string $encoding Header value.
	 */
	public static function decode( string $body, string $encoding ): string {
		switch ( strtolower( trim( $encoding ) ) ) {
			case 'base64':
				return self::base64( $body );
			case 'quoted-printable':
				return self::quoted_printable( $body );
			case 'x-uuencode':
			case 'uuencode':
			case 'x-uue':
				return self::uudecode( $body );
			default:
				return $body;
		}
	}

	/**
	 * Base64 that tolerates line breaks, junk characters and missing padding.
	 *
	 * @param string $text Encoded text.
	 */
	public static function base64( string $text ): string {
		// Fast path: PHP's non-strict decoder skips line breaks and accepts missing padding.
		if ( ! str_contains( rtrim( $text, "= \t\r\n" ), '=' ) ) {
			$out = base64_decode( $text, false ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- MIME.
			if ( false !== $out ) {
				return $out;
			}
		}
		$text = (string) preg_replace( '/[^A-Za-z0-9+\/]/', '', $text );
		$rem  = strlen( $text ) % 4;
		if ( 1 === $rem ) {
			$text = substr( $text, 0, -1 );
		} elseif ( $rem > 1 ) {
			$text .= str_repeat( '=', 4 - $rem );
		}
		return (string) base64_decode( $text, false ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- MIME.
	}

	/**
	 * Quoted-printable with CRLF or LF soft breaks and trailing whitespace (RFC 2045 §6.7).
	 *
	 * @param string $text Encoded text.
	 */
	public static function quoted_printable( string $text ): string {
		$text = (string) preg_replace( '/[ \t]+(\r?\n)/', '$1', $text );
		if ( str_contains( $text, "\0" ) ) {
			// PHP's decoder stops at a NUL byte and drops the rest: decode around them.
			return implode( "\0", array_map( 'quoted_printable_decode', explode( "\0", $text ) ) );
		}
		return quoted_printable_decode( $text );
	}

	/**
	 * Uuencoded body ("begin 644 name" … "end").
	 *
	 * @param string $text Encoded text.
	 */
	private static function uudecode( string $text ): string {
		if ( preg_match( '/^begin [0-7]{3,4} [^\r\n]*\r?\n(.*?)^end\s*$/ms', $text, $m ) ) {
			$text = $m[1];
		}
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- corrupt input returns false.
		$out = @convert_uudecode( str_replace( "\r", '', $text ) );
		return false === $out ? $text : $out;
	}
}
