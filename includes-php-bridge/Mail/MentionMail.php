<?php
/**
 * "You were mentioned on ticket #…" to an agent.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

/**
 * An agent @mentioned in a private note gets the note and the link to the ticket in wp-admin.
 * It belongs to no customer thread: a plain wp_mail() (Transport), never signed or threaded.
 */
final class MentionMail extends Email {

	public const ID = 'mention';

	/**
	 * The ticket the note is on (not the mail's thread: ticket() stays null).
	 *
	 * @var array<string, mixed>
	 */
	private array $about;

	/**
	 * A mention.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param \WP_User             $agent  The mentioned agent.
	 * @param string               $note   The note's text.
	 */
	public function __construct( array $ticket, private \WP_User $agent, private string $note ) {
		$this->about = $ticket;
	}

	/**
	 * The agent's address.
	 */
	public function recipient(): string {
		return (string) $this->agent->user_email;
	}

	/**
	 * "You were mentioned on ticket #id: subject".
	 */
	public function subject(): string {
		/* translators: 1: ticket number, 2: subject */
		return sprintf( __( 'You were mentioned on ticket #%1$d: %2$s', 'switchboard' ), (int) $this->about['id'], (string) $this->about['subject'] );
	}

	/**
	 * The note and the ticket's link in wp-admin.
	 */
	public function text(): string {
		return $this->note . "\n\n" . admin_url( 'admin.php?page=switchboard&ticket=' . (int) $this->about['id'] );
	}

	/**
	 * A person's words, forwarded.
	 */
	public function auto(): string {
		return '';
	}
}
