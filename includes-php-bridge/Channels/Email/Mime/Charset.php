<?php
/**
 * Charset conversion to UTF-8 for mail: labels as real-world mail uses them, mislabels, and raw 8-bit bytes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Converts bytes in a declared (or guessed) charset to valid UTF-8. Never throws; invalid
 * sequences become U+FFFD.
 *
 * Choices (what Thunderbird, browsers and the WHATWG Encoding standard do):
 * - ISO-8859-1 and US-ASCII labels decode as Windows-1252 (the C1 range is never meant literally).
 * - Japanese labels decode with Microsoft's supersets (CP50221 for ISO-2022-JP, CP932 for Shift_JIS,
 *   eucJP-win for EUC-JP), so NEC/IBM extension characters (①, ㈱, 髙) survive; Shift_JIS from the
 *   three Japanese carriers decodes with their emoji tables when the sender's domain is known.
 * - GB2312/GBK decode as GB18030, Big5 as CP950, EUC-KR as UHC (CP949).
 * - Bytes that are valid UTF-8 (with at least one multi-byte sequence) but labelled as a legacy
 *   charset are UTF-8: real legacy text is practically never valid UTF-8, the reverse mislabel is common.
 */
final class Charset {

	/**
	 * Label (lower case, no spaces) → mbstring encoding name.
	 *
	 * @var array<string, string>
	 */
	private const MAP = array(
		'utf-8'               => 'UTF-8',
		'utf8'                => 'UTF-8',
		'unicode-1-1-utf-8'   => 'UTF-8',
		'us-ascii'            => 'Windows-1252',
		'ascii'               => 'Windows-1252',
		'ansi_x3.4-1968'      => 'Windows-1252',
		'iso-8859-1'          => 'Windows-1252',
		'iso8859-1'           => 'Windows-1252',
		'iso_8859-1'          => 'Windows-1252',
		'latin1'              => 'Windows-1252',
		'latin-1'             => 'Windows-1252',
		'l1'                  => 'Windows-1252',
		'cp819'               => 'Windows-1252',
		'windows-1252'        => 'Windows-1252',
		'cp1252'              => 'Windows-1252',
		'x-cp1252'            => 'Windows-1252',
		'windows-1251'        => 'Windows-1251',
		'cp1251'              => 'Windows-1251',
		'x-cp1251'            => 'Windows-1251',
		'windows-1254'        => 'Windows-1254',
		'cp1254'              => 'Windows-1254',
		'koi8-r'              => 'KOI8-R',
		'koi8r'               => 'KOI8-R',
		'koi8-u'              => 'KOI8-U',
		'koi8-ru'             => 'KOI8-U',
		'cp866'               => 'CP866',
		'ibm866'              => 'CP866',
		'cp850'               => 'CP850',
		'iso-2022-jp'         => 'CP50221',
		'iso-2022-jp-1'       => 'CP50221',
		'iso-2022-jp-2'       => 'CP50221',
		'iso-2022-jp-3'       => 'ISO-2022-JP-2004',
		'iso-2022-jp-ms'      => 'ISO-2022-JP-MS',
		'csiso2022jp'         => 'CP50221',
		'shift_jis'           => 'SJIS-win',
		'shift-jis'           => 'SJIS-win',
		'sjis'                => 'SJIS-win',
		'x-sjis'              => 'SJIS-win',
		'ms_kanji'            => 'SJIS-win',
		'csshiftjis'          => 'SJIS-win',
		'windows-31j'         => 'SJIS-win',
		'cp932'               => 'SJIS-win',
		'ms932'               => 'SJIS-win',
		'shift_jis-2004'      => 'SJIS-2004',
		'euc-jp'              => 'eucJP-win',
		'x-euc-jp'            => 'eucJP-win',
		'eucjp'               => 'eucJP-win',
		'cseucpkdfmtjapanese' => 'eucJP-win',
		'cp51932'             => 'CP51932',
		'gb2312'              => 'GB18030',
		'gb_2312-80'          => 'GB18030',
		'csgb2312'            => 'GB18030',
		'euc-cn'              => 'GB18030',
		'x-euc-cn'            => 'GB18030',
		'gbk'                 => 'GB18030',
		'x-gbk'               => 'GB18030',
		'cp936'               => 'GB18030',
		'ms936'               => 'GB18030',
		'windows-936'         => 'GB18030',
		'gb18030'             => 'GB18030',
		'hz-gb-2312'          => 'HZ',
		'big5'                => 'CP950',
		'big-5'               => 'CP950',
		'x-x-big5'            => 'CP950',
		'csbig5'              => 'CP950',
		'cp950'               => 'CP950',
		'big5-hkscs'          => 'CP950',
		'euc-tw'              => 'EUC-TW',
		'euc-kr'              => 'UHC',
		'ks_c_5601-1987'      => 'UHC',
		'ks_c_5601'           => 'UHC',
		'ksc5601'             => 'UHC',
		'korean'              => 'UHC',
		'cp949'               => 'UHC',
		'uhc'                 => 'UHC',
		'windows-949'         => 'UHC',
		'iso-2022-kr'         => 'ISO-2022-KR',
		'utf-16'              => 'UTF-16',
		'utf-16le'            => 'UTF-16LE',
		'utf-16be'            => 'UTF-16BE',
		'utf-32'              => 'UTF-32',
		'utf-7'               => 'UTF-7',
		'unicode-1-1-utf-7'   => 'UTF-7',
	);

	/**
	 * Charsets whose bytes are all 7-bit: an 8-bit byte means the label is wrong.
	 */
	private const SEVEN_BIT = array( 'CP50221', 'ISO-2022-JP-2004', 'ISO-2022-JP-MS', 'ISO-2022-KR', 'HZ', 'UTF-7' );

	/**
	 * Converts bytes to UTF-8.
	 *
	 * @param string $bytes   Raw bytes.
	 * @param string $charset Declared label ('' when none).
	 * @param string $context Optional hint: the sender's address (selects carrier emoji tables for Shift_JIS).
	 */
	public static function to_utf8( string $bytes, string $charset, string $context = '' ): string {
		if ( '' === $bytes ) {
			return '';
		}
		$encoding = self::encoding( $charset, $context );
		$ascii    = ! preg_match( '/[\x80-\xFF]/', $bytes );

		if ( $ascii && ! in_array( $encoding, array( 'CP50221', 'ISO-2022-JP-2004', 'ISO-2022-JP-MS', 'ISO-2022-KR', 'HZ', 'UTF-7', 'UTF-16', 'UTF-16LE', 'UTF-16BE', 'UTF-32' ), true ) ) {
			return self::strip_nul( $bytes );
		}
		if ( null === $encoding ) {
			return self::guess( $bytes );
		}
		if ( 'UTF-8' === $encoding ) {
			return self::scrub( $bytes );
		}
		if ( ! $ascii && ! str_starts_with( $encoding, 'UTF-' ) && self::is_multibyte_utf8( $bytes ) ) {
			return self::strip_nul( $bytes );
		}
		if ( ! $ascii && in_array( $encoding, self::SEVEN_BIT, true ) ) {
			// An 8-bit byte in a 7-bit charset: the label lies. ISO-2022-JP mail with 8-bit bytes is Shift_JIS.
			return str_starts_with( $encoding, 'ISO-2022-JP' ) || 'CP50221' === $encoding
				? self::convert( $bytes, 'SJIS-win' )
				: self::guess( $bytes );
		}
		return self::convert( $bytes, $encoding );
	}

	/**
	 * Decodes bytes of unknown charset: UTF-8 when valid, else a single-byte guess
	 * (Windows-1252 for Latin text, KOI8-R or Windows-1251 when the 8-bit bytes form words).
	 *
	 * @param string $bytes    Raw bytes.
	 * @param string $fallback A label to try before guessing (e.g. the body's charset for raw 8-bit headers).
	 */
	public static function guess( string $bytes, string $fallback = '' ): string {
		if ( mb_check_encoding( $bytes, 'UTF-8' ) ) {
			return self::strip_nul( $bytes );
		}
		$encoding = self::encoding( $fallback );
		if ( null !== $encoding && 'UTF-8' !== $encoding && 'Windows-1252' !== $encoding && ! in_array( $encoding, self::SEVEN_BIT, true ) ) {
			return self::convert( $bytes, $encoding );
		}
		return self::convert( $bytes, self::guess_single_byte( $bytes ) );
	}

	/**
	 * The mbstring (or iconv) name for a label, or null when unknown.
	 *
	 * @param string $charset Label from a header.
	 * @param string $context Sender address, for carrier Shift_JIS variants.
	 */
	public static function encoding( string $charset, string $context = '' ): ?string {
		$label = strtolower( trim( $charset, " \t\r\n\"'" ) );
		$label = (string) preg_replace( '/\*.*$/', '', $label ); // RFC 2231 language suffix.
		if ( '' === $label ) {
			return null;
		}
		$encoding = self::MAP[ $label ] ?? null;
		if ( null === $encoding ) {
			if ( preg_match( '/^iso[-_ ]?8859[-_ ]?(\d+)$/', $label, $m ) ) {
				$encoding = '1' === $m[1] ? 'Windows-1252' : 'ISO-8859-' . $m[1];
			} elseif ( preg_match( '/^(?:windows|cp|x-cp)[-_]?(125\d)$/', $label, $m ) ) {
				$encoding = 'Windows-' . $m[1];
			} else {
				$encoding = $label;
			}
		}
		if ( 'SJIS-win' === $encoding && '' !== $context ) {
			$domain = strtolower( (string) substr( (string) strrchr( $context, '@' ), 1 ) );
			if ( preg_match( '/(^|\.)docomo\.ne\.jp$/', $domain ) ) {
				$encoding = 'SJIS-Mobile#DOCOMO';
			} elseif ( preg_match( '/(^|\.)(ezweb\.ne\.jp|au\.com)$/', $domain ) ) {
				$encoding = 'SJIS-Mobile#KDDI';
			} elseif ( preg_match( '/(^|\.)(softbank\.ne\.jp|vodafone\.ne\.jp|disney\.ne\.jp)$/', $domain ) ) {
				$encoding = 'SJIS-Mobile#SOFTBANK';
			}
		}
		if ( self::mb_supports( $encoding ) || self::iconv_supports( $encoding ) ) {
			return $encoding;
		}
		return null;
	}

	/**
	 * Converts with mbstring, or iconv for charsets mbstring lacks (Windows-1250, -1253, -1255 …).
	 *
	 * @param string $bytes    Raw bytes.
	 * @param string $encoding A name returned by encoding().
	 */
	private static function convert( string $bytes, string $encoding ): string {
		if ( self::mb_supports( $encoding ) ) {
			$previous = mb_substitute_character();
			mb_substitute_character( 0xFFFD );
			$out = mb_convert_encoding( $bytes, 'UTF-8', $encoding );
			mb_substitute_character( $previous );
			return self::strip_nul( self::scrub( (string) $out ) );
		}
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- iconv warns on invalid input; we fall back.
		$out = @iconv( $encoding, 'UTF-8//IGNORE', $bytes );
		if ( false === $out || '' === $out ) {
			return self::convert( $bytes, 'Windows-1252' );
		}
		return self::strip_nul( self::scrub( $out ) );
	}

	/**
	 * Replaces invalid UTF-8 sequences with U+FFFD.
	 *
	 * @param string $text Possibly invalid UTF-8.
	 */
	public static function scrub( string $text ): string {
		if ( mb_check_encoding( $text, 'UTF-8' ) ) {
			return self::strip_nul( $text );
		}
		$previous = mb_substitute_character();
		mb_substitute_character( 0xFFFD );
		$out = mb_convert_encoding( $text, 'UTF-8', 'UTF-8' );
		mb_substitute_character( $previous );
		return self::strip_nul( (string) $out );
	}

	/**
	 * NUL bytes break MySQL text columns and some renderers; they never carry meaning in mail text.
	 *
	 * @param string $text Text.
	 */
	private static function strip_nul( string $text ): string {
		return str_contains( $text, "\0" ) ? str_replace( "\0", '', $text ) : $text;
	}

	/**
	 * Whether the bytes are valid UTF-8 and contain at least one multi-byte sequence.
	 *
	 * @param string $bytes Raw bytes.
	 */
	private static function is_multibyte_utf8( string $bytes ): bool {
		return mb_check_encoding( $bytes, 'UTF-8' ) && (bool) preg_match( '/[\xC2-\xF4][\x80-\xBF]/', $bytes );
	}

	/**
	 * Guesses a single-byte charset. Western text has isolated 8-bit letters between ASCII letters;
	 * Cyrillic text has whole words of 8-bit bytes, lower case in 0xC0–0xDF for KOI8-R and 0xE0–0xFF for
	 * Windows-1251.
	 *
	 * @param string $bytes Raw bytes (not valid UTF-8).
	 */
	private static function guess_single_byte( string $bytes ): string {
		$high  = preg_match_all( '/[\xC0-\xFF]/', $bytes );
		$ascii = preg_match_all( '/[A-Za-z]/', $bytes );
		if ( $high >= 3 && $high > $ascii ) {
			$sample = substr( $bytes, 0, 4096 );
			return self::russian_score( $sample, 'KOI8-R' ) >= self::russian_score( $sample, 'Windows-1251' ) ? 'KOI8-R' : 'Windows-1251';
		}
		return 'Windows-1252';
	}

	/**
	 * How Russian the bytes look in an encoding: letter frequencies of the decoded text.
	 *
	 * @param string $bytes    Sample.
	 * @param string $encoding KOI8-R or Windows-1251.
	 */
	private static function russian_score( string $bytes, string $encoding ): int {
		static $weights = null;
		if ( null === $weights ) {
			$weights = array_flip( mb_str_split( 'ъэщфцюшжхйчбзгьыяупдмклврстниаео' ) );
		}
		$score = 0;
		foreach ( mb_str_split( mb_strtolower( (string) mb_convert_encoding( $bytes, 'UTF-8', $encoding ) ) ) as $char ) {
			$score += $weights[ $char ] ?? 0;
		}
		return $score;
	}

	/**
	 * Whether mbstring knows an encoding.
	 *
	 * @param string $encoding Name.
	 */
	private static function mb_supports( string $encoding ): bool {
		static $known = null;
		if ( null === $known ) {
			$known = array();
			foreach ( mb_list_encodings() as $name ) {
				if ( in_array( $name, array( 'BASE64', 'UUENCODE', 'HTML-ENTITIES', 'Quoted-Printable', '7bit', '8bit', 'pass', 'wchar', 'byte2be', 'byte2le', 'byte4be', 'byte4le' ), true ) ) {
					continue;
				}
				$known[ strtolower( $name ) ] = true;
				foreach ( mb_encoding_aliases( $name ) as $alias ) {
					$known[ strtolower( $alias ) ] = true;
				}
			}
		}
		return isset( $known[ strtolower( $encoding ) ] );
	}

	/**
	 * Whether iconv knows an encoding.
	 *
	 * @param string $encoding Name.
	 */
	private static function iconv_supports( string $encoding ): bool {
		if ( ! function_exists( 'iconv' ) || ! preg_match( '/^[a-z0-9._:-]+$/i', $encoding ) ) {
			return false;
		}
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- probing.
		return false !== @iconv( $encoding, 'UTF-8', 'a' );
	}
}
