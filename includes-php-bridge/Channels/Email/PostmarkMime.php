<?php
/**
 * A MIME message rebuilt from Postmark's parsed inbound JSON.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * Postmark only includes the original MIME (RawEmail) when "Include raw email content in JSON
 * payload" is on. Without it, the documented fields are enough to rebuild an equivalent message
 * for the one import path: From/FromFull, To/ToFull, Cc/CcFull, ReplyTo, Subject, Date, the
 * original headers (Headers[]: Message-ID, In-Reply-To, References, Auto-Submitted, List-*, …),
 * TextBody, HtmlBody and Attachments[] (Name, base64 Content, ContentType, ContentID). Everything
 * is re-encoded (RFC 2047 words, base64 bodies), and no value can inject a header line.
 */
final class PostmarkMime {

	/**
	 * Headers rebuilt from the JSON fields, never copied from Headers[].
	 */
	private const OWN = array( 'from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition' );

	/**
	 * The message, or '' when the payload has neither a sender nor any content.
	 *
	 * @param array<string, mixed> $json Decoded payload.
	 */
	public static function build( array $json ): string {
		$from = self::addresses( $json['FromFull'] ?? null, (string) ( $json['From'] ?? '' ) );
		$text = (string) ( $json['TextBody'] ?? '' );
		$html = (string) ( $json['HtmlBody'] ?? '' );
		$atts = array_values( array_filter( (array) ( $json['Attachments'] ?? array() ), 'is_array' ) );
		if ( '' === $from && '' === trim( $text . $html ) && array() === $atts ) {
			return '';
		}

		$headers = array();
		$extra   = array();
		foreach ( (array) ( $json['Headers'] ?? array() ) as $header ) {
			if ( ! is_array( $header ) ) {
				continue;
			}
			$name = trim( (string) ( $header['Name'] ?? '' ) );
			if ( '' === $name || ! preg_match( '/^[!-9;-~]+$/', $name ) || in_array( strtolower( $name ), self::OWN, true ) ) {
				continue;
			}
			$extra[ strtolower( $name ) ] = true;
			$headers[]                    = $name . ': ' . self::clean( (string) ( $header['Value'] ?? '' ) );
		}
		if ( '' !== $from ) {
			array_unshift( $headers, 'From: ' . $from );
		}
		$to = self::addresses( $json['ToFull'] ?? null, (string) ( $json['To'] ?? '' ) );
		if ( '' !== $to ) {
			$headers[] = 'To: ' . $to;
		}
		$cc = self::addresses( $json['CcFull'] ?? null, (string) ( $json['Cc'] ?? '' ) );
		if ( '' !== $cc ) {
			$headers[] = 'Cc: ' . $cc;
		}
		$reply_to = self::addresses( null, (string) ( $json['ReplyTo'] ?? '' ) );
		if ( '' !== $reply_to ) {
			$headers[] = 'Reply-To: ' . $reply_to;
		}
		$headers[] = 'Subject: ' . self::word( (string) ( $json['Subject'] ?? '' ) );
		$date      = strtotime( (string) ( $json['Date'] ?? '' ) );
		$headers[] = 'Date: ' . gmdate( 'D, d M Y H:i:s', false === $date ? time() : $date ) . ' +0000';
		if ( ! isset( $extra['message-id'] ) && '' !== (string) ( $json['MessageID'] ?? '' ) ) {
			// Postmark's own id: stable across its retries, so a repeated POST is still one message.
			$headers[] = 'Message-ID: <' . preg_replace( '/[^A-Za-z0-9._-]/', '', (string) $json['MessageID'] ) . '@inbound.postmarkapp.com>';
		}
		$headers[] = 'MIME-Version: 1.0';

		$body = self::alternative( $text, $html );
		if ( array() !== $atts ) {
			$boundary = 'sb-mixed-' . bin2hex( random_bytes( 8 ) );
			$parts    = array( $body );
			foreach ( $atts as $attachment ) {
				$parts[] = self::attachment( $attachment );
			}
			$body = self::multipart( 'mixed', $boundary, $parts );
		}
		return implode( "\r\n", $headers ) . "\r\n" . $body;
	}

	/**
	 * The text/HTML body as one part (headers + blank line + content).
	 *
	 * @param string $text Text.
	 * @param string $html HTML.
	 */
	private static function alternative( string $text, string $html ): string {
		$plain = self::leaf( 'text/plain; charset=UTF-8', $text );
		if ( '' === $html ) {
			return $plain;
		}
		$rich = self::leaf( 'text/html; charset=UTF-8', $html );
		if ( '' === $text ) {
			return $rich;
		}
		return self::multipart( 'alternative', 'sb-alt-' . bin2hex( random_bytes( 8 ) ), array( $plain, $rich ) );
	}

	/**
	 * One attachment part.
	 *
	 * @param array<string, mixed> $attachment Name, Content (base64), ContentType, ContentID.
	 */
	private static function attachment( array $attachment ): string {
		$name = (string) ( $attachment['Name'] ?? '' );
		$name = '' !== trim( $name ) ? $name : 'attachment';
		$type = strtolower( trim( (string) ( $attachment['ContentType'] ?? '' ) ) );
		$type = preg_match( '~^[a-z0-9.+-]+/[a-z0-9.+-]+$~', $type ) ? $type : 'application/octet-stream';
		$cid  = trim( (string) ( $attachment['ContentID'] ?? '' ), " <>\t" );
		$data = base64_decode( (string) ( $attachment['Content'] ?? '' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- Postmark sends files base64-encoded.
		$head = array(
			'Content-Type: ' . $type . '; name="' . self::quoted( $name ) . '"; name*=' . self::rfc2231( $name ),
			'Content-Disposition: ' . ( '' !== $cid ? 'inline' : 'attachment' ) . '; filename="' . self::quoted( $name ) . '"; filename*=' . self::rfc2231( $name ),
			'Content-Transfer-Encoding: base64',
		);
		if ( '' !== $cid ) {
			$head[] = 'Content-ID: <' . self::clean( $cid ) . '>';
		}
		return implode( "\r\n", $head ) . "\r\n\r\n" . chunk_split( base64_encode( false === $data ? '' : $data ), 76, "\r\n" ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- MIME transfer encoding.
	}

	/**
	 * A base64 leaf part.
	 *
	 * @param string $type    Content-Type value.
	 * @param string $content Content.
	 */
	private static function leaf( string $type, string $content ): string {
		return 'Content-Type: ' . $type . "\r\nContent-Transfer-Encoding: base64\r\n\r\n" . chunk_split( base64_encode( $content ), 76, "\r\n" ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- MIME transfer encoding.
	}

	/**
	 * A multipart part from complete sub-parts.
	 *
	 * @param string   $subtype  mixed|alternative.
	 * @param string   $boundary Boundary.
	 * @param string[] $parts    Parts.
	 */
	private static function multipart( string $subtype, string $boundary, array $parts ): string {
		$out = 'Content-Type: multipart/' . $subtype . '; boundary="' . $boundary . "\"\r\n\r\n";
		foreach ( $parts as $part ) {
			$out .= '--' . $boundary . "\r\n" . $part . "\r\n";
		}
		return $out . '--' . $boundary . "--\r\n";
	}

	/**
	 * An address list from the *Full array (Email, Name), else the plain string.
	 *
	 * @param mixed  $full  FromFull (object) or ToFull/CcFull (list).
	 * @param string $plain The plain header value.
	 */
	private static function addresses( $full, string $plain ): string {
		if ( is_array( $full ) && isset( $full['Email'] ) ) {
			$full = array( $full );
		}
		$out = array();
		foreach ( is_array( $full ) ? $full : array() as $entry ) {
			$email = is_array( $entry ) ? self::clean( (string) ( $entry['Email'] ?? '' ) ) : '';
			if ( '' === $email || ! str_contains( $email, '@' ) ) {
				continue;
			}
			$email = str_replace( array( '<', '>', ',', ' ', '"' ), '', $email );
			$name  = trim( self::clean( (string) ( $entry['Name'] ?? '' ) ) );
			$out[] = '' === $name ? $email : self::word( $name, true ) . ' <' . $email . '>';
		}
		return array() !== $out ? implode( ', ', $out ) : self::clean( $plain );
	}

	/**
	 * A header text as is when plain ASCII, else RFC 2047 encoded words (UTF-8, base64).
	 *
	 * @param string $text   Text.
	 * @param bool   $phrase A display name (quoted when it has specials).
	 */
	private static function word( string $text, bool $phrase = false ): string {
		$text = self::clean( $text );
		if ( ! preg_match( '/[^\x20-\x7e]/', $text ) ) {
			return $phrase && preg_match( '/[()<>\[\]:;@\\\\,."]/', $text ) ? '"' . self::quoted( $text ) . '"' : $text;
		}
		$words = array();
		foreach ( mb_str_split( $text, 10, 'UTF-8' ) as $chunk ) {
			$words[] = '=?UTF-8?B?' . base64_encode( $chunk ) . '?='; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- RFC 2047.
		}
		return implode( "\r\n ", $words );
	}

	/**
	 * RFC 2231 extended value.
	 *
	 * @param string $text Text.
	 */
	private static function rfc2231( string $text ): string {
		return "UTF-8''" . rawurlencode( self::clean( $text ) );
	}

	/**
	 * Text for a quoted-string (ASCII stand-in for non-ASCII; the RFC 2231 form carries the name).
	 *
	 * @param string $text Text.
	 */
	private static function quoted( string $text ): string {
		return addcslashes( (string) preg_replace( '/[^\x20-\x7e]/', '_', self::clean( $text ) ), '"\\' );
	}

	/**
	 * No line breaks (header injection) or NULs.
	 *
	 * @param string $value Value.
	 */
	private static function clean( string $value ): string {
		return trim( (string) preg_replace( '/[\r\n\0]+/', ' ', $value ) );
	}
}
