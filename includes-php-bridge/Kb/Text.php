<?php
/**
 * Plain text and excerpts of articles (pure PHP, no WordPress).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * Search results and suggestions show a short plain-text excerpt. WordPress's wp_trim_words()
 * counts space-separated words, so a Japanese article (no spaces) comes back whole; here a CJK
 * character costs a fraction of a word, so "30 words" is about 90 characters of Japanese.
 */
final class Text {

	/**
	 * One CJK character (Han, kana, the long-vowel mark, full-width forms) or a run of anything else.
	 */
	private const TOKENS = '/[\p{Han}\p{Hiragana}\p{Katakana}\x{30FC}\x{FF01}-\x{FF60}\x{3000}-\x{303F}]|[^\s\p{Han}\p{Hiragana}\p{Katakana}\x{30FC}\x{FF01}-\x{FF60}\x{3000}-\x{303F}]+/u';

	/**
	 * Text without markup: block comments, script/style content and tags removed, entities
	 * decoded, white space collapsed.
	 *
	 * @param string $html HTML (post content or excerpt, shortcodes already removed).
	 */
	public static function plain( string $html ): string {
		$text = (string) preg_replace( '/<!--.*?-->/s', ' ', $html );
		$text = (string) preg_replace( '@<(script|style)[^>]*?>.*?</\\1>@si', ' ', $text );
		$text = (string) preg_replace( '@<(br|/p|/div|/li|/h[1-6])[^>]*>@i', '$0 ', $text );
		$text = strip_tags( $text ); // phpcs:ignore WordPress.WP.AlternativeFunctions.strip_tags_strip_tags -- pure class; script/style content is removed above, as wp_strip_all_tags() does.
		$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text = str_replace( "\u{00A0}", ' ', $text );
		return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	}

	/**
	 * The start of the text: at most `$words` words, where a CJK character counts as
	 * `$words / $cjk_chars` of a word; "…" when something was cut.
	 *
	 * @param string $html      HTML or text.
	 * @param int    $words     Budget in words.
	 * @param int    $cjk_chars How many CJK characters the same budget buys.
	 */
	public static function excerpt( string $html, int $words = 30, int $cjk_chars = 90 ): string {
		$text = self::plain( $html );
		if ( '' === $text || $words <= 0 ) {
			return '';
		}
		if ( ! preg_match_all( self::TOKENS, $text, $matches, PREG_OFFSET_CAPTURE ) ) {
			return '';
		}
		$cjk_cost = $words / max( 1, $cjk_chars );
		$spent    = 0.0;
		$end      = 0;
		foreach ( $matches[0] as $match ) {
			$token = (string) $match[0];
			$cost  = self::is_cjk( $token ) ? $cjk_cost : 1.0;
			if ( $spent + $cost > $words + 1e-9 ) {
				return rtrim( substr( $text, 0, $end ), " \t,.;:、。" ) . '…';
			}
			$spent += $cost;
			$end    = (int) $match[1] + strlen( $token );
		}
		return $text;
	}

	/**
	 * Whether a one-character token is CJK.
	 */
	private static function is_cjk( string $token ): bool {
		return 1 === mb_strlen( $token, 'UTF-8' ) && 1 === preg_match( '/^[\p{Han}\p{Hiragana}\p{Katakana}\x{30FC}\x{FF01}-\x{FF60}\x{3000}-\x{303F}]$/u', $token );
	}
}
