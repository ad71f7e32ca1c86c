<?php
/**
 * One chat reply, by email, to a visitor who has left.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

/**
 * An agent's chat reply when the visitor is no longer on the site (or left a message because
 * nobody was online): "Re:" the ticket's subject, the reply and how to go on (filter
 * `switchboard_chat_reply_email`). A retried send marks the reply sent.
 */
final class ChatReplyMail extends Notice {

	public const ID = 'chat_reply';

	/**
	 * The email for a reply.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 * @param string               $to      The customer's address.
	 */
	public static function for_reply( array $message, array $ticket, string $to ): self {
		$subject = (string) $ticket['subject'];
		if ( ! preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ) {
			/* translators: %s: ticket subject */
			$subject = sprintf( __( 'Re: %s', 'switchboard' ), $subject );
		}
		$body = (string) $message['body_text'] . "\n\n-- \n" . sprintf(
			/* translators: %s: site name */
			__( 'Reply to this email to continue the conversation with %s.', 'switchboard' ),
			self::site_name()
		);

		/**
		 * Filters the email that carries a chat reply to a visitor who has left.
		 *
		 * @since 0.1.0
		 *
		 * @param array{to: string, subject: string, body: string, headers: string[]} $mail    The email.
		 * @param array<string, mixed>                                                $message Message row.
		 * @param array<string, mixed>                                                $ticket  Ticket row.
		 */
		$mail = apply_filters(
			'switchboard_chat_reply_email',
			array(
				'to'      => $to,
				'subject' => $subject,
				'body'    => $body,
				'headers' => array(),
			),
			$message,
			$ticket
		);
		return new self(
			$ticket,
			array(
				'to'         => $mail['to'],
				'subject'    => $mail['subject'],
				'text'       => $mail['body'],
				'headers'    => $mail['headers'],
				'message_id' => (int) $message['id'],
			)
		);
	}
}
