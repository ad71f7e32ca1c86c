<?php
/**
 * Chat replies sent by email carry the email channel's signed threading.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Channels\Email\Mailer;
use Switchboard\Channels\Email\Threading\Signer;

/**
 * When a chat reply goes to a visitor who has left (or left a message), her answer by email must
 * land on the same ticket: the mail gets the ticket's signed subject tag and, when a support
 * mailbox is configured, its signed Reply-To address — the same ones the email channel's replies
 * carry, so its importer threads the answer. Without the email channel nothing changes.
 */
final class ReplyThreading {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_chat_reply_email', array( $this, 'sign' ), 10, 3 );
	}

	/**
	 * Adds the signed subject tag and Reply-To.
	 *
	 * @param array{to: string, subject: string, body: string, headers: string[]} $mail    The email.
	 * @param array<string, mixed>                                                $message Message row.
	 * @param array<string, mixed>                                                $ticket  Ticket row.
	 * @return array{to: string, subject: string, body: string, headers: string[]}
	 */
	public function sign( $mail, $message, $ticket ) {
		unset( $message );
		$secret = (string) ( $ticket['secret'] ?? '' );
		if ( ! is_array( $mail ) || '' === $secret || ! class_exists( Signer::class ) ) {
			return $mail;
		}
		$signer  = Signer::from_wordpress();
		$id      = (int) $ticket['id'];
		$subject = (string) $ticket['subject'];
		if ( ! preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ) {
			$subject = 'Re: ' . $subject;
		}
		$mail['subject'] = $subject . ' ' . $signer->subject_tag( $id, $secret );
		$mailbox         = class_exists( Mailer::class ) ? ( new Mailer() )->mailbox_for( $ticket ) : null;
		$address         = (string) ( $mailbox['address'] ?? '' );
		if ( is_email( $address ) ) {
			$mail['headers']   = (array) ( $mail['headers'] ?? array() );
			$mail['headers'][] = 'Reply-To: ' . $signer->reply_address( $address, $id, $secret );
		}
		return $mail;
	}
}
