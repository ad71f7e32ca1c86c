<?php
/**
 * Tells customer mail from automatic mail: bounces, auto-replies, receipts, reports, lists (RFC 3834).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\HeaderDecoder;
use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Mime\Part;

/**
 * Classification of inbound mail.
 *
 * Kinds:
 * - `bounce`     delivery failure (DSN, or a mailer-daemon's plain-text report): never a ticket; it
 *                marks the outgoing message it answers as bounced.
 * - `receipt`    read/delivery receipt (MDN): noted on its ticket, never reopens it.
 * - `report`     other machine reports (ARF abuse feedback …).
 * - `auto_reply` out-of-office and other auto-responses: recorded, never acknowledged, never reopen.
 * - `list`       list/bulk/junk mail a human may have written: a normal ticket, never acknowledged.
 * - `normal`     everything else (including `Auto-Submitted: no`).
 */
final class Classifier {

	public const BOUNCE     = 'bounce';
	public const RECEIPT    = 'receipt';
	public const REPORT     = 'report';
	public const AUTO_REPLY = 'auto_reply';
	public const LIST       = 'list';
	public const NORMAL     = 'normal';

	private const DAEMON = '/^(mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|mail\.delivery\.subsystem|bounces?|mdaemon|nobody-bounce)(@|$)/i';

	private const BOUNCE_SUBJECT = '/undeliver|delivery status notification|returned mail|delivery fail|failure notice|mail delivery failed|delivery has failed|non.?deliver|could not be delivered|not be delivered|undelivered|delivery problem|mail system error|メールエラー|未達|配信エラー|送信エラー|配送エラー|エラー通知|unzustellbar|non recapitabile|non remis|no entregado/iu';

	private const AUTO_SUBJECT = '/^\s*(auto(matic|matische)?[ _-]?(reply|response|antwort|respuesta)|autoreply|auto-reply|out of (the )?office|abwesenheit|réponse automatique|respuesta automática|risposta automatica|resposta automática|automatisch antwoord|自動応答|自動返信|不在|vacation|away from (the )?office)/iu';

	/**
	 * Whether the headers alone say "automatic" (the oracle's rule in expected.json): Auto-Submitted
	 * other than "no", Precedence bulk/junk/list/auto_reply, X-Autoreply/X-Autorespond, or a
	 * top-level multipart/report.
	 *
	 * @param Message $message Parsed mail.
	 */
	public static function is_auto_by_headers( Message $message ): bool {
		$auto = strtolower( trim( (string) $message->header( 'auto-submitted' ) ) );
		if ( '' !== $auto && ! str_starts_with( $auto, 'no' ) ) {
			return true;
		}
		$precedence = strtolower( trim( (string) $message->header( 'precedence' ) ) );
		if ( in_array( $precedence, array( 'bulk', 'junk', 'list', 'auto_reply' ), true ) ) {
			return true;
		}
		if ( null !== $message->header( 'x-autoreply' ) || null !== $message->header( 'x-autorespond' ) ) {
			return true;
		}
		return str_starts_with( strtolower( ltrim( (string) $message->header( 'content-type' ) ) ), 'multipart/report' );
	}

	/**
	 * The kind of a message (see the class comment).
	 *
	 * @param Message $message Parsed mail.
	 */
	public static function classify( Message $message ): string {
		$content_type = strtolower( (string) $message->header( 'content-type' ) );
		$report_type  = '';
		if ( str_starts_with( ltrim( $content_type ), 'multipart/report' ) ) {
			$report_type = strtolower( HeaderDecoder::parameters( $content_type )[1]['report-type'] ?? '' );
		}
		$from    = (string) ( $message->from()['address'] ?? '' );
		$subject = (string) $message->subject();
		$daemon  = (bool) preg_match( self::DAEMON, $from );

		if ( in_array( $report_type, array( 'delivery-status', 'global-delivery-status' ), true ) ) {
			return self::BOUNCE;
		}
		if ( 'disposition-notification' === $report_type || null !== $message->header( 'original-message-id' ) && str_contains( $content_type, 'disposition' ) ) {
			return self::RECEIPT;
		}
		if ( '' !== $report_type ) {
			return self::REPORT;
		}
		if ( null !== $message->header( 'x-failed-recipients' ) ) {
			return self::BOUNCE;
		}
		$bounce_subject = (bool) preg_match( self::BOUNCE_SUBJECT, $subject );
		if ( $daemon && ( $bounce_subject || self::has_returned_message( $message->root ) || str_starts_with( ltrim( $content_type ), 'multipart/report' ) ) ) {
			return self::BOUNCE;
		}
		if ( $bounce_subject && ( self::has_returned_message( $message->root ) || preg_match( '/^(no-?reply|mailer|mail-?daemon|postmaster)/i', $from ) ) ) {
			return self::BOUNCE;
		}

		$auto = strtolower( trim( (string) $message->header( 'auto-submitted' ) ) );
		if ( '' !== $auto && ! str_starts_with( $auto, 'no' ) ) {
			return self::AUTO_REPLY;
		}
		$precedence = strtolower( trim( (string) $message->header( 'precedence' ) ) );
		if ( 'auto_reply' === $precedence
			|| null !== $message->header( 'x-autoreply' )
			|| null !== $message->header( 'x-autorespond' )
			|| null !== $message->header( 'x-autoresponder' )
			|| null !== $message->header( 'x-ms-exchange-inbox-rules-loop' )
			|| 'reply' === strtolower( (string) $message->header( 'x-autogenerated' ) )
			|| preg_match( self::AUTO_SUBJECT, $subject )
		) {
			return self::AUTO_REPLY;
		}
		if ( in_array( $precedence, array( 'bulk', 'list', 'junk' ), true )
			|| null !== $message->header( 'list-id' )
			|| null !== $message->header( 'list-unsubscribe' )
			|| null !== $message->header( 'list-post' )
			|| null !== $message->header( 'x-mailing-list' )
		) {
			return self::LIST;
		}
		return self::NORMAL;
	}

	/**
	 * Whether we may send an automatic response (acknowledgement) to this mail: only to normal mail
	 * whose sender did not ask for none, and never to ourselves (RFC 3834 §2).
	 *
	 * @param Message $message Parsed mail.
	 */
	public static function may_auto_respond( Message $message ): bool {
		if ( self::NORMAL !== self::classify( $message ) ) {
			return false;
		}
		$suppress = strtolower( (string) $message->header( 'x-auto-response-suppress' ) );
		if ( '' !== $suppress && preg_match( '/\b(all|autoreply|oof)\b/', $suppress ) ) {
			return false;
		}
		$from = (string) ( $message->from()['address'] ?? '' );
		if ( '' === $from || preg_match( self::DAEMON, $from ) || preg_match( '/^(no-?reply|do-?not-?reply)/i', $from ) ) {
			return false;
		}
		$return_path = trim( (string) $message->header( 'return-path' ) );
		return '<>' !== $return_path;
	}

	/**
	 * Delivery-status details of a bounce: recipients, status codes, diagnostic and the Message-IDs
	 * of the returned original (from message/rfc822 or text/rfc822-headers parts, else any msg-id
	 * in the text).
	 *
	 * @param Message $message Parsed bounce.
	 * @return array{recipients: string[], status: string, action: string, diagnostic: string, message_ids: string[]}
	 */
	public static function dsn( Message $message ): array {
		$out = array(
			'recipients'  => array(),
			'status'      => '',
			'action'      => '',
			'diagnostic'  => '',
			'message_ids' => array(),
		);
		foreach ( $message->root->walk() as $part ) {
			if ( in_array( $part->type, array( 'message/delivery-status', 'message/global-delivery-status' ), true ) ) {
				$fields = str_replace( "\r\n", "\n", $part->body() );
				foreach ( preg_split( '/\n(?![ \t])/', $fields ) ?: array() as $line ) {
					if ( ! str_contains( $line, ':' ) ) {
						continue;
					}
					list( $name, $value ) = array_map( 'trim', explode( ':', $line, 2 ) );
					$value                = trim( (string) preg_replace( '/\s+/', ' ', $value ) );
					switch ( strtolower( $name ) ) {
						case 'final-recipient':
						case 'original-recipient':
							$address = strtolower( trim( (string) preg_replace( '/^[^;]*;/', '', $value ), ' <>' ) );
							if ( '' !== $address && ! in_array( $address, $out['recipients'], true ) ) {
								$out['recipients'][] = $address;
							}
							break;
						case 'status':
							$out['status'] = '' === $out['status'] ? $value : $out['status'];
							break;
						case 'action':
							$out['action'] = '' === $out['action'] ? strtolower( $value ) : $out['action'];
							break;
						case 'diagnostic-code':
							$out['diagnostic'] = '' === $out['diagnostic'] ? trim( (string) preg_replace( '/^[^;]*;/', '', $value ) ) : $out['diagnostic'];
							break;
					}
				}
			}
			if ( in_array( $part->type, array( 'message/rfc822', 'message/global', 'text/rfc822-headers' ), true ) ) {
				$inner = $part->embedded_headers();
				if ( null !== $inner ) {
					$id = Message::token( $inner->header( 'message-id' ) );
					if ( null !== $id ) {
						$out['message_ids'][] = $id;
					}
				}
			}
		}
		foreach ( $message->root->header_all( 'x-failed-recipients' ) as $value ) {
			foreach ( preg_split( '/\s*,\s*/', $value ) ?: array() as $address ) {
				$address = strtolower( trim( $address, ' <>' ) );
				if ( '' !== $address && ! in_array( $address, $out['recipients'], true ) ) {
					$out['recipients'][] = $address;
				}
			}
		}
		// Plain-text bounces: any msg-id in the body (our signed ones are recognised by the importer).
		$raw  = $message->raw();
		$body = (string) substr( $raw, $message->root->body_start, 2 * 1024 * 1024 );
		preg_match_all( '/<[^<>\s@]+@[^<>\s@]+>/', $body, $m );
		foreach ( $m[0] as $id ) {
			if ( ! in_array( $id, $out['message_ids'], true ) ) {
				$out['message_ids'][] = $id;
			}
		}
		if ( '' === $out['status'] && preg_match( '/\b([245]\.\d{1,3}\.\d{1,3})\b/', $message->text(), $sm ) ) {
			$out['status'] = $sm[1];
		}
		if ( array() === $out['recipients'] && preg_match( '/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/', $message->text(), $am ) ) {
			$out['recipients'][] = strtolower( $am[0] );
		}
		return $out;
	}

	/**
	 * Whether the mail carries a returned message (message/rfc822 or text/rfc822-headers).
	 *
	 * @param Part $root Root part.
	 */
	private static function has_returned_message( Part $root ): bool {
		foreach ( $root->walk() as $part ) {
			if ( in_array( $part->type, array( 'message/rfc822', 'text/rfc822-headers', 'message/delivery-status' ), true ) ) {
				return true;
			}
		}
		return false;
	}
}
