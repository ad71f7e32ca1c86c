<?php
/**
 * Optional new-ticket acknowledgements (RFC 3834 compliant).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\TicketService;

/**
 * Sends "we got your message" for new tickets when the mailbox enables it: never to automatic,
 * list or bulk mail (the importer checks Classifier::may_auto_respond()), at most one per sender per
 * hour, with Auto-Submitted: auto-replied and a link to the ticket.
 */
final class Acknowledger {

	/**
	 * Sends an acknowledgement if enabled and not rate-limited.
	 *
	 * @param int                       $ticket_id Ticket.
	 * @param string                    $to        Sender address.
	 * @param array<string, mixed>|null $mailbox   Mailbox row.
	 * @param Message                   $message   The inbound mail.
	 */
	public function maybe_send( int $ticket_id, string $to, ?array $mailbox, Message $message ): bool {
		if ( null === $mailbox || empty( $mailbox['settings']['acknowledge'] ) ) {
			return false;
		}
		$key = 'switchboard_ack_' . md5( strtolower( $to ) );
		if ( false !== get_transient( $key ) ) {
			return false;
		}
		set_transient( $key, 1, HOUR_IN_SECONDS );

		$ticket = ( new TicketService() )->get( $ticket_id );
		if ( null === $ticket ) {
			return false;
		}
		$signer  = Signer::from_wordpress();
		// The same signed link as every other mail to customers: it opens the ticket on the support
		// page without a login (Frontend\Links, checked by Tickets\Access::verify_token()).
		$link    = Links::signed( $ticket );
		$subject = '' !== (string) $mailbox['settings']['ack_subject']
			? (string) $mailbox['settings']['ack_subject']
			/* translators: %s: ticket subject */
			: sprintf( __( 'We received your message: %s', 'switchboard' ), (string) $ticket['subject'] );
		$body     = '' !== (string) $mailbox['settings']['ack_body']
			? (string) $mailbox['settings']['ack_body']
			: __( 'Thanks for writing to us. We will reply as soon as we can; you can simply answer this email to add more details.', 'switchboard' );
		$subject .= ' ' . $signer->subject_tag( $ticket_id, (string) $ticket['secret'] );
		$html     = '<p>' . nl2br( esc_html( $body ) ) . '</p><p><a href="' . esc_url( $link ) . '">' . esc_html__( 'View your request', 'switchboard' ) . '</a></p>';
		$host     = (string) ( wp_parse_url( home_url(), PHP_URL_HOST ) ?: 'localhost' );

		return true === ( new Mailer() )->send(
			array(
				'to'          => $to,
				'from'        => (string) $mailbox['address'],
				'from_name'   => '' !== (string) $mailbox['name'] ? (string) $mailbox['name'] : get_bloginfo( 'name' ),
				'reply_to'    => $signer->reply_address( (string) $mailbox['address'], $ticket_id, (string) $ticket['secret'] ),
				'subject'     => $subject,
				'html'        => Template::wrap( $html, $subject ),
				'text'        => $body . "\n\n" . $link,
				'message_id'  => $signer->message_id( $ticket_id, 0, (string) $ticket['secret'], $host ),
				'in_reply_to' => (string) $message->message_id_token(),
				'references'  => (string) $message->message_id_token(),
				'ticket_id'   => $ticket_id,
				'auto'        => 'auto-replied',
				'smtp'        => Mailer::smtp_settings( $mailbox ),
			)
		);
	}
}
