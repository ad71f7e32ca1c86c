<?php
/**
 * Removes quoted history and signatures from replies.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * What agents read first: the new part of a reply. The full original stays on the message (raw
 * source and unstripped HTML), one click away.
 *
 * Recognised: Gmail ("On … wrote:" + div.gmail_quote), Outlook ("-----Original Message-----",
 * "From: … Sent: …" blocks in many languages, #divRplyFwdMsg, #appendonsend), Apple Mail / iOS
 * (blockquote type=cite, "On …, at …, X wrote:"), Thunderbird (.moz-cite-prefix, quote above the
 * answer), Yahoo (.yahoo_quoted), Japanese clients ("…さんは書きました:", "…のメッセージ:", "差出人:"),
 * ">" quoting, and signatures after "-- " or "Sent from my …".
 */
final class QuoteStripper {

	/**
	 * A line that starts quoted history (anchored per line, /m).
	 */
	private const HEADER_LINES = array(
		'/^[ \t]*-{2,}[ \t]*(Original Message|Ursprüngliche Nachricht|Message d\'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Mensagem original|Originalmeddelande|元のメッセージ|原始邮件|Forwarded message|Weitergeleitete Nachricht)[ \t]*-{2,}/imu',
		'/^[ \t]*_{10,}[ \t]*$/m',
		'/^[ \t]*(?:>[ \t]*)?(On|Le|Am|El|Il|Op|Em|På|W dniu)\s[^\n]{0,300}?(?:\n[^\n]{0,200}?){0,2}(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał)[^\n]{0,40}:[ \t]*$/imu',
		'/^[^\n]{0,200}(さんは書きました|さんが書きました|のメッセージ|wrote)[ \t]*[:：][ \t]*$/mu',
		'/^[ \t]*\*?(From|De|Von|Da|Van|Från|Od|差出人|发件人|寄件者)\*?[ \t]*:[^\n]*\n(?:[^\n]*\n){0,2}?[ \t]*\*?(Sent|Date|Envoyé|Gesendet|Enviado|Inviato|Verzonden|Skickat|Wysłano|送信日時|日付|发送时间|寄件日期)\*?[ \t]*:/imu',
	);

	/**
	 * Signature starts (after some content).
	 */
	private const SIGNATURE_LINES = array(
		'/^-- ?$/m',
		'/^[ \t]*(Sent from my|Sent from Mail for|Sent with Sparrow|Get Outlook for|Sent from Yahoo Mail|Envoyé de mon|Von meinem|Enviado desde mi|Inviato da)\b[^\n]*$/mu',
		'/^[ \t]*(iPhoneから送信|iPadから送信|Android.{0,10}から送信)[^\n]*$/mu',
	);

	/**
	 * Strips a plain-text reply. Returns the new text, or the input when stripping would leave nothing.
	 *
	 * @param string $text Reply text (LF line ends).
	 */
	public static function strip_text( string $text ): string {
		$text  = str_replace( array( "\r\n", "\r" ), "\n", $text );
		$start = self::earliest_header( $text );
		if ( null !== $start ) {
			$above = trim( substr( $text, 0, $start ) );
			if ( '' !== self::without_quoted_lines( $above ) ) {
				$text = $above;
			} else {
				// Quote above the answer (Thunderbird bottom-posting): drop the header and quoted lines.
				$rest = substr( $text, $start );
				$rest = (string) preg_replace( '/\A[^\n]*\n?/', '', $rest, 1 ); // The attribution line.
				$text = self::without_quoted_lines( $rest );
			}
		} else {
			$unquoted = self::without_quoted_lines( $text );
			if ( '' !== trim( $unquoted ) ) {
				$text = $unquoted;
			}
		}
		$text = self::strip_signature( $text );
		$text = trim( (string) preg_replace( "/\n{3,}/", "\n\n", $text ) );
		return '' === $text ? trim( $text ) : $text;
	}

	/**
	 * Earliest offset where quoted history starts, or null.
	 *
	 * @param string $text Text.
	 */
	private static function earliest_header( string $text ): ?int {
		$best = null;
		foreach ( self::HEADER_LINES as $pattern ) {
			if ( preg_match( $pattern, $text, $m, PREG_OFFSET_CAPTURE ) ) {
				$at   = (int) $m[0][1];
				$best = null === $best ? $at : min( $best, $at );
			}
		}
		return $best;
	}

	/**
	 * Removes lines quoted with ">".
	 *
	 * @param string $text Text.
	 */
	private static function without_quoted_lines( string $text ): string {
		$lines = array_filter( explode( "\n", $text ), static fn( string $line ): bool => ! preg_match( '/^[ \t]*>/', $line ) );
		return trim( implode( "\n", $lines ) );
	}

	/**
	 * Removes a trailing signature.
	 *
	 * @param string $text Text.
	 */
	private static function strip_signature( string $text ): string {
		foreach ( self::SIGNATURE_LINES as $pattern ) {
			if ( preg_match( $pattern, $text, $m, PREG_OFFSET_CAPTURE ) && $m[0][1] > 0 ) {
				$above = trim( substr( $text, 0, (int) $m[0][1] ) );
				if ( '' !== $above ) {
					$text = $above;
				}
			}
		}
		return $text;
	}

	/**
	 * Strips an HTML reply (DOM based). Returns the input when nothing was recognised or when
	 * stripping would leave no text.
	 *
	 * @param string $html Reply HTML.
	 */
	public static function strip_html( string $html ): string {
		if ( '' === trim( $html ) || ! class_exists( \DOMDocument::class ) ) {
			return $html;
		}
		$doc = new \DOMDocument();
		$old = libxml_use_internal_errors( true );
		$doc->loadHTML( '<?xml encoding="utf-8"?><div id="sb-root">' . $html . '</div>', LIBXML_NONET | LIBXML_HTML_NODEFDTD | LIBXML_COMPACT );
		libxml_clear_errors();
		libxml_use_internal_errors( $old );
		$xpath = new \DOMXPath( $doc );
		$root  = $xpath->query( '//*[@id="sb-root"]' )->item( 0 );
		if ( ! $root instanceof \DOMElement ) {
			return $html;
		}

		$cut_from = array(
			'//*[contains(concat(" ", normalize-space(@class), " "), " gmail_quote ")]',
			'//*[contains(concat(" ", normalize-space(@class), " "), " gmail_attr ")]',
			'//*[contains(concat(" ", normalize-space(@class), " "), " moz-cite-prefix ")]',
			'//*[contains(concat(" ", normalize-space(@class), " "), " yahoo_quoted ")]',
			'//*[@id="divRplyFwdMsg"]',
			'//*[@id="appendonsend"]',
			'//*[@id="OLK_SRC_BODY_SECTION"]',
			'//blockquote[@type="cite"]',
			'//*[contains(@style, "border-top:solid #E1E1E1") or contains(@style, "border-top: solid #E1E1E1") or contains(@style, "border-top:solid #B5C4DF") or contains(@style, "border-top: solid #B5C4DF")]',
		);
		$marker   = null;
		foreach ( $cut_from as $query ) {
			$nodes = $xpath->query( $query, $root );
			if ( $nodes && $nodes->length > 0 ) {
				$node = $nodes->item( 0 );
				if ( null === $marker || self::precedes( $node, $marker ) ) {
					$marker = $node;
				}
			}
		}
		// Text markers: "-----Original Message-----", "On … wrote:", "From: … Sent:" in a block.
		if ( null === $marker ) {
			foreach ( $xpath->query( '//text()', $root ) ?: array() as $text_node ) {
				$value = (string) $text_node->nodeValue;
				if ( preg_match( '/^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d\'origine|Mensaje original|Messaggio originale|元のメッセージ)/iu', $value )
					|| preg_match( '/^\s*(On|Le|Am|El|Il)\s.{0,300}(wrote|a écrit|schrieb|escribió|ha scritto)\s*:\s*$/isu', $value )
					|| preg_match( '/(さんは書きました|のメッセージ)\s*[:：]\s*$/u', $value )
					|| preg_match( '/^\s*(From|De|Von|Da|差出人)\s*:\s*$/u', $value ) && self::block_mentions_sent( $text_node )
				) {
					$marker = self::block_of( $text_node, $root );
					break;
				}
			}
		}
		// A signature block ("-- " alone) before the marker ends the reply too.
		foreach ( $xpath->query( '//text()', $root ) ?: array() as $text_node ) {
			if ( preg_match( '/^\s*--\s*$/u', (string) $text_node->nodeValue ) && ( null === $marker || self::precedes( $text_node, $marker ) ) ) {
				$marker = self::block_of( $text_node, $root );
				break;
			}
		}
		if ( null === $marker ) {
			return $html;
		}
		// Remove the marker and everything after it, up to the root.
		$node = $marker;
		while ( null !== $node && $node !== $root ) {
			$parent = $node->parentNode;
			while ( null !== $node->nextSibling ) {
				$node->parentNode->removeChild( $node->nextSibling );
			}
			if ( $node === $marker ) {
				$parent->removeChild( $node );
			}
			$node = $parent;
		}
		$out = '';
		foreach ( $root->childNodes as $child ) {
			$out .= $doc->saveHTML( $child );
		}
		if ( '' === trim( html_entity_decode( strip_tags( $out ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ), " \t\n\r\0\x0B\u{00A0}" ) ) {
			return $html;
		}
		return trim( $out );
	}

	/**
	 * Whether $a comes before $b in document order.
	 *
	 * @param \DOMNode $a Node.
	 * @param \DOMNode $b Node.
	 */
	private static function precedes( \DOMNode $a, \DOMNode $b ): bool {
		return $a->getLineNo() < $b->getLineNo() || ( $a->getLineNo() === $b->getLineNo() && strlen( (string) $a->getNodePath() ) < strlen( (string) $b->getNodePath() ) );
	}

	/**
	 * Whether the block around a "From:" label also has a "Sent:"/"Date:" label (Outlook header block).
	 *
	 * @param \DOMNode $node Text node.
	 */
	private static function block_mentions_sent( \DOMNode $node ): bool {
		$block = $node;
		while ( null !== $block->parentNode && ! self::is_block( $block ) ) {
			$block = $block->parentNode;
		}
		return (bool) preg_match( '/(Sent|Date|Envoyé|Gesendet|Inviato|送信日時)\s*:/u', (string) $block->textContent );
	}

	/**
	 * The nearest block-level ancestor of a node below the root (or the node itself).
	 *
	 * @param \DOMNode $node Node.
	 * @param \DOMNode $root Root.
	 */
	private static function block_of( \DOMNode $node, \DOMNode $root ): \DOMNode {
		$block = $node;
		while ( null !== $block->parentNode && $block->parentNode !== $root && ! self::is_block( $block ) ) {
			$block = $block->parentNode;
		}
		return $block;
	}

	/**
	 * Whether a node is a block element.
	 *
	 * @param \DOMNode $node Node.
	 */
	private static function is_block( \DOMNode $node ): bool {
		return $node instanceof \DOMElement && in_array( strtolower( $node->nodeName ), array( 'p', 'div', 'blockquote', 'table', 'tr', 'td', 'li', 'body', 'pre', 'hr' ), true );
	}
}
