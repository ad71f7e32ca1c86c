<?php
/**
 * RFC 3676 format=flowed decoding.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Joins soft-broken lines of format=flowed text, keeping quote depth and the signature separator.
 */
final class Flowed {

	/**
	 * Decodes flowed text (LF line ends).
	 *
	 * @param string $text  Text.
	 * @param bool   $delsp Whether DelSp=yes (the space before a soft break is not content).
	 */
	public static function decode( string $text, bool $delsp ): string {
		$out    = array();
		$buffer = null;
		$depth  = 0;
		foreach ( explode( "\n", $text ) as $line ) {
			preg_match( '/^(>*)/', $line, $m );
			$line_depth = strlen( $m[1] );
			$content    = substr( $line, $line_depth );
			if ( str_starts_with( $content, ' ' ) ) {
				$content = substr( $content, 1 ); // Space-stuffing.
			}
			$is_sig  = '-- ' === $content;
			$is_soft = ! $is_sig && str_ends_with( $content, ' ' );

			if ( null !== $buffer && $line_depth !== $depth ) {
				$out[]  = str_repeat( '>', $depth ) . ( $depth ? ' ' : '' ) . $buffer;
				$buffer = null;
			}
			if ( $is_soft && $delsp ) {
				$content = substr( $content, 0, -1 );
			}
			$buffer = ( $buffer ?? '' ) . $content;
			$depth  = $line_depth;
			if ( ! $is_soft ) {
				$out[]  = str_repeat( '>', $depth ) . ( $depth ? ' ' : '' ) . $buffer;
				$buffer = null;
			}
		}
		if ( null !== $buffer ) {
			$out[] = str_repeat( '>', $depth ) . ( $depth ? ' ' : '' ) . $buffer;
		}
		return implode( "\n", $out );
	}
}
