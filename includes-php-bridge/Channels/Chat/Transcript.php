<?php
/**
 * Chat transcripts and replies by email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Frontend\ConfirmationMail;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\CustomerMail;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\TicketService;

/**
 * Mail to the chat's customer: a whole transcript at the end of a chat, or a single reply when the
 * visitor has left (or left a message because nobody was online). Sent through
 * Tickets\CustomerMail, so with the email channel an answer by email lands on the chat ticket.
 */
final class Transcript {

	/**
	 * Emails the public transcript of a chat ticket to its customer.
	 */
	public function send( int $ticket_id ): bool {
		$ticket = ( new TicketService() )->get( $ticket_id );
		$to     = $ticket ? $this->email( $ticket ) : '';
		if ( '' === $to ) {
			return false;
		}
		if ( SenderCheck::is_pending( $ticket_id ) ) {
			// A visitor typed this address and nobody proved it is hers: her mailbox gets the
			// fixed confirmation text with the signed link, never the chat's words.
			return ConfirmationMail::send( $ticket, $to, Links::signed( $ticket ) );
		}
		$lines = array();
		foreach ( ( new ChatMessages() )->visitor_messages( $ticket_id, 0 ) as $m ) {
			$lines[] = sprintf( '%1$s (%2$s UTC): %3$s', $m['author']['name'], gmdate( 'H:i', (int) strtotime( (string) $m['created_at'] ) ), $m['text'] );
		}
		return CustomerMail::send(
			$ticket,
			array(
				'to'      => $to,
				/* translators: %s: site name */
				'subject' => sprintf( __( 'Your chat with %s', 'switchboard' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ),
				'text'    => implode( "\n\n", $lines ) . "\n",
				'kind'    => 'chat_transcript',
			)
		);
	}

	/**
	 * Emails one agent reply to the customer (the visitor is no longer on the site).
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function send_reply( array $message, array $ticket ): bool {
		$to = $this->email( $ticket );
		if ( '' === $to ) {
			return false;
		}
		$subject = (string) $ticket['subject'];
		if ( ! preg_match( '/^(re|aw|sv|antw?)\s*:/i', $subject ) ) {
			/* translators: %s: ticket subject */
			$subject = sprintf( __( 'Re: %s', 'switchboard' ), $subject );
		}
		$body = (string) $message['body_text'] . "\n\n-- \n" . sprintf(
			/* translators: %s: site name */
			__( 'Reply to this email to continue the conversation with %s.', 'switchboard' ),
			wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES )
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
		return CustomerMail::send(
			$ticket,
			array(
				'to'         => $mail['to'],
				'subject'    => $mail['subject'],
				'text'       => $mail['body'],
				'headers'    => $mail['headers'],
				'kind'       => 'chat_reply',
				'message_id' => (int) $message['id'],
			)
		);
	}

	/**
	 * The customer's address, or "".
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	private function email( array $ticket ): string {
		$customer = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$email    = (string) ( $customer['email'] ?? '' );
		return is_email( $email ) ? $email : '';
	}
}
