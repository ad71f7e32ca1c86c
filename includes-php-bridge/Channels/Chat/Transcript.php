<?php
/**
 * Chat transcripts and replies by email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

/**
 * Plain-text mail to the chat's customer: a whole transcript at the end of a chat, or a single
 * reply when the visitor has left (or left a message because nobody was online).
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
		$lines = array();
		foreach ( Rest\VisitorController::visitor_messages( $ticket_id, 0 ) as $m ) {
			$lines[] = sprintf( '%1$s (%2$s UTC): %3$s', $m['author']['name'], gmdate( 'H:i', (int) strtotime( (string) $m['created_at'] ) ), $m['text'] );
		}
		return (bool) wp_mail(
			$to,
			/* translators: %s: site name */
			sprintf( __( 'Your chat with %s', 'switchboard' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ),
			implode( "\n\n", $lines ) . "\n"
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
		$subject = sprintf(
			/* translators: 1: ticket number, 2: ticket subject */
			__( '[#%1$d] Re: %2$s', 'switchboard' ),
			(int) $ticket['id'],
			(string) $ticket['subject']
		);
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
		return (bool) wp_mail( $mail['to'], $mail['subject'], $mail['body'], $mail['headers'] );
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
