<?php
/**
 * A parsed mail message: decoded headers, body text/HTML and attachments.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * High-level view of a MIME tree. Everything is computed on first use.
 */
final class Message {

	/**
	 * Body text and HTML, chosen on first use.
	 *
	 * @var Body|null
	 */
	private ?Body $body = null;

	/**
	 * Charset for raw 8-bit header bytes.
	 */
	private ?string $fallback = null;

	/**
	 * Wraps a parsed root.
	 *
	 * @param Part   $root Root part.
	 * @param string $raw  Raw message.
	 */
	public function __construct( public readonly Part $root, private string $raw ) {}

	/**
	 * The raw message bytes.
	 */
	public function raw(): string {
		return $this->raw;
	}

	/**
	 * First raw header value or null.
	 *
	 * @param string $name Field name.
	 */
	public function header( string $name ): ?string {
		return $this->root->header( $name );
	}

	/**
	 * The first header of a name with its value untrimmed ("name:value"), or null.
	 *
	 * @param string $name Field name.
	 */
	private function raw_header_line( string $name ): ?string {
		foreach ( $this->root->headers as $field ) {
			if ( $field[0] === $name ) {
				return $field[0] . ':' . $field[1];
			}
		}
		return null;
	}

	/**
	 * Decoded (RFC 2047 / raw 8-bit) value of an unstructured header, or null.
	 *
	 * @param string $name Field name.
	 */
	public function decoded_header( string $name ): ?string {
		$value = $this->root->header( $name );
		return null === $value ? null : trim( HeaderDecoder::decode( $value, $this->fallback_charset(), $this->sender_hint() ) );
	}

	/**
	 * Decoded Subject, or null when the header is absent.
	 */
	public function subject(): ?string {
		$value = $this->root->header( 'subject' );
		if ( null === $value ) {
			return null;
		}
		// Leading whitespace is folding; trailing whitespace is kept as written (like CPython).
		$raw_value = ltrim( (string) preg_replace( '/^.*?:/s', '', (string) $this->raw_header_line( 'subject' ) ) );
		$subject   = HeaderDecoder::decode( '' !== $raw_value ? rtrim( $raw_value, "\r\n" ) : $value, $this->fallback_charset(), $this->sender_hint() );
		return ltrim( (string) preg_replace( '/[\r\n]+/', '', $subject ) );
	}

	/**
	 * First address of the first From header.
	 *
	 * @return array{name: string, address: string}|null
	 */
	public function from(): ?array {
		$value = $this->root->header( 'from' );
		if ( null === $value ) {
			return null;
		}
		$list = HeaderDecoder::addresses( $value, $this->fallback_charset() );
		return $list[0] ?? null;
	}

	/**
	 * Addresses of all headers of a name (To, Cc, Reply-To …).
	 *
	 * @param string $name Field name.
	 * @return list<array{name: string, address: string}>
	 */
	public function addresses( string $name ): array {
		$out = array();
		foreach ( $this->root->header_all( $name ) as $value ) {
			foreach ( HeaderDecoder::addresses( $value, $this->fallback_charset() ) as $address ) {
				$out[] = $address;
			}
		}
		return $out;
	}

	/**
	 * Message-ID as written (trimmed), or null.
	 */
	public function message_id(): ?string {
		$value = $this->root->header( 'message-id' );
		return null === $value || '' === $value ? null : $value;
	}

	/**
	 * The canonical `<id>` form of the Message-ID (or null), for deduplication and threading.
	 */
	public function message_id_token(): ?string {
		return self::token( $this->message_id() );
	}

	/**
	 * In-Reply-To as written, or null.
	 */
	public function in_reply_to(): ?string {
		$value = $this->root->header( 'in-reply-to' );
		return null === $value || '' === $value ? null : $value;
	}

	/**
	 * References tokens, in order.
	 *
	 * @return string[]
	 */
	public function references(): array {
		return HeaderDecoder::message_ids( implode( ' ', $this->root->header_all( 'references' ) ) );
	}

	/**
	 * Every msg-id this message refers to (In-Reply-To first, then References newest first).
	 *
	 * @return string[]
	 */
	public function thread_ids(): array {
		$ids = array();
		$irt = $this->in_reply_to();
		if ( null !== $irt ) {
			$tokens = HeaderDecoder::message_ids( $irt );
			$ids    = array() !== $tokens ? $tokens : array_filter( array( self::token( $irt ) ) );
		}
		foreach ( array_reverse( $this->references() ) as $ref ) {
			$ids[] = $ref;
		}
		return array_values( array_unique( $ids ) );
	}

	/**
	 * `<id>` form of a msg-id value.
	 *
	 * @param string|null $value Header value.
	 */
	public static function token( ?string $value ): ?string {
		if ( null === $value ) {
			return null;
		}
		$tokens = HeaderDecoder::message_ids( $value );
		if ( array() !== $tokens ) {
			return $tokens[0];
		}
		$value = trim( $value, " \t<>" );
		return '' === $value || preg_match( '/\s/', $value ) ? null : '<' . $value . '>';
	}

	/**
	 * Date as an ISO 8601 string, or null when absent or unparseable.
	 */
	public function date(): ?string {
		$value = $this->root->header( 'date' );
		if ( null === $value ) {
			return null;
		}
		$value = trim( (string) preg_replace( '/\([^)]*\)/', '', $value ) );
		// The weekday is redundant and often wrong; PHP would treat it as "next <weekday>".
		$value = trim( (string) preg_replace( '/^[A-Za-z]{2,9}\s*,?\s*(?=\d)/', '', $value ) );
		if ( '' === $value || ! preg_match( '/\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}/', $value ) ) {
			return null;
		}
		try {
			$date = new \DateTimeImmutable( $value );
		} catch ( \Exception $e ) {
			return null;
		}
		return $date->format( 'Y-m-d\TH:i:sP' );
	}

	/**
	 * UTC 'Y-m-d H:i:s' of the Date header, or null.
	 */
	public function date_utc(): ?string {
		$iso = $this->date();
		if ( null === $iso ) {
			return null;
		}
		return ( new \DateTimeImmutable( $iso ) )->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}

	/**
	 * The text body (all inline text pieces; HTML-only mail converted to text).
	 */
	public function text(): string {
		return $this->body()->text;
	}

	/**
	 * The HTML body ('' when the mail had no HTML part), unsanitized.
	 */
	public function html(): string {
		return $this->body()->html;
	}

	/**
	 * Whether a text/plain body part exists.
	 */
	public function has_plain(): bool {
		return $this->body()->has_plain;
	}

	/**
	 * First 80 characters of the body text, whitespace collapsed.
	 */
	public function snippet( int $length = 80 ): string {
		$text = trim( (string) preg_replace( '/\s+/u', ' ', $this->text() ) );
		return mb_substr( $text, 0, $length );
	}

	/**
	 * Attachments: leaf parts with disposition "attachment", or non-text leaf parts with a file
	 * name (not entering message/* parts). Inline images with a file name are included (they are
	 * also in inline_cids()).
	 *
	 * @return list<array{filename: ?string, content_type: string, size: ?int, content_id: ?string, inline: bool, part: Part}>
	 */
	public function attachments(): array {
		$this->body();
		return Files::attachments( $this->root );
	}

	/**
	 * Every leaf part that is not body text: attachments() plus inline resources without a file
	 * name (cid images), report parts and unused text parts. This is what the importer stores.
	 *
	 * @return list<array{filename: ?string, content_type: string, size: ?int, content_id: ?string, inline: bool, part: Part}>
	 */
	public function files(): array {
		return Files::files( $this->root, $this->body() );
	}

	/**
	 * Content-IDs of leaf parts whose disposition is not "attachment".
	 *
	 * @return string[]
	 */
	public function inline_cids(): array {
		return Files::inline_cids( $this->root, $this->body );
	}

	/**
	 * Charset used for raw 8-bit header bytes: the first text part's declared charset.
	 */
	public function fallback_charset(): string {
		if ( null === $this->fallback ) {
			$this->fallback = '';
			foreach ( $this->root->walk() as $part ) {
				if ( 'text' === $part->main_type() && '' !== $part->charset() ) {
					$charset = strtolower( $part->charset() );
					if ( ! in_array( $charset, array( 'us-ascii', 'ascii', 'utf-8', 'utf8' ), true ) ) {
						$this->fallback = $charset;
					}
					break;
				}
			}
		}
		return $this->fallback;
	}

	/**
	 * The sender address bytes as written (for carrier charset selection), without decoding.
	 */
	public function sender_hint(): string {
		$value = (string) $this->root->header( 'from' );
		return preg_match( '/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/', $value, $m ) ? $m[0] : '';
	}

	/**
	 * The body, chosen on first use.
	 */
	private function body(): Body {
		if ( null === $this->body ) {
			$this->body = new Body( $this->root, $this->sender_hint() );
		}
		return $this->body;
	}
}
