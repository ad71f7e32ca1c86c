<?php
/**
 * Automatic emails to a ticket's customer (solved + rating link, contact confirmation, chat
 * transcript, a chat reply after the visitor left).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * One way out for the emails Switchboard writes to a customer about a ticket. The email channel,
 * when loaded, sends them (filter `switchboard_pre_customer_mail`) from the ticket's mailbox with
 * the store's styling, a plain-text part and a signed Reply-To and Message-ID — so "just reply to
 * this email" really lands on the ticket. Without it, a plain wp_mail() with "[#id]" in the
 * subject is the fallback.
 */
final class CustomerMail {

	/**
	 * Sends one email about a ticket to its customer.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its secret).
	 * @param array<string, mixed> $mail   to, subject (without the ticket number), text (plain text;
	 *                                     URLs become links), kind (solved, contact_confirmation,
	 *                                     chat_transcript, chat_reply), headers (extra, fallback only),
	 *                                     message_id (the message this email carries, if any: a
	 *                                     retried send marks it sent).
	 */
	public static function send( array $ticket, array $mail ): bool {
		$mail = array(
			'to'         => trim( (string) ( $mail['to'] ?? '' ) ),
			'subject'    => (string) ( $mail['subject'] ?? '' ),
			'text'       => (string) ( $mail['text'] ?? '' ),
			'kind'       => (string) ( $mail['kind'] ?? 'notice' ),
			'headers'    => array_values( array_map( 'strval', (array) ( $mail['headers'] ?? array() ) ) ),
			'message_id' => (int) ( $mail['message_id'] ?? 0 ),
		);
		if ( ! is_email( $mail['to'] ) ) {
			return false;
		}

		/**
		 * Sends a customer email another way. Return true/false when it was handled (sent or
		 * failed), null to leave it to wp_mail(). The email channel hooks here.
		 *
		 * @since 0.1.0
		 *
		 * @param bool|null            $sent   Null.
		 * @param array<string, mixed> $mail   to, subject, text, kind, headers.
		 * @param array<string, mixed> $ticket Ticket row.
		 */
		$sent = apply_filters( 'switchboard_pre_customer_mail', null, $mail, $ticket );
		if ( null !== $sent ) {
			return (bool) $sent;
		}
		return (bool) wp_mail(
			$mail['to'],
			/* translators: 1: ticket number, 2: email subject */
			sprintf( __( '[#%1$d] %2$s', 'switchboard' ), (int) $ticket['id'], $mail['subject'] ),
			$mail['text'],
			$mail['headers']
		);
	}
}
