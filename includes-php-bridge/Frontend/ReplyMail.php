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
 *
 * When the email channel is loaded it sends these replies too (Channels\Email\Mailer: the store's
 * email styling, From the mailbox, signed Reply-To and Message-ID so an answer by email threads
 * onto the ticket, the mailbox's SMTP, delivery status and retries); this class then only adds the
 * signed link. Without it, a plain-text wp_mail() is the fallback.
 */
final class ReplyMail {

	public const CHANNELS = array( 'web', 'account' );

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'switchboard_deliver_message', array( $this, 'deliver' ), 10, 2 );
		add_filter( 'switchboard_email_reply_channels', array( $this, 'channels' ) );
		add_filter( 'switchboard_email_reply_extra', array( $this, 'extra' ), 10, 3 );
	}

	/**
	 * Hands web and My Account replies to the email channel's Mailer.
	 *
	 * @param string[] $channels Channels the Mailer sends.
	 * @return string[]
	 */
	public function channels( $channels ): array {
		return array_values( array_unique( array_merge( (array) $channels, self::CHANNELS ) ) );
	}

	/**
	 * The signed link to read and answer the ticket online, added to a web or My Account reply
	 * the Mailer sends.
	 *
	 * @param array{html: string, text: string} $extra   What the reply gets after its body.
	 * @param array<string, mixed>              $message Message row.
	 * @param array<string, mixed>              $ticket  Ticket row.
	 * @return array{html: string, text: string}
	 */
	public function extra( $extra, $message, $ticket ): array {
		$extra   = (array) $extra;
		$message = (array) $message;
		$ticket  = (array) $ticket;
		$out     = array(
			'html' => (string) ( $extra['html'] ?? '' ),
			'text' => (string) ( $extra['text'] ?? '' ),
		);
		if ( ! in_array( (string) ( $message['channel'] ?? '' ), self::CHANNELS, true ) ) {
			return $out;
		}
		$link         = Links::signed( $ticket, (string) ( ( new TicketService() )->get_meta( (int) $ticket['id'], 'page' ) ?? '' ) );
		$label        = __( 'Read the whole conversation and reply here (no login needed):', 'switchboard' );
		$out['html'] .= '<p style="margin-top:24px;">' . esc_html( $label ) . '<br><a href="' . esc_url( $link ) . '">' . esc_html( __( 'View your request', 'switchboard' ) ) . '</a></p>';
		$out['text'] .= "\n\n—\n" . $label . "\n" . $link;
		return $out;
	}

	/**
	 * Whether the email channel sends these replies (its module is loaded).
	 */
	public static function email_channel_active(): bool {
		/**
		 * Whether the email channel is loaded and sends web and My Account replies.
		 *
		 * @since 0.1.0
		 *
		 * @param bool $active Set true by the email channel.
		 */
		return (bool) apply_filters( 'switchboard_email_channel_active', false );
	}

	/**
	 * Delivers one reply with a plain wp_mail() when the email channel is not loaded.
	 *
	 * @param array<string, mixed> $message Message row.
	 * @param array<string, mixed> $ticket  Ticket row.
	 */
	public function deliver( $message, $ticket ): void {
		$message = (array) $message;
		$ticket  = (array) $ticket;
		if ( ! in_array( (string) ( $message['channel'] ?? '' ), self::CHANNELS, true ) || self::email_channel_active() ) {
			return; // Not ours, or the email channel's Mailer sends it.
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
