<?php
/**
 * Finds the ticket an inbound mail belongs to.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Threading;

use Switchboard\Channels\Email\Mime\Message;

/**
 * Deterministic threading, strongest evidence first:
 * 1. In-Reply-To / References naming one of our signed Message-IDs (signature verified);
 * 2. In-Reply-To / References naming a stored message's Message-ID (an earlier customer mail),
 *    only when the sender takes part in that ticket (see may_join());
 * 3. a signed reply address among the recipients (works when a client strips the headers);
 * 4. a signed subject tag "[#1234-abcdef]".
 * Never fuzzy subject matching: "Re: Order problem" from a stranger is a new ticket.
 */
final class Threader {

	/**
	 * Recipient headers searched for signed reply addresses.
	 */
	private const RECIPIENT_HEADERS = array( 'to', 'cc', 'delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to', 'resent-to' );

	/**
	 * Wires the lookups.
	 *
	 * @param Signer          $signer    Signature checks.
	 * @param TicketDirectory $directory Ticket lookups.
	 */
	public function __construct( private Signer $signer, private TicketDirectory $directory ) {}

	/**
	 * The ticket this mail continues, with how it was found.
	 *
	 * @param Message  $message   Parsed mail.
	 * @param string[] $envelope  Envelope recipients (RCPT TO / webhook "recipient"), if known.
	 * @return array{ticket_id: int, via: string}|null
	 */
	public function resolve( Message $message, array $envelope = array() ): ?array {
		$ids = $message->thread_ids();
		foreach ( $ids as $id ) {
			$parsed = Signer::parse_message_id( $id );
			if ( null !== $parsed ) {
				$secret = $this->directory->secret( $parsed['ticket'] );
				if ( null !== $secret && $this->signer->verify_message_id( $parsed['ticket'], $parsed['message'], $parsed['sig'], $secret ) ) {
					return array(
						'ticket_id' => $parsed['ticket'],
						'via'       => 'message-id',
					);
				}
			}
		}
		foreach ( $ids as $id ) {
			$ticket = $this->directory->ticket_for_message_id( $id );
			if ( null !== $ticket && $this->may_join( $ticket, $message ) ) {
				return array(
					'ticket_id' => $ticket,
					'via'       => 'references',
				);
			}
		}

		$addresses = $envelope;
		foreach ( self::RECIPIENT_HEADERS as $header ) {
			foreach ( $message->addresses( $header ) as $address ) {
				$addresses[] = $address['address'];
			}
		}
		foreach ( array_unique( $addresses ) as $address ) {
			$parsed = Signer::parse_reply_address( (string) $address );
			if ( null === $parsed ) {
				continue;
			}
			$secret = $this->directory->secret( $parsed['ticket'] );
			if ( null !== $secret && $this->signer->verify_reply_address( $parsed['ticket'], $parsed['sig'], $secret ) ) {
				return array(
					'ticket_id' => $parsed['ticket'],
					'via'       => 'reply-address',
				);
			}
		}

		foreach ( Signer::parse_subject_tags( (string) $message->subject() ) as $tag ) {
			$secret = $this->directory->secret( $tag['ticket'] );
			if ( null !== $secret && $this->signer->verify_subject_tag( $tag['ticket'], $tag['sig'], $secret ) ) {
				return array(
					'ticket_id' => $tag['ticket'],
					'via'       => 'subject-tag',
				);
			}
		}
		return null;
	}

	/**
	 * Whether the sender of a mail may thread onto a ticket through an unsigned Message-ID.
	 *
	 * The decision: yes for the ticket's customer (any of her addresses) and for everyone the
	 * thread was addressed to (To/Cc recorded on the ticket) — a colleague CC'd by the customer who
	 * replies to all is part of the conversation. Anyone else who merely quotes the Message-ID of a
	 * customer's mail starts a new ticket: customer Message-IDs are not secret (every recipient,
	 * forward and mailing-list archive shows them), so they prove nothing about the sender. The
	 * signed evidence (our Message-IDs, reply address, subject tag) needs no such check: it proves
	 * the sender received our mail. Either way the sender is only the author of that message;
	 * the ticket's customer never changes (the importer resolves the sender to its own identity).
	 *
	 * @param int     $ticket_id Ticket found by Message-ID.
	 * @param Message $message   Inbound mail.
	 */
	private function may_join( int $ticket_id, Message $message ): bool {
		$from = $message->from();
		if ( null === $from ) {
			return false;
		}
		return in_array( strtolower( trim( (string) $from['address'] ) ), $this->directory->participants( $ticket_id ), true );
	}
}
