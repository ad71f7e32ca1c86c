<?php
/**
 * Who an inbound mail is from and to: sender, our own addresses, mailbox, CC'd people.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;

/**
 * The address decisions of the Importer: the sender (From, else Reply-To, else Sender), whether an
 * address is one of our mailboxes (plus-tags ignored), the mailbox a mail came in through, and the
 * other people it was sent to (recorded on the ticket, never its customer).
 */
final class Participants {

	/**
	 * The sender: first From address, else first Reply-To, else first Sender; null when none.
	 *
	 * @param Message $message Parsed mail.
	 * @return array{name: string, address: string}|null
	 */
	public static function sender( Message $message ): ?array {
		return $message->from() ?? ( $message->addresses( 'reply-to' )[0] ?? ( $message->addresses( 'sender' )[0] ?? null ) );
	}

	/**
	 * Whether an address is one of ours (a "+tag" before the @ ignored).
	 *
	 * @param string   $address Address.
	 * @param string[] $own     Our mailbox addresses.
	 */
	public static function is_own( string $address, array $own ): bool {
		return in_array( (string) preg_replace( '/\+[^@]*@/', '@', $address ), $own, true );
	}

	/**
	 * The mailbox the mail came in through: the one the source names, else the first To/Cc
	 * address that is a mailbox; null when none.
	 *
	 * @param Message   $message    Parsed mail.
	 * @param Mailboxes $mailboxes  Mailboxes.
	 * @param int       $mailbox_id Mailbox named by the source (0: none).
	 * @return array<string, mixed>|null
	 */
	public static function mailbox( Message $message, Mailboxes $mailboxes, int $mailbox_id ): ?array {
		$mailbox = $mailbox_id > 0 ? $mailboxes->get( $mailbox_id ) : null;
		if ( null === $mailbox ) {
			foreach ( array_merge( $message->addresses( 'to' ), $message->addresses( 'cc' ) ) as $to ) {
				$mailbox = $mailboxes->find_by_address( $to['address'] );
				if ( null !== $mailbox ) {
					break;
				}
			}
		}
		return $mailbox;
	}

	/**
	 * Everyone else the mail was sent to (To and Cc): not ours, not the sender.
	 *
	 * @param Message  $message Parsed mail.
	 * @param string[] $own     Our mailbox addresses.
	 * @param string   $from    Sender address.
	 * @return string[]
	 */
	public static function cc( Message $message, array $own, string $from ): array {
		$cc = array();
		foreach ( array_merge( $message->addresses( 'to' ), $message->addresses( 'cc' ) ) as $address ) {
			if ( ! self::is_own( $address['address'], $own ) && $address['address'] !== $from ) {
				$cc[] = $address['address'];
			}
		}
		return $cc;
	}
}
