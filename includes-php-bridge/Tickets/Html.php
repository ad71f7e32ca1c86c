<?php
/**
 * Sanitizing message bodies from outside, and their text versions.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * An explicit allow-list for HTML that came from customers, email clients and agents: formatting,
 * links, lists, tables, quotes and images — no scripts, styles, forms, iframes or event handlers,
 * and no `class` or `style` (foreign mail must not borrow wp-admin's classes to overlay the UI).
 *
 * Rendering rules (the security model's "foreign content" part):
 * - sanitize() runs on store, and again after every rewrite of stored HTML (cid: → URL);
 * - for_display() is what every viewer gets: sanitized HTML, or, when cleaning left nothing to see
 *   (a mail whose HTML part held only <style> or <script>), HTML built from the text with escaping.
 *   Raw text is never handed out as HTML.
 */
final class Html {

	/**
	 * Allowed tags and attributes.
	 *
	 * @return array<string, array<string, bool>>
	 */
	public static function allowed(): array {
		$common = array(
			'dir'   => true,
			'lang'  => true,
			'title' => true,
		);
		$cell   = $common + array(
			'colspan' => true,
			'rowspan' => true,
			'align'   => true,
			'valign'  => true,
		);
		$tags   = array(
			'a'          => $common + array(
				'href'   => true,
				'rel'    => true,
				'target' => true,
			),
			'abbr'       => $common,
			'b'          => $common,
			'blockquote' => $common + array(
				'cite' => true,
				'type' => true,
			),
			'br'         => array(),
			'code'       => $common,
			'del'        => $common,
			'div'        => $common + array( 'align' => true ),
			'em'         => $common,
			'font'       => array(
				'color' => true,
				'face'  => true,
				'size'  => true,
			),
			'h1'         => $common,
			'h2'         => $common,
			'h3'         => $common,
			'h4'         => $common,
			'h5'         => $common,
			'h6'         => $common,
			'hr'         => array(),
			'i'          => $common,
			'img'        => $common + array(
				'src'    => true,
				'alt'    => true,
				'width'  => true,
				'height' => true,
			),
			'li'         => $common,
			'ol'         => $common + array( 'start' => true ),
			'p'          => $common + array( 'align' => true ),
			'pre'        => $common,
			's'          => $common,
			'small'      => $common,
			'span'       => $common,
			'strong'     => $common,
			'sub'        => $common,
			'sup'        => $common,
			'table'      => $common + array(
				'border'      => true,
				'cellpadding' => true,
				'cellspacing' => true,
				'width'       => true,
			),
			'tbody'      => $common,
			'td'         => $cell,
			'tfoot'      => $common,
			'th'         => $cell,
			'thead'      => $common,
			'tr'         => $common,
			'u'          => $common,
			'ul'         => $common,
		);

		/**
		 * Filters the HTML allowed in message bodies.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, array<string, bool>> $tags Tag => allowed attributes.
		 */
		return apply_filters( 'switchboard_allowed_html', $tags );
	}

	/**
	 * Sanitizes foreign HTML. Links open in a new tab without leaking the opener; only http(s),
	 * mailto, tel and cid: (inline images, rewritten by the channel) URLs survive.
	 */
	public static function sanitize( string $html ): string {
		// Drop whole elements whose content must not show up as text.
		$html = (string) preg_replace( '#<(script|style|head|title|template|noscript|iframe|object)\b[^>]*>.*?</\1\s*>#is', '', $html );
		$html = wp_kses( $html, self::allowed(), array( 'http', 'https', 'mailto', 'tel', 'cid' ) );
		$html = (string) preg_replace_callback(
			'#<a\s([^>]*)>#i',
			static function ( array $m ): string {
				$attrs = (string) preg_replace( '#\s(rel|target)=("[^"]*"|\'[^\']*\')#i', '', ' ' . $m[1] );
				return '<a' . rtrim( $attrs ) . ' target="_blank" rel="noopener noreferrer nofollow">';
			},
			$html
		);
		return trim( $html );
	}

	/**
	 * Whether sanitized HTML shows anything: text, or an image.
	 */
	public static function has_content( string $html ): bool {
		if ( '' === trim( $html ) ) {
			return false;
		}
		if ( false !== stripos( $html, '<img' ) ) {
			return true;
		}
		$text = html_entity_decode( wp_strip_all_tags( $html, true ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		return '' !== trim( (string) preg_replace( '/[\s\x{00A0}\x{200B}\x{FEFF}]+/u', '', $text ) );
	}

	/**
	 * The HTML a viewer gets for a stored message: its (already sanitized) HTML when that shows
	 * something, else the text, escaped. Never the raw text as HTML.
	 *
	 * @param string $html Stored, sanitized HTML.
	 * @param string $text Stored text version.
	 */
	public static function for_display( string $html, string $text ): string {
		return self::has_content( $html ) ? $html : self::from_text( $text );
	}

	/**
	 * Points `cid:` image sources at URLs, then sanitizes again: the rewrite happens after the
	 * stored HTML was cleaned, so its result is cleaned once more (a crafted Content-ID must never
	 * be able to close the attribute). Only whole `src="cid:…"` values whose id is known change.
	 *
	 * @param string                $html Sanitized HTML.
	 * @param array<string, string> $urls Content-ID (without brackets) => URL.
	 */
	public static function replace_cids( string $html, array $urls ): string {
		if ( ! $urls || false === stripos( $html, 'cid:' ) ) {
			return $html;
		}
		$changed = false;
		$html    = (string) preg_replace_callback(
			'#(\ssrc\s*=\s*)(["\'])cid:([^"\']*)\2#i',
			static function ( array $m ) use ( $urls, &$changed ): string {
				$cid = html_entity_decode( $m[3], ENT_QUOTES | ENT_HTML5, 'UTF-8' );
				$url = $urls[ $cid ] ?? $urls[ rawurldecode( $cid ) ] ?? null;
				if ( null === $url ) {
					return $m[0];
				}
				$changed = true;
				return $m[1] . '"' . esc_url( $url ) . '"';
			},
			$html
		);
		return $changed ? self::sanitize( $html ) : $html;
	}

	/**
	 * A Content-ID as stored: without brackets, and only when every character is one a URL and an
	 * attribute can carry verbatim (RFC 5322 dot-atom text less quotes and brackets); anything
	 * else is no inline reference at all ('').
	 */
	public static function clean_content_id( string $cid ): string {
		$cid = trim( $cid, "<> \t\r\n" );
		if ( '' === $cid || strlen( $cid ) > 250 || ! preg_match( '/^[A-Za-z0-9.@_+\-=$%!#&*\/^{|}~]+$/', $cid ) ) {
			return '';
		}
		return $cid;
	}

	/**
	 * Plain text for plain-text input: escaped, with paragraphs and line breaks.
	 */
	public static function from_text( string $text ): string {
		$text = str_replace( array( "\r\n", "\r" ), "\n", trim( $text ) );
		return wpautop( esc_html( $text ) );
	}

	/**
	 * Readable text from HTML — the one conversion every channel uses (messages stored without a
	 * text part, mail imported with only an HTML part, search, previews, plain-text channels), so
	 * the same HTML gives the same body_text whichever way it came. Scripts, styles, the head and
	 * comments are dropped; the source's own line breaks are only spaces (as a browser shows
	 * them); paragraphs and other blocks are separated by a blank line, <br> is a line break,
	 * list items are "- " lines, table cells are separated by a space; entities are decoded,
	 * no-break spaces are spaces, lines are trimmed. Needs no WordPress.
	 *
	 * @param string $html HTML.
	 */
	public static function to_text( string $html ): string {
		$html  = (string) preg_replace( '#<(script|style|head|title)\b[^>]*>.*?</\1\s*>#is', '', $html );
		$html  = (string) preg_replace( '#<!--.*?-->#s', '', $html );
		$html  = preg_replace( '/\s+/u', ' ', $html ) ?? (string) preg_replace( '/\s+/', ' ', $html ); // Not UTF-8: bytes.
		$html  = (string) preg_replace( '#<br\b[^>]*>#i', "\n", $html );
		$html  = (string) preg_replace( '#<li\b[^>]*>#i', "\n- ", $html );
		$html  = (string) preg_replace( '#</?(p|div|tr|h[1-6]|blockquote|table|ul|ol|pre|hr)\b[^>]*>#i', "\n\n", $html );
		$html  = (string) preg_replace( '#</t[dh]\s*>#i', ' ', $html );
		$text  = strip_tags( $html );
		$text  = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text  = str_replace( "\u{00A0}", ' ', $text );
		$lines = array_map( static fn ( string $line ): string => trim( (string) preg_replace( '/ {2,}/', ' ', $line ) ), explode( "\n", $text ) );
		return trim( (string) preg_replace( "/\n{3,}/", "\n\n", implode( "\n", $lines ) ) );
	}

	/**
	 * One-line preview for lists.
	 */
	public static function preview( string $text, int $length = 160 ): string {
		$text = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
		return mb_strlen( $text ) > $length ? rtrim( mb_substr( $text, 0, $length - 1 ) ) . '…' : $text;
	}
}
