<?php
/**
 * Files inside a TNEF stream (winmail.dat, application/ms-tnef).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Outlook sends "rich text" mail as a winmail.dat that only Outlook opens; the files the customer
 * attached are inside it. This reads the TNEF attribute stream ([MS-OXTNEF] 2.1.3): each
 * attachment starts with attAttachRendData, its bytes are attAttachData, its 8.3 name
 * attAttachTitle, and attAttachment carries its MAPI properties, of which we read the long file
 * name (PidTagAttachLongFilename) and the MIME type (PidTagAttachMimeTag). Lenient like the rest
 * of the parser: a damaged stream yields the attachments read so far, never an exception.
 * Embedded messages (attach method 5) are not unpacked.
 */
final class Tnef {

	public const SIGNATURE = 0x223E9F78;

	private const LVL_ATTACHMENT = 0x02;

	private const ATT_ATTACH_REND_DATA = 0x9002;
	private const ATT_ATTACH_TITLE     = 0x8010;
	private const ATT_ATTACH_DATA      = 0x800F;
	private const ATT_ATTACHMENT       = 0x9005;
	private const ATT_OEM_CODEPAGE     = 0x9007;

	private const PR_ATTACH_DATA_BIN      = 0x3701;
	private const PR_ATTACH_FILENAME      = 0x3704;
	private const PR_ATTACH_LONG_FILENAME = 0x3707;
	private const PR_ATTACH_MIME_TAG      = 0x370E;

	/**
	 * Most attachments read from one stream.
	 */
	public const MAX_ATTACHMENTS = 100;

	/**
	 * Whether the bytes are a TNEF stream.
	 *
	 * @param string $data Bytes.
	 */
	public static function is_tnef( string $data ): bool {
		return strlen( $data ) >= 6 && self::SIGNATURE === unpack( 'V', $data )[1];
	}

	/**
	 * The attachments in a TNEF stream.
	 *
	 * @param string $data    TNEF bytes.
	 * @param string $charset Charset of 8-bit names when the stream declares no code page.
	 * @return list<array{filename: string, mime: string, data: string}>
	 */
	public static function attachments( string $data, string $charset = 'windows-1252' ): array {
		if ( ! self::is_tnef( $data ) ) {
			return array();
		}
		$len     = strlen( $data );
		$pos     = 6; // Signature (4) and legacy key (2).
		$out     = array();
		$current = null;
		while ( $pos + 9 <= $len ) {
			$level  = ord( $data[ $pos ] );
			$header = unpack( 'Vid/Vlength', $data, $pos + 1 );
			$id     = (int) $header['id'] & 0xFFFF;
			$length = (int) $header['length'];
			if ( $length < 0 || $pos + 9 + $length + 2 > $len ) {
				break; // Truncated.
			}
			$value = (string) substr( $data, $pos + 9, $length );
			$pos  += 9 + $length + 2; // Value and its 16-bit checksum.

			if ( self::ATT_OEM_CODEPAGE === $id && $length >= 4 ) {
				$codepage = (int) unpack( 'V', $value )[1];
				$charset  = 65001 === $codepage ? 'utf-8' : ( $codepage > 0 ? 'cp' . $codepage : $charset );
				continue;
			}
			if ( self::LVL_ATTACHMENT !== $level ) {
				continue;
			}
			switch ( $id ) {
				case self::ATT_ATTACH_REND_DATA:
					if ( null !== $current ) {
						$out[] = $current;
					}
					if ( count( $out ) >= self::MAX_ATTACHMENTS ) {
						return self::finish( $out );
					}
					$current = array(
						'filename' => '',
						'long'     => '',
						'mime'     => '',
						'data'     => null,
					);
					break;
				case self::ATT_ATTACH_TITLE:
					if ( null !== $current ) {
						$current['filename'] = self::string8( $value, $charset );
					}
					break;
				case self::ATT_ATTACH_DATA:
					if ( null !== $current ) {
						$current['data'] = $value;
					}
					break;
				case self::ATT_ATTACHMENT:
					if ( null !== $current ) {
						$props = self::properties( $value, $charset );
						if ( isset( $props[ self::PR_ATTACH_LONG_FILENAME ] ) ) {
							$current['long'] = $props[ self::PR_ATTACH_LONG_FILENAME ];
						} elseif ( isset( $props[ self::PR_ATTACH_FILENAME ] ) && '' === $current['filename'] ) {
							$current['filename'] = $props[ self::PR_ATTACH_FILENAME ];
						}
						if ( isset( $props[ self::PR_ATTACH_MIME_TAG ] ) ) {
							$current['mime'] = $props[ self::PR_ATTACH_MIME_TAG ];
						}
						if ( null === $current['data'] && isset( $props[ self::PR_ATTACH_DATA_BIN ] ) ) {
							$current['data'] = $props[ self::PR_ATTACH_DATA_BIN ];
						}
					}
					break;
			}
		}
		if ( null !== $current ) {
			$out[] = $current;
		}
		return self::finish( $out );
	}

	/**
	 * Final shape: long names preferred, attachments without bytes dropped.
	 *
	 * @param array<int, array{filename: string, long: string, mime: string, data: ?string}> $found Collected.
	 * @return list<array{filename: string, mime: string, data: string}>
	 */
	private static function finish( array $found ): array {
		$out = array();
		foreach ( $found as $attachment ) {
			if ( null === $attachment['data'] ) {
				continue;
			}
			$out[] = array(
				'filename' => '' !== $attachment['long'] ? $attachment['long'] : $attachment['filename'],
				'mime'     => strtolower( trim( $attachment['mime'] ) ),
				'data'     => $attachment['data'],
			);
		}
		return $out;
	}

	/**
	 * A NUL-terminated 8-bit string as UTF-8.
	 *
	 * @param string $value   Bytes.
	 * @param string $charset Charset.
	 */
	private static function string8( string $value, string $charset ): string {
		$value = (string) strstr( $value . "\0", "\0", true );
		return Charset::to_utf8( $value, $charset );
	}

	/**
	 * The string and binary MAPI properties of an attAttachment/attMsgProps value
	 * ([MS-OXTNEF] 2.1.3.4), by property id. Stops at the first type it cannot size.
	 *
	 * @param string $value   Encoded property list.
	 * @param string $charset Charset of PT_STRING8 values.
	 * @return array<int, string>
	 */
	private static function properties( string $value, string $charset ): array {
		$len = strlen( $value );
		if ( $len < 4 ) {
			return array();
		}
		$fixed = array(
			0x0001 => 4, // PT_NULL.
			0x0002 => 4, // PT_SHORT, padded.
			0x0003 => 4, // PT_LONG.
			0x0004 => 4, // PT_FLOAT.
			0x0005 => 8, // PT_DOUBLE.
			0x0006 => 8, // PT_CURRENCY.
			0x0007 => 8, // PT_APPTIME.
			0x000A => 4, // PT_ERROR.
			0x000B => 4, // PT_BOOLEAN, padded.
			0x0014 => 8, // PT_I8.
			0x0040 => 8, // PT_SYSTIME.
			0x0048 => 16, // PT_CLSID.
		);
		$count = (int) unpack( 'V', $value )[1];
		$pos   = 4;
		$out   = array();
		for ( $i = 0; $i < $count && $pos + 4 <= $len; $i++ ) {
			$head = unpack( 'vtype/vid', $value, $pos );
			$type = (int) $head['type'];
			$id   = (int) $head['id'];
			$pos += 4;
			if ( $id >= 0x8000 ) {
				// Named property: GUID, kind, then a number or a name.
				if ( $pos + 20 > $len ) {
					break;
				}
				$kind = (int) unpack( 'V', $value, $pos + 16 )[1];
				$pos += 20;
				if ( 0 === $kind ) {
					$pos += 4;
				} else {
					if ( $pos + 4 > $len ) {
						break;
					}
					$name_len = (int) unpack( 'V', $value, $pos )[1];
					$pos     += 4 + $name_len + ( ( 4 - $name_len % 4 ) % 4 );
				}
			}
			$base     = $type & 0x0FFF;
			$multi    = 0 !== ( $type & 0x1000 );
			$variable = in_array( $base, array( 0x001E, 0x001F, 0x0102, 0x000D ), true );
			if ( ! $variable && ! isset( $fixed[ $base ] ) ) {
				break; // Unknown type: its size is unknown, so is everything after it.
			}
			$values = 1;
			if ( $multi || $variable ) {
				if ( $pos + 4 > $len ) {
					break;
				}
				$values = (int) unpack( 'V', $value, $pos )[1];
				$pos   += 4;
			}
			for ( $v = 0; $v < $values && $pos <= $len; $v++ ) {
				if ( ! $variable ) {
					$pos += $fixed[ $base ];
					continue;
				}
				if ( $pos + 4 > $len ) {
					break 2;
				}
				$size  = (int) unpack( 'V', $value, $pos )[1];
				$bytes = (string) substr( $value, $pos + 4, $size );
				$pos  += 4 + $size + ( ( 4 - $size % 4 ) % 4 );
				if ( 0 !== $v || $multi ) {
					continue;
				}
				if ( 0x001F === $base ) {
					$out[ $id ] = rtrim( (string) mb_convert_encoding( $bytes, 'UTF-8', 'UTF-16LE' ), "\0" );
				} elseif ( 0x001E === $base ) {
					$out[ $id ] = self::string8( $bytes, $charset );
				} elseif ( 0x0102 === $base ) {
					$out[ $id ] = $bytes;
				}
			}
		}
		return $out;
	}
}
