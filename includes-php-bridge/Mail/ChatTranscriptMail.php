<?php
/**
 * The transcript of a chat, by email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Channels\Chat\ChatMessages;

/**
 * The public messages of a chat ticket, one paragraph each: "Name (HH:MM UTC): text". Only for
 * an owner who proved her address (Channels\Chat\Transcript sends AddressConfirmationMail
 * otherwise).
 */
final class ChatTranscriptMail extends Notice {

	public const ID = 'chat_transcript';

	/**
	 * The transcript of a chat ticket.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param string               $to     The customer's address.
	 */
	public static function for_ticket( array $ticket, string $to ): self {
		$lines = array();
		foreach ( ( new ChatMessages() )->visitor_messages( (int) $ticket['id'], 0 ) as $m ) {
			$lines[] = sprintf( '%1$s (%2$s UTC): %3$s', $m['author']['name'], gmdate( 'H:i', (int) strtotime( (string) $m['created_at'] ) ), $m['text'] );
		}
		return new self(
			$ticket,
			array(
				'to'      => $to,
				/* translators: %s: site name */
				'subject' => sprintf( __( 'Your chat with %s', 'switchboard' ), self::site_name() ),
				'text'    => implode( "\n\n", $lines ) . "\n",
			)
		);
	}
}
