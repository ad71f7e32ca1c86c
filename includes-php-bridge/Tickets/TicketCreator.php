<?php
/**
 * Opening a ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Search\Tokenizer;
use WP_Error;

/**
 * Creates a ticket of an existing customer, with its tags, meta and (optionally) first message;
 * a first message that is refused takes the ticket with it.
 */
final class TicketCreator {

	/**
	 * Ticket rows.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

	/**
	 * Message writer.
	 *
	 * @var MessageWriter
	 */
	private MessageWriter $messages;

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * Constructor.
	 *
	 * @param TicketRepository|null $tickets  Ticket rows.
	 * @param MessageWriter|null    $messages Message writer.
	 * @param Events|null           $events   Event log.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?MessageWriter $messages = null, ?Events $events = null ) {
		$this->tickets  = $tickets ?? new TicketRepository();
		$this->events   = $events ?? new Events();
		$this->messages = $messages ?? new MessageWriter( $this->tickets );
	}

	/**
	 * Creates a ticket, optionally with its first message.
	 *
	 * @param array<string, mixed> $args subject, channel, customer_id, status, priority, assignee_id,
	 *                                   team_id, order_id, tags (string[]), meta (assoc), message (see
	 *                                   MessageWriter::add_message()), created_at (imports), actor,
	 *                                   may_create_tags (bool, default true: false for agents, whose
	 *                                   unknown tag names are refused).
	 * @return int|WP_Error Ticket id.
	 */
	public function create( array $args ) {
		$customer_id = (int) ( $args['customer_id'] ?? 0 );
		if ( $customer_id <= 0 || null === ( new Customers() )->get( $customer_id ) ) {
			return InvalidField::error( 'switchboard_invalid_customer', __( 'The ticket needs an existing customer.', 'switchboard' ), 'customer_id' );
		}

		$subject = self::subject( $args );
		if ( '' === $subject ) {
			return InvalidField::error( 'switchboard_invalid_subject', __( 'The ticket needs a subject.', 'switchboard' ), 'subject' );
		}

		if ( ! empty( $args['tags'] ) && is_array( $args['tags'] ) ) {
			$refused = ( new Tags() )->refuse_unknown( $args['tags'], (bool) ( $args['may_create_tags'] ?? true ) );
			if ( $refused ) {
				return $refused;
			}
		}

		$status = (string) ( $args['status'] ?? Status::NEW );
		if ( ! in_array( $status, Status::ALL, true ) ) {
			return InvalidField::error( 'switchboard_invalid_status', __( 'Unknown status.', 'switchboard' ), 'status' );
		}

		$now       = isset( $args['created_at'] ) ? (string) $args['created_at'] : Time::now();
		$ticket_id = $this->tickets->insert(
			array(
				'subject'         => mb_substr( $subject, 0, 255 ),
				'status'          => $status,
				'is_open'         => Status::is_open( $status ) ? 1 : 0,
				'priority'        => Status::priority_value( (string) ( $args['priority'] ?? 'normal' ) ),
				'channel'         => sanitize_key( (string) ( $args['channel'] ?? 'web' ) ),
				'customer_id'     => $customer_id,
				'assignee_id'     => (int) ( $args['assignee_id'] ?? 0 ),
				// A team deleted since the caller read it (a mailbox's default team) routes nowhere.
				'team_id'         => ( new Teams() )->exists( (int) ( $args['team_id'] ?? 0 ) ) ? (int) $args['team_id'] : 0,
				'order_id'        => (int) ( $args['order_id'] ?? 0 ),
				'last_message_at' => $now,
				'secret'          => wp_generate_password( 32, false, false ),
				'search_text'     => Tokenizer::index( $subject ),
				'created_at'      => $now,
				'updated_at'      => $now,
			)
		);
		if ( 0 === $ticket_id ) {
			return new WP_Error( 'switchboard_db_error', __( 'The ticket could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}

		( new Customers() )->bump_ticket_count( $customer_id );
		$this->events->record( $ticket_id, 'created', array( 'channel' => (string) ( $args['channel'] ?? 'web' ) ), $args['actor'] ?? null );

		if ( ! empty( $args['tags'] ) && is_array( $args['tags'] ) ) {
			( new Tags() )->set_for_ticket( $ticket_id, $args['tags'], true );
		}
		foreach ( (array) ( $args['meta'] ?? array() ) as $key => $value ) {
			$this->tickets->update_meta( $ticket_id, (string) $key, $value );
		}

		if ( ! empty( $args['message'] ) && is_array( $args['message'] ) ) {
			$message = $args['message'] + array( 'channel' => (string) ( $args['channel'] ?? 'web' ) );
			if ( isset( $args['created_at'] ) && ! isset( $message['created_at'] ) ) {
				$message['created_at'] = $args['created_at'];
			}
			$message_id = $this->messages->add_message( $ticket_id, $message );
			if ( is_wp_error( $message_id ) ) {
				$this->tickets->delete( $ticket_id );
				return $message_id;
			}
		}

		$ticket = (array) $this->tickets->get( $ticket_id );

		/**
		 * Fires after a ticket was created (and its first message stored).
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $ticket_id Ticket id.
		 * @param array<string, mixed> $ticket    Ticket row.
		 */
		do_action( 'switchboard_ticket_created', $ticket_id, $ticket );
		return $ticket_id;
	}

	/**
	 * The subject: the one given, else derived from the first message.
	 *
	 * @param array<string, mixed> $args Creation arguments.
	 */
	private static function subject( array $args ): string {
		$subject = trim( sanitize_text_field( (string) ( $args['subject'] ?? '' ) ) );
		if ( '' === $subject && ! empty( $args['message'] ) ) {
			$body = (string) ( $args['message']['body_text'] ?? wp_strip_all_tags( (string) ( $args['message']['body_html'] ?? '' ) ) );
			// The first message is foreign text: the subject derived from it gets the same cleaning
			// as a typed one (no tags, no line breaks), then the preview shortens it.
			$subject = trim( Html::preview( sanitize_text_field( $body ), 80 ) );
			if ( '' === $subject ) {
				// A first message of nothing but markup still opens a ticket.
				$subject = __( '(no subject)', 'switchboard' );
			}
		}
		return $subject;
	}
}
