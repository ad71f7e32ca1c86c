<?php
/**
 * HTML ↔ text helpers for mail bodies.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Conversions that need no WordPress (sanitizing happens in the importer with wp_kses).
 */
final class Html {

	/**
	 * Readable text from HTML: scripts, styles and the head dropped, block elements on their own lines,
	 * entities decoded.
	 *
	 * @param string $html HTML.
	 */
	public static function to_text( string $html ): string {
		$html  = (string) preg_replace( '#<(script|style|head|title)\b[^>]*>.*?</\1\s*>#is', '', $html );
		$html  = (string) preg_replace( '#<!--.*?-->#s', '', $html );
		$html  = (string) preg_replace( '/\s+/u', ' ', $html );
		$html  = (string) preg_replace( '#<br\b[^>]*>#i', "\n", $html );
		$html  = (string) preg_replace( '#</?(p|div|tr|li|h[1-6]|blockquote|table|ul|ol|pre|hr)\b[^>]*>#i', "\n", $html );
		$text  = strip_tags( $html );
		$text  = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text  = str_replace( "\u{00A0}", ' ', $text );
		$lines = array_map( 'trim', explode( "\n", $text ) );
		$text  = implode( "\n", $lines );
		return trim( (string) preg_replace( "/\n{3,}/", "\n\n", $text ) );
	}

	/**
	 * Escaped HTML from plain text, line breaks kept.
	 *
	 * @param string $text Text.
	 */
	public static function from_text( string $text ): string {
		return '<div style="white-space:pre-wrap">' . htmlspecialchars( $text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8' ) . '</div>';
	}
}
