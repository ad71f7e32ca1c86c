<?php
/**
 * Whether the person behind a ticket proved the address she gave.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * A visitor who is not signed in types an e-mail address into the contact form or the chat's
 * pre-chat form; the ticket then lands on that address's customer — with her orders, her cart and
 * her other tickets next to it in the agent's screen. Nothing proves the visitor owns the address,
 * so such a ticket carries the `unverified_sender` meta (the address and where it was typed) and
 * the agent sees a warning until the address's owner answers: by e-mail from it, or through the
 * signed link that only went to it (signed in or not). Then the meta goes and a `sender_confirmed`
 * event tells the timeline how. Until then the ticket is not listed in her account nor shown by the
 * /me routes without that link, and the mail to her address is a fixed text (Mail\AddressConfirmationMail).
 */
final class SenderCheck {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	public const META = 'unverified_sender';

	/**
	 * Where an address was typed.
	 */
	public const VIA_CONTACT_FORM = 'contact_form';
	public const VIA_CHAT         = 'chat';

	/**
	 * How the owner answered (message meta `via`, set by the customer screens).
	 */
	public const BY_LINK    = 'link';
	public const BY_ACCOUNT = 'account';
	public const BY_EMAIL   = 'email';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'switchboard_message_created', array( $this, 'on_message' ), 10, 3 );
	}

	/**
	 * The ticket meta for an address a visitor typed (merge it into TicketService::create()'s meta).
	 *
	 * @param string $email Address as typed.
	 * @param string $via   self::VIA_CONTACT_FORM or self::VIA_CHAT.
	 * @return array<string, array{email: string, via: string}>
	 */
	public static function unverified( string $email, string $via ): array {
		return array(
			self::META => array(
				'email' => strtolower( trim( $email ) ),
				'via'   => $via,
			),
		);
	}

	/**
	 * Whether a ticket still waits for its address's owner to confirm it. Until then it stays out
	 * of her account (lists and the /me routes without the signed link): a visitor typing her
	 * address must not put words in her account.
	 */
	public static function is_pending( int $ticket_id ): bool {
		return is_array( ( new TicketService() )->get_meta( $ticket_id, self::META ) );
	}

	/**
	 * A customer's public message: by e-mail, through the signed link or from her account, it
	 * confirms the ticket's address.
	 *
	 * @param int                  $message_id Message id.
	 * @param array<string, mixed> $message    Message row.
	 * @param array<string, mixed> $ticket     Ticket row.
	 */
	public function on_message( $message_id, $message, $ticket ): void {
		unset( $message_id );
		if ( ! is_array( $message ) || ! is_array( $ticket ) || 'customer' !== ( $message['author_type'] ?? '' ) || ! empty( $message['is_private'] ) ) {
			return;
		}
		$meta = is_array( $message['meta'] ?? null ) ? $message['meta'] : array();
		$how  = '';
		if ( 'email' === ( $message['channel'] ?? '' ) && (int) ( $message['author_id'] ?? 0 ) === (int) $ticket['customer_id'] ) {
			$how = self::BY_EMAIL;
		} elseif ( in_array( $meta['via'] ?? '', array( self::BY_LINK, self::BY_ACCOUNT ), true ) ) {
			$how = (string) $meta['via'];
		}
		if ( '' !== $how ) {
			$this->confirm( $ticket, $how );
		}
	}

	/**
	 * Clears the warning and records how the address was confirmed. False when there was none.
	 *
	 * @param array<string, mixed> $ticket Ticket row (id, customer_id).
	 * @param string               $how    self::BY_*.
	 */
	public function confirm( array $ticket, string $how ): bool {
		$ticket_id = (int) $ticket['id'];
		$service   = $this->tickets;
		$pending   = $service->get_meta( $ticket_id, self::META );
		if ( ! is_array( $pending ) ) {
			return false;
		}
		$service->delete_meta( $ticket_id, self::META );
		( new Events() )->record(
			$ticket_id,
			'sender_confirmed',
			array(
				'email' => (string) ( $pending['email'] ?? '' ),
				'via'   => (string) ( $pending['via'] ?? '' ),
				'how'   => $how,
			),
			array(
				'type' => 'customer',
				'id'   => (int) $ticket['customer_id'],
			)
		);
		return true;
	}
}
