<?php
/**
 * Inbound bounces (delivery status notifications) for outgoing ticket mail.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Threading\CoreDirectory;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Tickets\Messages;

/**
 * Matches a bounce to the outgoing message it reports, for the Importer.
 */
final class Bounces {

	/**
	 * Bounce: marks the outgoing message it reports as bounced (found by our signed Message-ID, or
	 * by the Message-ID we stored on an outgoing message). Never creates a ticket.
	 *
	 * @param Message $message Bounce.
	 * @return array<string, mixed>
	 */
	public function handle( Message $message ): array {
		$dsn    = Classifier::dsn( $message );
		$signer = Signer::from_wordpress();
		$dir    = new CoreDirectory();
		$repo   = new Messages();
		$error  = trim( implode( ' ', array_filter( array( $dsn['status'], $dsn['diagnostic'], implode( ', ', $dsn['recipients'] ) ) ) ) );
		foreach ( $dsn['message_ids'] as $id ) {
			$parsed = Signer::parse_message_id( $id );
			if ( null === $parsed ) {
				continue;
			}
			$secret = $dir->secret( $parsed['ticket'] );
			$row    = $repo->get( $parsed['message'] );
			if ( null !== $secret && null !== $row && (int) $row['ticket_id'] === $parsed['ticket'] && $signer->verify_message_id( $parsed['ticket'], $parsed['message'], $parsed['sig'], $secret ) ) {
				$repo->set_delivery_status( $parsed['message'], 'bounced', '' !== $error ? $error : __( 'The recipient\'s server returned the email.', 'switchboard' ) );
				return array(
					'status'         => 'bounce',
					'ticket_id'      => $parsed['ticket'],
					'message_row_id' => $parsed['message'],
				);
			}
		}
		foreach ( $dsn['message_ids'] as $id ) {
			$row = $repo->find_by_external_id( $id );
			if ( null !== $row && 'out' === (string) $row['direction'] ) {
				$repo->set_delivery_status( (int) $row['id'], 'bounced', $error );
				return array(
					'status'         => 'bounce',
					'ticket_id'      => (int) $row['ticket_id'],
					'message_row_id' => (int) $row['id'],
				);
			}
		}
		return array(
			'status' => 'ignored',
			'error'  => 'bounce for a message we did not send' . ( '' !== $error ? ': ' . $error : '' ),
		);
	}
}
