<?php
/**
 * Emails an agent's reply on a contact-form or My Account ticket to its customer.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * The web form and the account screens have no outbound channel of their own: a public agent
 * reply whose channel is `web` or `account` goes to the customer by email, with the reply and a
 * signed link to read the thread and answer (no login needed). Email and chat tickets are
 * delivered by their channels.
 */
final class ReplyMail {

	public const CHANNELS = array( 'web', 'account' );

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'switchboard_deliver_message', array( $this, 'deliver' ), 10, 2 );
	}

	/**
	 * Delivers one reply.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( $message, $ticket ): void {
		$message = (array) $message;
		$ticket  = (array) $ticket;
		if ( ! in_array( (string) ( $message['channel'] ?? '' ), self::CHANNELS, true ) ) {
			return;
		}
		$messages = new Messages();
		$mail     = self::build( $message, $ticket, (string) ( ( new TicketService() )->get_meta( (int) $ticket['id'], 'page' ) ?? '' ) );
		if ( null === $mail ) {
			$messages->set_delivery_status( (int) $message['id'], 'failed', __( 'The customer has no email address.', 'switchboard' ) );
			return;
		}
		$sent = wp_mail( $mail['to'], $mail['subject'], $mail['body'] );
		$messages->set_delivery_status( (int) $message['id'], $sent ? 'sent' : 'failed', $sent ? '' : __( 'The mail server refused the email.', 'switchboard' ) );
	}

	/**
	 * The email, or null when the customer has no address (or a filter said so).
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 * @param string               $page    The page the ticket was sent from ('' when unknown).
	 * @return array{to: string, subject: string, body: string, link: string}|null
	 */
	public static function build( array $message, array $ticket, string $page = '' ): ?array {
		$customer = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$to       = (string) ( $customer['email'] ?? '' );
		if ( ! is_email( $to ) ) {
			return null;
		}
		$link = Links::signed( $ticket, $page );
		$text = trim( (string) ( $message['body_text'] ?? '' ) );
		if ( '' === $text ) {
			$text = trim( wp_strip_all_tags( (string) ( $message['body_html'] ?? '' ) ) );
		}
		$mail = array(
			'to'      => $to,
			'subject' => sprintf(
				/* translators: 1: ticket number, 2: ticket subject */
				__( '[#%1$d] New reply: %2$s', 'switchboard' ),
				(int) $ticket['id'],
				(string) $ticket['subject']
			),
			'body'    => sprintf(
				/* translators: 1: the reply, 2: signed link to the request, 3: site name */
				__( "%1\$s\n\n—\nRead the whole conversation and reply here (no login needed):\n%2\$s\n\n%3\$s", 'switchboard' ),
				$text,
				$link,
				wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES )
			),
			'link'    => $link,
		);

		/**
		 * Filters the email that brings an agent's reply on a web or My Account ticket to the
		 * customer (return null to send none).
		 *
		 * @since 0.1.0
		 *
		 * @param array{to: string, subject: string, body: string, link: string}|null $mail    The email.
		 * @param array<string, mixed>                                                $message Message row.
		 * @param array<string, mixed>                                                $ticket  Ticket row.
		 */
		$mail = apply_filters( 'switchboard_reply_mail', $mail, $message, $ticket );
		return is_array( $mail ) && ! empty( $mail['to'] ) ? $mail : null;
	}
}
