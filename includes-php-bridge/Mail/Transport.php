<?php
/**
 * The one way out for every mail Switchboard sends.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Email\Mailer;
use Switchboard\Channels\Email\Template;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Tickets\Messages;

/**
 * Sends an Email. While the email channel is loaded (it says so with email_channel( true ) when
 * it registers), a mail about a ticket goes through its Mailer: From the ticket's mailbox (the
 * site's address when there is none) and through that mailbox's SMTP server, in the store's
 * email frame with a plain-text part, the signed subject tag, Reply-To and Message-ID (an answer
 * by email lands on the ticket), In-Reply-To/References of the thread and Auto-Submitted.
 * Otherwise — and for mail that belongs to no customer thread, like mentions to agents — it is
 * a plain-text wp_mail(): the one fallback.
 */
final class Transport {

	/**
	 * Whether the email channel is loaded.
	 *
	 * @var bool
	 */
	private static bool $email_channel = false;

	/**
	 * Turns the email channel's Mailer on or off as the transport (its Module turns it on);
	 * returns the previous state.
	 *
	 * @param bool $on On.
	 */
	public static function email_channel( bool $on ): bool {
		$was                 = self::$email_channel;
		self::$email_channel = $on;
		return $was;
	}

	/**
	 * Whether mail about tickets goes through the email channel's Mailer.
	 */
	public static function uses_email_channel(): bool {
		return self::$email_channel;
	}

	/**
	 * Sends one mail. True, or what went wrong.
	 *
	 * @param Email $mail The mail.
	 * @return true|string
	 */
	public function send( Email $mail ) {
		$ticket = $mail->ticket();
		if ( null === $ticket || ! self::$email_channel ) {
			return $this->send_plain( $mail );
		}
		$mailer  = new Mailer();
		$mailbox = $mail->mailbox() ?? $mailer->mailbox_for( $ticket );
		$signer  = Signer::from_wordpress();
		$id      = (int) $ticket['id'];
		$secret  = (string) $ticket['secret'];
		$from    = (string) ( $mailbox['address'] ?? get_option( 'admin_email' ) );
		$host    = (string) ( wp_parse_url( home_url(), PHP_URL_HOST ) ?: 'localhost' );
		$number  = $mail->number();
		$subject = $mail->subject() . ' ' . $signer->subject_tag( $id, $secret );
		$thread  = $mail->threading();
		if ( null === $thread ) {
			$refs   = self::references( ( new Messages() )->for_ticket( $id, true ), $number );
			$thread = array(
				'in_reply_to' => (string) ( end( $refs ) ?: '' ),
				'references'  => implode( ' ', $refs ),
			);
		}
		$message = $this->filter(
			array(
				'kind'        => $mail->kind(),
				'to'          => $mail->recipient(),
				'from'        => $from,
				'from_name'   => (string) ( $mailbox['name'] ?? '' ) !== '' ? (string) $mailbox['name'] : get_bloginfo( 'name' ),
				'reply_to'    => $signer->reply_address( $from, $id, $secret ),
				'subject'     => $subject,
				'html'        => Template::wrap( $mail->html(), $subject ),
				'text'        => $mail->text(),
				'message_id'  => $signer->message_id( $id, $number, $secret, $host ),
				'in_reply_to' => $thread['in_reply_to'],
				'references'  => $thread['references'],
				'ticket_id'   => $id,
				'attachments' => $mail->attachments(),
				'auto'        => $mail->auto(),
				'smtp'        => null === $mailbox ? null : Mailer::smtp_settings( $mailbox ),
			),
			$mail
		);
		$result  = $mailer->send( $message );
		$mail->sent_as( (string) $message['message_id'], (string) $message['to'] );
		return $result;
	}

	/**
	 * The fallback: a plain-text wp_mail().
	 *
	 * @param Email $mail The mail.
	 * @return true|string
	 */
	private function send_plain( Email $mail ) {
		$plain = $this->filter( $mail->plain() + array( 'kind' => $mail->kind() ), $mail );
		$error = '';
		$catch = static function ( \WP_Error $e ) use ( &$error ): void {
			$error = $e->get_error_message();
		};
		add_action( 'wp_mail_failed', $catch );
		try {
			$ok = wp_mail( (string) $plain['to'], (string) $plain['subject'], (string) $plain['text'], (array) $plain['headers'] );
		} finally {
			remove_action( 'wp_mail_failed', $catch );
		}
		return $ok ? true : ( '' !== $error ? $error : 'wp_mail failed' );
	}

	/**
	 * The final message, filtered.
	 *
	 * @param array<string, mixed> $message The message as it will be sent.
	 * @param Email                $mail    Its mail.
	 * @return array<string, mixed>
	 */
	private function filter( array $message, Email $mail ): array {
		/**
		 * Filters every mail Switchboard sends, just before it leaves. Through the email channel
		 * it has to, from, from_name, reply_to, subject (with the signed tag), html (framed), text,
		 * message_id, in_reply_to, references, ticket_id, attachments, auto and smtp; as a plain
		 * wp_mail() to, subject, text and headers. Both have kind (Mails::KINDS, as events name it).
		 *
		 * @since 0.2.0
		 *
		 * @param array<string, mixed> $message The message.
		 * @param Email                $mail    The mail kind's object (ticket(), recipient(), …).
		 */
		$filtered = apply_filters( 'switchboard_customer_mail', $message, $mail );
		return is_array( $filtered ) ? $filtered + $message : $message;
	}

	/**
	 * The Message-IDs of a thread (at most the last 20), for References and In-Reply-To.
	 *
	 * @param array<int, array<string, mixed>> $thread  Public messages, oldest first.
	 * @param int                              $exclude The message being sent (0: none).
	 * @return string[]
	 */
	public static function references( array $thread, int $exclude = 0 ): array {
		$refs = array();
		foreach ( $thread as $row ) {
			$id = (string) ( $row['meta']['email']['message_id'] ?? '' );
			if ( '' !== $id && (int) $row['id'] !== $exclude ) {
				$refs[] = $id;
			}
		}
		return array_slice( array_values( array_unique( $refs ) ), -20 );
	}
}
