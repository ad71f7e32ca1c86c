<?php
/**
 * "Your request was solved — how did we do?" with the signed rating link.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Frontend\Links;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketService;

/**
 * When a ticket becomes solved (not when it goes from solved to closed) and has no rating yet,
 * its customer gets a signed link straight to the rating form (Links::signed( $ticket, $base,
 * true )), so she can rate without logging in. The link opens the support page (setting
 * `switchboard_support_page_id`), else the page the ticket was sent from.
 */
final class SolvedMail extends Notice {

	public const ID = 'solved';

	/**
	 * Sends it when a ticket moves to solved. Hooked on switchboard_ticket_status_changed.
	 *
	 * @param int    $ticket_id Ticket.
	 * @param string $status    New status.
	 * @param string $previous  Old status.
	 */
	public static function on_status_changed( $ticket_id, $status, $previous ): void {
		if ( Status::SOLVED !== (string) $status || Status::CLOSED === (string) $previous ) {
			return;
		}
		$service = new TicketService();
		$ticket  = $service->get( (int) $ticket_id );
		if ( null === $ticket || is_array( $service->get_meta( (int) $ticket_id, 'rating' ) ) ) {
			return;
		}
		self::for_ticket( $ticket, (string) ( $service->get_meta( (int) $ticket_id, 'page' ) ?? '' ) )?->send();
	}

	/**
	 * The email for a solved ticket, or null when its customer has no address (or a filter said so).
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param string               $page   The page the ticket was sent from ('' when unknown).
	 */
	public static function for_ticket( array $ticket, string $page = '' ): ?self {
		$customer = ( new Customers() )->get( (int) $ticket['customer_id'] );
		$to       = (string) ( $customer['email'] ?? '' );
		if ( ! is_email( $to ) ) {
			return null;
		}
		$link = Links::signed( $ticket, $page, true );
		$name = trim( (string) ( $customer['name'] ?? '' ) );
		$mail = array(
			'to'      => $to,
			'subject' => sprintf(
				/* translators: %s: ticket subject */
				__( 'Solved: %s — how did we do?', 'switchboard' ),
				(string) $ticket['subject']
			),
			'body'    => sprintf(
				/* translators: 1: customer name, 2: ticket number, 3: signed link to the rating form, 4: site name */
				__( "Hi %1\$s,\n\nWe marked your request #%2\$d as solved. If something is still open, just reply and it opens again.\n\nHow did we do? Rate our answer from 1 to 5 stars here (no login needed):\n%3\$s\n\n— %4\$s", 'switchboard' ),
				'' !== $name ? $name : __( 'there', 'switchboard' ),
				(int) $ticket['id'],
				$link,
				self::site_name()
			),
			'link'    => $link,
		);

		/**
		 * Filters the "solved — rate us" email (return null to send none).
		 *
		 * @since 0.1.0
		 *
		 * @param array{to: string, subject: string, body: string, link: string}|null $mail   The email.
		 * @param array<string, mixed>                                                $ticket Ticket row.
		 */
		$mail = apply_filters( 'switchboard_solved_mail', $mail, $ticket );
		if ( ! is_array( $mail ) || empty( $mail['to'] ) ) {
			return null;
		}
		return new self(
			$ticket,
			array(
				'to'      => (string) $mail['to'],
				'subject' => (string) $mail['subject'],
				'text'    => (string) $mail['body'],
			)
		);
	}
}
