<?php
/**
 * Signed reply addresses, Message-IDs and subject tags.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Threading;

/**
 * HMAC signatures that tie outgoing mail to a ticket. The key is derived from the site's salts
 * (wp_salt('auth')); each signature also covers the ticket's random secret, so knowing one ticket's
 * address reveals nothing about another's, and rotating salts invalidates all of them.
 *
 * Formats (lower-case hex, because some MTAs lower-case local parts):
 * - reply address  `support+<ticket>.<sig10>@example.com`
 * - Message-ID     `<sb.<ticket>.<message>.<sig12>@host>`
 * - subject tag    `[#<ticket>-<sig6>]`
 */
final class Signer {

	/**
	 * Builds a signer from a secret key.
	 *
	 * @param string $key Secret key (binary or text).
	 */
	public function __construct( private string $key ) {}

	/**
	 * The signer WordPress uses: key derived from the auth salt.
	 */
	public static function from_wordpress(): self {
		return new self( hash_hmac( 'sha256', 'switchboard-email-threading', wp_salt( 'auth' ), true ) );
	}

	/**
	 * A truncated hex HMAC.
	 *
	 * @param string $purpose What is signed (address, msgid, tag).
	 * @param int    $length  Hex characters.
	 * @param string ...$parts Values.
	 */
	private function sign( string $purpose, int $length, string ...$parts ): string {
		return substr( hash_hmac( 'sha256', $purpose . '|' . implode( '|', $parts ), $this->key ), 0, $length );
	}

	/**
	 * Plus-addressed, signed reply address for a ticket.
	 *
	 * @param string $mailbox Mailbox address (support@example.com).
	 * @param int    $ticket  Ticket id.
	 * @param string $secret  Ticket secret.
	 */
	public function reply_address( string $mailbox, int $ticket, string $secret ): string {
		$at = strrpos( $mailbox, '@' );
		if ( false === $at ) {
			return $mailbox;
		}
		$local = substr( $mailbox, 0, $at );
		$local = strstr( $local, '+', true ) ?: $local;
		return $local . '+' . $ticket . '.' . $this->sign( 'address', 10, (string) $ticket, $secret ) . substr( $mailbox, $at );
	}

	/**
	 * Parses a reply address into ticket id and signature (unverified), or null.
	 *
	 * @param string $address Any address.
	 * @return array{ticket: int, sig: string}|null
	 */
	public static function parse_reply_address( string $address ): ?array {
		if ( preg_match( '/^[^@+]+\+(\d{1,18})\.([0-9a-f]{10})@/i', trim( $address ), $m ) ) {
			return array(
				'ticket' => (int) $m[1],
				'sig'    => strtolower( $m[2] ),
			);
		}
		return null;
	}

	/**
	 * Whether a reply-address signature is valid for a ticket.
	 *
	 * @param int    $ticket Ticket id.
	 * @param string $sig    Signature from the address.
	 * @param string $secret Ticket secret.
	 */
	public function verify_reply_address( int $ticket, string $sig, string $secret ): bool {
		return '' !== $secret && hash_equals( $this->sign( 'address', 10, (string) $ticket, $secret ), strtolower( $sig ) );
	}

	/**
	 * Signed Message-ID for an outgoing message.
	 *
	 * @param int    $ticket  Ticket id.
	 * @param int    $message Message id.
	 * @param string $secret  Ticket secret.
	 * @param string $host    Right-hand side (site host).
	 */
	public function message_id( int $ticket, int $message, string $secret, string $host ): string {
		$host = preg_replace( '/[^A-Za-z0-9.-]/', '', $host ) ?: 'switchboard.invalid';
		return '<sb.' . $ticket . '.' . $message . '.' . $this->sign( 'msgid', 12, (string) $ticket, (string) $message, $secret ) . '@' . $host . '>';
	}

	/**
	 * Parses one of our Message-IDs (unverified), or null.
	 *
	 * @param string $id Message-ID with or without brackets.
	 * @return array{ticket: int, message: int, sig: string}|null
	 */
	public static function parse_message_id( string $id ): ?array {
		if ( preg_match( '/^<?sb\.(\d{1,18})\.(\d{1,18})\.([0-9a-f]{12})@[^>]+>?$/i', trim( $id ), $m ) ) {
			return array(
				'ticket'  => (int) $m[1],
				'message' => (int) $m[2],
				'sig'     => strtolower( $m[3] ),
			);
		}
		return null;
	}

	/**
	 * Whether a Message-ID signature is valid.
	 *
	 * @param int    $ticket  Ticket id.
	 * @param int    $message Message id.
	 * @param string $sig     Signature.
	 * @param string $secret  Ticket secret.
	 */
	public function verify_message_id( int $ticket, int $message, string $sig, string $secret ): bool {
		return '' !== $secret && hash_equals( $this->sign( 'msgid', 12, (string) $ticket, (string) $message, $secret ), strtolower( $sig ) );
	}

	/**
	 * Subject tag for a ticket, e.g. "[#1234-a1b2c3]".
	 *
	 * @param int    $ticket Ticket id.
	 * @param string $secret Ticket secret.
	 */
	public function subject_tag( int $ticket, string $secret ): string {
		return '[#' . $ticket . '-' . $this->sign( 'tag', 6, (string) $ticket, $secret ) . ']';
	}

	/**
	 * Subject tags found in a subject (unverified). A bare "[#1234]" is ignored: it counts only signed.
	 *
	 * @param string $subject Subject.
	 * @return list<array{ticket: int, sig: string}>
	 */
	public static function parse_subject_tags( string $subject ): array {
		preg_match_all( '/\[#(\d{1,18})-([0-9a-f]{6})\]/i', $subject, $m, PREG_SET_ORDER );
		return array_map(
			static fn( array $x ): array => array(
				'ticket' => (int) $x[1],
				'sig'    => strtolower( $x[2] ),
			),
			$m
		);
	}

	/**
	 * Whether a subject-tag signature is valid.
	 *
	 * @param int    $ticket Ticket id.
	 * @param string $sig    Signature.
	 * @param string $secret Ticket secret.
	 */
	public function verify_subject_tag( int $ticket, string $sig, string $secret ): bool {
		return '' !== $secret && hash_equals( $this->sign( 'tag', 6, (string) $ticket, $secret ), strtolower( $sig ) );
	}
}
