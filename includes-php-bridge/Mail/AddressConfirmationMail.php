<?php
/**
 * The fixed mail to an address a visitor typed into the contact form or the chat's pre-chat form.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

use Switchboard\Security\RateLimiter;
use Switchboard\Tickets\Events;

/**
 * Anyone can type anyone's address into the contact form. What the shop then mails to that
 * address is a fixed text: nothing the visitor wrote (name, subject, message), no link but the
 * signed one that lets the owner see and confirm the request. And at most three such mails per
 * address and hour (the bucket is a hash of the address): over that, the ticket is still created
 * for the agents, no mail goes out, and a `confirmation_mail_suppressed` event says so on the
 * timeline. On the timeline it is a contact confirmation.
 */
final class AddressConfirmationMail extends Notice {

	public const ID = 'address_confirmation';

	/**
	 * Mails per address and window.
	 */
	public const LIMIT = 3;

	/**
	 * The fixed confirmation request.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its secret).
	 * @param string               $to     The typed address.
	 * @param string               $link   The signed link.
	 */
	public static function for_address( array $ticket, string $to, string $link ): self {
		$site = self::site_name();
		return new self(
			$ticket,
			array(
				'to'      => $to,
				/* translators: %s: site name */
				'subject' => sprintf( __( 'Did you contact %s?', 'switchboard' ), $site ),
				'text'    => sprintf(
					/* translators: 1: site name, 2: signed link */
					__( "Hello,\n\nSomeone gave this e-mail address to %1\$s (in the contact form or the chat). If it was you, open the link below to read your request and answer it; our replies will appear there.\n\n%2\$s\n\nIf it was not you, you can ignore this e-mail: the request is not shown in your account unless you answer it.\n\n— %1\$s", 'switchboard' ),
					$site,
					$link
				),
				'kind'    => ContactConfirmationMail::ID,
			)
		);
	}

	/**
	 * Sends it unless the address had its three this hour; false when none was sent.
	 */
	public function send(): bool {
		$allowed = RateLimiter::hit( 'confirmation-mail:' . hash( 'sha256', strtolower( trim( $this->recipient() ) ) ), self::LIMIT, HOUR_IN_SECONDS );
		if ( is_wp_error( $allowed ) ) {
			( new Events() )->record(
				(int) $this->ticket['id'],
				'confirmation_mail_suppressed',
				array( 'reason' => 'rate_limited' ),
				array(
					'type' => 'system',
					'id'   => 0,
				)
			);
			return false;
		}
		return parent::send();
	}
}
