<?php
/**
 * The body of a parsed mail: which parts are its text and HTML.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

use Switchboard\Tickets\Html as TicketHtml;

/**
 * Selects the body parts of a MIME tree (alternative, related, report, signed, mixed) and joins
 * them into one text and one HTML body. Computed once, when built; Message keeps the instance.
 */
final class Body {

	/**
	 * The text body (all inline text pieces; HTML-only mail converted to text).
	 *
	 * @var string
	 */
	public readonly string $text;

	/**
	 * The HTML body ('' when the mail had no HTML part), unsanitized.
	 *
	 * @var string
	 */
	public readonly string $html;

	/**
	 * Whether a text/plain body part exists.
	 *
	 * @var bool
	 */
	public readonly bool $has_plain;

	/**
	 * Whether an HTML body part exists.
	 *
	 * @var bool
	 */
	public readonly bool $has_html;

	/**
	 * Leaf parts used as body text (by object id).
	 *
	 * @var array<int, true>
	 */
	private array $parts = array();

	/**
	 * Extracts the text and HTML bodies of a tree.
	 *
	 * @param Part   $root        Root part.
	 * @param string $sender_hint Sender address bytes (carrier charset selection).
	 */
	public function __construct( private readonly Part $root, private readonly string $sender_hint ) {
		$result = $this->body_of( $root );
		$text   = $result['text'];
		$html   = $result['html'];
		if ( null === $text && null !== $html ) {
			$text = TicketHtml::to_text( $html );
		}
		$this->text      = trim( (string) $text, "\n" );
		$this->html      = (string) $html;
		$this->has_plain = $result['plain'];
		$this->has_html  = null !== $html;
	}

	/**
	 * Whether a leaf part is used as body text or HTML.
	 *
	 * @param Part $part Leaf part.
	 */
	public function is_body_part( Part $part ): bool {
		return isset( $this->parts[ spl_object_id( $part ) ] );
	}

	/**
	 * Body of a part: native text and/or HTML.
	 *
	 * @param Part $part Part.
	 * @return array{text: ?string, html: ?string, plain: bool}
	 */
	private function body_of( Part $part ): array {
		$none = array(
			'text'  => null,
			'html'  => null,
			'plain' => false,
		);
		if ( $part->is_attachment() && $part !== $this->root ) {
			return $none;
		}
		if ( ! $part->is_multipart() ) {
			return $this->leaf( $part, $none );
		}

		$children = $part->children;
		switch ( $part->type ) {
			case 'multipart/alternative':
				return $this->alternative( $children );

			case 'multipart/related':
				$root  = $children[0] ?? null;
				$start = isset( $part->params['start'] ) ? trim( $part->params['start'], '<> ' ) : '';
				if ( '' !== $start ) {
					foreach ( $children as $child ) {
						if ( $child->content_id() === $start ) {
							$root = $child;
						}
					}
				}
				return null === $root ? $none : $this->body_of( $root );

			case 'multipart/report':
			case 'multipart/signed':
				return isset( $children[0] ) ? $this->body_of( $children[0] ) : $none;

			case 'multipart/encrypted':
				return $none;

			default:
				return $this->mixed( $children, $none );
		}
	}

	/**
	 * Body of a leaf part: text/plain (or enriched) as text, text/html as HTML, else nothing.
	 *
	 * @param Part                                        $part Leaf part.
	 * @param array{text: null, html: null, plain: false} $none The empty result.
	 * @return array{text: ?string, html: ?string, plain: bool}
	 */
	private function leaf( Part $part, array $none ): array {
		if ( 'text/plain' === $part->type || 'text/enriched' === $part->type ) {
			if ( $part !== $this->root && null !== $part->filename() && '' !== $part->disposition && 'inline' !== $part->disposition ) {
				return $none;
			}
			$this->parts[ spl_object_id( $part ) ] = true;
			return array(
				'text'  => $part->text( $this->sender_hint ),
				'html'  => null,
				'plain' => true,
			);
		}
		if ( 'text/html' === $part->type ) {
			$this->parts[ spl_object_id( $part ) ] = true;
			return array(
				'text'  => null,
				'html'  => $part->text( $this->sender_hint ),
				'plain' => false,
			);
		}
		return $none;
	}

	/**
	 * Body of a multipart/alternative: the last plain text and the last HTML among its children.
	 *
	 * @param Part[] $children Children.
	 * @return array{text: ?string, html: ?string, plain: bool}
	 */
	private function alternative( array $children ): array {
		$text  = null;
		$html  = null;
		$plain = false;
		foreach ( $children as $child ) {
			$result = $this->body_of( $child );
			if ( null !== $result['text'] && $result['plain'] ) {
				$text  = $result['text'];
				$plain = true;
			}
			if ( null !== $result['html'] ) {
				$html = $result['html'];
			}
		}
		return array(
			'text'  => $text,
			'html'  => $html,
			'plain' => $plain,
		);
	}

	/**
	 * Body of multipart/mixed (and unknown multiparts): every inline text piece, joined.
	 *
	 * @param Part[]                                      $children Children.
	 * @param array{text: null, html: null, plain: false} $none     The empty result.
	 * @return array{text: ?string, html: ?string, plain: bool}
	 */
	private function mixed( array $children, array $none ): array {
		$texts = array();
		$htmls = array();
		$plain = false;
		$any_h = false;
		foreach ( $children as $child ) {
			if ( $child->is_attachment() ) {
				continue;
			}
			if ( ! $child->is_multipart() && ! in_array( $child->type, array( 'text/plain', 'text/html', 'text/enriched' ), true ) ) {
				continue;
			}
			$result = $this->body_of( $child );
			if ( null === $result['text'] && null === $result['html'] ) {
				continue;
			}
			$plain   = $plain || $result['plain'];
			$any_h   = $any_h || null !== $result['html'];
			$texts[] = $result['text'] ?? TicketHtml::to_text( (string) $result['html'] );
			$htmls[] = $result['html'] ?? Html::from_text( (string) $result['text'] );
		}
		if ( array() === $texts ) {
			return $none;
		}
		return array(
			'text'  => implode( "\n\n", array_map( static fn( string $t ): string => trim( $t, "\n" ), $texts ) ),
			'html'  => $any_h ? implode( "\n", $htmls ) : null,
			'plain' => $plain,
		);
	}
}
