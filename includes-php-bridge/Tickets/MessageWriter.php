<?php
/**
 * Storing a message on a ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;
use WP_Error;

/**
 * Every channel's input ends here as a message: cleaned, stored once (dedupe), attachments
 * linked, counters and status updated, then announced (switchboard_message_created) and, for a
 * public reply, handed to its channel (switchboard_deliver_message).
 */
final class MessageWriter {

	/**
	 * Ticket rows.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

	/**
	 * Counters.
	 *
	 * @var Counters
	 */
	private Counters $counters;

	/**
	 * Search document.
	 *
	 * @var SearchDocument
	 */
	private SearchDocument $search;

	/**
	 * Field updates (the status rule).
	 *
	 * @var TicketUpdater
	 */
	private TicketUpdater $updater;

	/**
	 * Constructor.
	 *
	 * @param TicketRepository|null $tickets  Ticket rows.
	 * @param Counters|null         $counters Counters.
	 * @param SearchDocument|null   $search   Search document.
	 * @param TicketUpdater|null    $updater  Field updates.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?Counters $counters = null, ?SearchDocument $search = null, ?TicketUpdater $updater = null ) {
		$this->tickets  = $tickets ?? new TicketRepository();
		$this->search   = $search ?? new SearchDocument();
		$this->counters = $counters ?? new Counters( $this->tickets, $this->search );
		$this->updater  = $updater ?? new TicketUpdater( $this->tickets, null, $this->search );
	}

	/**
	 * Adds a message: sanitizes it, stores it once (dedupe), links attachments, updates counters and
	 * status, and hands public replies to the channel for delivery.
	 *
	 * @param array<string, mixed> $args author_type (customer|agent|bot|system), author_id, channel,
	 *                                   is_private, body_html, body_text, external_id, dedupe_key, meta,
	 *                                   attachments (int[]: the current user's uploads, a guest's
	 *                                   with attachment_claims, or ids the caller stored itself with
	 *                                   attachments_trusted), created_at, mentions.
	 * @return int|WP_Error Message id.
	 */
	public function add_message( int $ticket_id, array $args ) {
		$ticket = $this->tickets->get( $ticket_id );
		if ( ! $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( (int) $ticket['merged_into'] > 0 ) {
			return $this->add_message( (int) $ticket['merged_into'], $args );
		}

		$author_type = (string) ( $args['author_type'] ?? 'customer' );
		if ( ! in_array( $author_type, array( 'customer', 'agent', 'bot', 'system' ), true ) ) {
			return InvalidField::error( 'switchboard_invalid_author', __( 'Unknown message author.', 'switchboard' ), 'author_type' );
		}
		$is_private = ! empty( $args['is_private'] ) && 'customer' !== $author_type;
		$author_id  = (int) ( $args['author_id'] ?? ( 'customer' === $author_type ? $ticket['customer_id'] : get_current_user_id() ) );

		$body = self::body( $args );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		list( $html, $text ) = $body;

		$channel = sanitize_key( (string) ( $args['channel'] ?? '' ) );
		if ( '' === $channel ) {
			$channel = 'customer' === $author_type ? (string) $ticket['channel'] : $this->reply_channel( $ticket );
		}

		$dedupe = isset( $args['dedupe_key'] ) && '' !== (string) $args['dedupe_key'] ? hash( 'sha256', (string) $args['dedupe_key'] ) : null;
		if ( null !== $dedupe ) {
			$existing = self::find_duplicate( $dedupe );
			if ( $existing ) {
				return $existing;
			}
		}

		$now        = isset( $args['created_at'] ) ? (string) $args['created_at'] : Time::now();
		$row        = array(
			'ticket_id'   => $ticket_id,
			'direction'   => 'customer' === $author_type ? 'in' : 'out',
			'author_type' => $author_type,
			'author_id'   => $author_id,
			'channel'     => $channel,
			'is_private'  => $is_private ? 1 : 0,
			'body_html'   => $html,
			'body_text'   => $text,
			'search_text' => Tokenizer::index( $text ),
			'external_id' => mb_substr( (string) ( $args['external_id'] ?? '' ), 0, 255 ),
			'dedupe_key'  => $dedupe,
			'meta'        => wp_json_encode( (array) ( $args['meta'] ?? array() ) ),
			'created_at'  => $now,
		);
		$message_id = self::insert( $row );
		if ( is_wp_error( $message_id ) ) {
			return $message_id;
		}

		if ( ! empty( $args['attachments'] ) ) {
			( new Attachments() )->link( (array) $args['attachments'], $ticket_id, $message_id, get_current_user_id(), ! empty( $args['attachments_trusted'] ), (array) ( $args['attachment_claims'] ?? array() ) );
		}

		$this->counters->apply_message( $ticket, $author_type, $is_private, $text, $now, $this->search->addition( $ticket, $text ) );
		$this->apply_status_rule( $ticket, $author_type, $is_private );

		$message = Messages::decode(
			array(
				'id'                => $message_id,
				'ticket_id'         => $ticket_id,
				'direction'         => $row['direction'],
				'author_type'       => $author_type,
				'author_id'         => $author_id,
				'channel'           => $channel,
				'is_private'        => $row['is_private'],
				'body_html'         => $html,
				'body_text'         => $text,
				'external_id'       => $row['external_id'],
				'dedupe_key'        => $dedupe,
				'delivery_status'   => '',
				'delivery_attempts' => 0,
				'delivery_error'    => null,
				'meta'              => $row['meta'],
				'created_at'        => $now,
			)
		);
		$ticket  = (array) $this->tickets->get( $ticket_id );

		/**
		 * Fires after a message was stored on a ticket (Mentions listens first, for private notes).
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $message_id Message id.
		 * @param array<string, mixed> $message    Message row (meta decoded).
		 * @param array<string, mixed> $ticket     Ticket row after counters/status were updated.
		 */
		do_action( 'switchboard_message_created', $message_id, $message, $ticket );

		if ( 'out' === $message['direction'] && ! $is_private && in_array( $author_type, array( 'agent', 'bot' ), true ) ) {
			/**
			 * Hands a public reply to its channel for delivery. Channel adapters check
			 * $message['channel'] and record the outcome with Messages::set_delivery_status().
			 *
			 * @since 0.1.0
			 *
			 * @param array<string, mixed> $message Message row.
			 * @param array<string, mixed> $ticket  Ticket row.
			 */
			do_action( 'switchboard_deliver_message', $message, $ticket );
		}

		return $message_id;
	}

	/**
	 * The channel a reply goes out on: the customer's last message's channel, else the ticket's.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public function reply_channel( array $ticket ): string {
		global $wpdb;
		$channel = $wpdb->get_var(
			$wpdb->prepare(
				'SELECT channel FROM ' . Schema::table( 'messages' ) . " WHERE ticket_id = %d AND author_type = 'customer' ORDER BY id DESC LIMIT 1",
				(int) $ticket['id']
			)
		);
		return is_string( $channel ) && '' !== $channel ? $channel : (string) $ticket['channel'];
	}

	/**
	 * The cleaned body: [ html, text ], or the empty-message error.
	 *
	 * @param array<string, mixed> $args Message arguments.
	 * @return array{0: string, 1: string}|WP_Error
	 */
	private static function body( array $args ) {
		if ( isset( $args['body_html'] ) && '' !== trim( (string) $args['body_html'] ) ) {
			$html = Html::sanitize( (string) $args['body_html'] );
		} else {
			$html = Html::from_text( (string) ( $args['body_text'] ?? '' ) );
		}
		$text = isset( $args['body_text'] ) && '' !== trim( (string) $args['body_text'] ) ? trim( (string) $args['body_text'] ) : Html::to_text( $html );
		// HTML that cleaning emptied (only <style>, <script> …) is stored as the escaped text.
		$html = Html::for_display( $html, $text );
		if ( '' === $text && '' === trim( wp_strip_all_tags( $html ) ) && empty( $args['attachments'] ) && false === strpos( $html, '<img' ) ) {
			return InvalidField::error( 'switchboard_empty_message', __( 'The message is empty.', 'switchboard' ), 'body' );
		}
		return array( $html, $text );
	}

	/**
	 * Inserts the message row.
	 *
	 * @param array<string, mixed> $row Columns.
	 * @return int|WP_Error Message id, the duplicate error when the same delivery won a race.
	 */
	private static function insert( array $row ) {
		global $wpdb;
		if ( false === $wpdb->insert( Schema::table( 'messages' ), $row ) ) {
			// Lost a race against the same delivery: the UNIQUE dedupe_key kept one copy.
			$existing = null !== $row['dedupe_key'] ? self::find_duplicate( (string) $row['dedupe_key'] ) : null;
			return $existing ?? new WP_Error( 'switchboard_db_error', __( 'The message could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * The status rule for a new public message (a customer reply reopens, an agent reply opens …).
	 *
	 * @param array<string, mixed> $ticket Ticket row before the message.
	 */
	private function apply_status_rule( array $ticket, string $author_type, bool $is_private ): void {
		$next = Status::after_message( (string) $ticket['status'], $author_type, $is_private );
		if ( null === $next ) {
			return;
		}
		$this->updater->update(
			(int) $ticket['id'],
			array( 'status' => $next ),
			array(
				'type' => 'customer' === $author_type ? 'customer' : 'system',
				'id'   => 'customer' === $author_type ? (int) $ticket['customer_id'] : 0,
			)
		);
	}

	/**
	 * The duplicate-message error when a message with this dedupe hash is stored, else null.
	 */
	private static function find_duplicate( string $dedupe ): ?WP_Error {
		global $wpdb;
		$existing = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'messages' ) . ' WHERE dedupe_key = %s', $dedupe ) );
		if ( $existing <= 0 ) {
			return null;
		}
		return new WP_Error(
			'switchboard_duplicate_message',
			__( 'This message was already stored.', 'switchboard' ),
			array(
				'status'     => 409,
				'message_id' => $existing,
			)
		);
	}
}
