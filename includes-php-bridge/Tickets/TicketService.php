<?php
/**
 * Creating and changing tickets and their messages.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;
use WP_Error;

/**
 * The write side of the ticket core. Every channel ends up here: input → message on a ticket of a
 * customer. Counters on the ticket row are updated with atomic SQL in the same request, so two agents
 * replying at once both land, in order, and lists never count on the fly.
 */
final class TicketService {

	/**
	 * Events.
	 *
	 * @var Events
	 */
	private Events $events;

	/**
	 * Constructor.
	 *
	 * @param Events|null $events Event log.
	 */
	public function __construct( ?Events $events = null ) {
		$this->events = $events ?? new Events();
	}

	/**
	 * A ticket row, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'tickets' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Creates a ticket, optionally with its first message.
	 *
	 * @param array<string, mixed> $args subject, channel, customer_id, status, priority, assignee_id,
	 *                                   team_id, order_id, tags (string[]), meta (assoc), message (see
	 *                                   add_message()), created_at (imports), actor,
	 *                                   may_create_tags (bool, default true: false for agents, whose
	 *                                   unknown tag names are refused).
	 * @return int|WP_Error Ticket id.
	 */
	public function create( array $args ) {
		global $wpdb;

		$customer_id = (int) ( $args['customer_id'] ?? 0 );
		if ( $customer_id <= 0 || null === ( new Customers() )->get( $customer_id ) ) {
			return new WP_Error(
				'switchboard_invalid_customer',
				__( 'The ticket needs an existing customer.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'customer_id',
				)
			);
		}

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
		if ( '' === $subject ) {
			return new WP_Error(
				'switchboard_invalid_subject',
				__( 'The ticket needs a subject.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'subject',
				)
			);
		}

		if ( ! empty( $args['tags'] ) && is_array( $args['tags'] ) ) {
			$refused = ( new Tags() )->refuse_unknown( $args['tags'], (bool) ( $args['may_create_tags'] ?? true ) );
			if ( $refused ) {
				return $refused;
			}
		}

		$status = (string) ( $args['status'] ?? Status::NEW );
		if ( ! in_array( $status, Status::ALL, true ) ) {
			return new WP_Error(
				'switchboard_invalid_status',
				__( 'Unknown status.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'status',
				)
			);
		}

		$now = isset( $args['created_at'] ) ? (string) $args['created_at'] : Time::now();
		$wpdb->insert(
			Schema::table( 'tickets' ),
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
		$ticket_id = (int) $wpdb->insert_id;
		if ( 0 === $ticket_id ) {
			return new WP_Error( 'switchboard_db_error', __( 'The ticket could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}

		( new Customers() )->bump_ticket_count( $customer_id );
		$this->events->record( $ticket_id, 'created', array( 'channel' => (string) ( $args['channel'] ?? 'web' ) ), $args['actor'] ?? null );

		if ( ! empty( $args['tags'] ) && is_array( $args['tags'] ) ) {
			( new Tags() )->set_for_ticket( $ticket_id, $args['tags'], true );
		}
		foreach ( (array) ( $args['meta'] ?? array() ) as $key => $value ) {
			$this->update_meta( $ticket_id, (string) $key, $value );
		}

		if ( ! empty( $args['message'] ) && is_array( $args['message'] ) ) {
			$message = $args['message'] + array( 'channel' => (string) ( $args['channel'] ?? 'web' ) );
			if ( isset( $args['created_at'] ) && ! isset( $message['created_at'] ) ) {
				$message['created_at'] = $args['created_at'];
			}
			$message_id = $this->add_message( $ticket_id, $message );
			if ( is_wp_error( $message_id ) ) {
				$this->delete( $ticket_id );
				return $message_id;
			}
		}

		$ticket = (array) $this->get( $ticket_id );

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
		global $wpdb;

		$ticket = $this->get( $ticket_id );
		if ( ! $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( (int) $ticket['merged_into'] > 0 ) {
			return $this->add_message( (int) $ticket['merged_into'], $args );
		}

		$author_type = (string) ( $args['author_type'] ?? 'customer' );
		if ( ! in_array( $author_type, array( 'customer', 'agent', 'bot', 'system' ), true ) ) {
			return new WP_Error(
				'switchboard_invalid_author',
				__( 'Unknown message author.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'author_type',
				)
			);
		}
		$is_private = ! empty( $args['is_private'] ) && 'customer' !== $author_type;
		$author_id  = (int) ( $args['author_id'] ?? ( 'customer' === $author_type ? $ticket['customer_id'] : get_current_user_id() ) );

		if ( isset( $args['body_html'] ) && '' !== trim( (string) $args['body_html'] ) ) {
			$html = Html::sanitize( (string) $args['body_html'] );
		} else {
			$html = Html::from_text( (string) ( $args['body_text'] ?? '' ) );
		}
		$text = isset( $args['body_text'] ) && '' !== trim( (string) $args['body_text'] ) ? trim( (string) $args['body_text'] ) : Html::to_text( $html );
		// HTML that cleaning emptied (only <style>, <script> …) is stored as the escaped text.
		$html      = Html::for_display( $html, $text );
		$has_files = ! empty( $args['attachments'] );
		if ( '' === $text && '' === trim( wp_strip_all_tags( $html ) ) && ! $has_files && false === strpos( $html, '<img' ) ) {
			return new WP_Error(
				'switchboard_empty_message',
				__( 'The message is empty.', 'switchboard' ),
				array(
					'status' => 400,
					'field'  => 'body',
				)
			);
		}

		$channel = sanitize_key( (string) ( $args['channel'] ?? '' ) );
		if ( '' === $channel ) {
			$channel = 'customer' === $author_type ? (string) $ticket['channel'] : $this->reply_channel( $ticket );
		}

		$dedupe = isset( $args['dedupe_key'] ) && '' !== (string) $args['dedupe_key'] ? hash( 'sha256', (string) $args['dedupe_key'] ) : null;
		if ( null !== $dedupe ) {
			$existing = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'messages' ) . ' WHERE dedupe_key = %s', $dedupe ) );
			if ( $existing > 0 ) {
				return self::duplicate( $existing );
			}
		}

		$now       = isset( $args['created_at'] ) ? (string) $args['created_at'] : Time::now();
		$direction = 'customer' === $author_type ? 'in' : 'out';
		$inserted  = $wpdb->insert(
			Schema::table( 'messages' ),
			array(
				'ticket_id'   => $ticket_id,
				'direction'   => $direction,
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
			)
		);
		if ( false === $inserted ) {
			// Lost a race against the same delivery: the UNIQUE dedupe_key kept one copy.
			if ( null !== $dedupe ) {
				$existing = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'messages' ) . ' WHERE dedupe_key = %s', $dedupe ) );
				if ( $existing > 0 ) {
					return self::duplicate( $existing );
				}
			}
			return new WP_Error( 'switchboard_db_error', __( 'The message could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		$message_id = (int) $wpdb->insert_id;

		if ( $has_files ) {
			( new Attachments() )->link( (array) $args['attachments'], $ticket_id, $message_id, get_current_user_id(), ! empty( $args['attachments_trusted'] ), (array) ( $args['attachment_claims'] ?? array() ) );
		}

		$this->apply_message_counters( $ticket, $author_type, $is_private, $text, $now, $this->search_addition( $ticket, $text ) );

		$message = Messages::decode(
			array(
				'id'                => $message_id,
				'ticket_id'         => $ticket_id,
				'direction'         => $direction,
				'author_type'       => $author_type,
				'author_id'         => $author_id,
				'channel'           => $channel,
				'is_private'        => $is_private ? 1 : 0,
				'body_html'         => $html,
				'body_text'         => $text,
				'external_id'       => mb_substr( (string) ( $args['external_id'] ?? '' ), 0, 255 ),
				'dedupe_key'        => $dedupe,
				'delivery_status'   => '',
				'delivery_attempts' => 0,
				'delivery_error'    => null,
				'meta'              => wp_json_encode( (array) ( $args['meta'] ?? array() ) ),
				'created_at'        => $now,
			)
		);
		$ticket  = (array) $this->get( $ticket_id );

		if ( $is_private ) {
			$this->notify_mentions( $ticket, $message, $text );
		}

		/**
		 * Fires after a message was stored on a ticket.
		 *
		 * @since 0.1.0
		 *
		 * @param int                  $message_id Message id.
		 * @param array<string, mixed> $message    Message row (meta decoded).
		 * @param array<string, mixed> $ticket     Ticket row after counters/status were updated.
		 */
		do_action( 'switchboard_message_created', $message_id, $message, $ticket );

		if ( 'out' === $direction && ! $is_private && in_array( $author_type, array( 'agent', 'bot' ), true ) ) {
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
	 * Changes ticket fields, recording an event for each change.
	 *
	 * @param array<string, mixed>      $changes status, priority, assignee_id, team_id, order_id, subject, tags (string[]), custom_fields.
	 * @param array<string, mixed>|null $actor Who changes it (defaults to the current user).
	 * @param bool                      $may_create_tags Whether unknown tag names create tags (managers and the system; agents only apply existing tags).
	 * @return array<string, mixed>|WP_Error The updated row.
	 */
	public function update( int $ticket_id, array $changes, ?array $actor = null, bool $may_create_tags = true ) {
		global $wpdb;
		$ticket = $this->get( $ticket_id );
		if ( ! $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'Ticket not found.', 'switchboard' ), array( 'status' => 404 ) );
		}

		$set = array();
		$now = Time::now();

		if ( isset( $changes['status'] ) && $changes['status'] !== $ticket['status'] ) {
			$status = (string) $changes['status'];
			if ( ! in_array( $status, Status::ALL, true ) ) {
				return new WP_Error(
					'switchboard_invalid_status',
					__( 'Unknown status.', 'switchboard' ),
					array(
						'status' => 400,
						'field'  => 'status',
					)
				);
			}
			$set['status']  = $status;
			$set['is_open'] = Status::is_open( $status ) ? 1 : 0;
			if ( in_array( $status, array( Status::SOLVED, Status::CLOSED ), true ) && null === $ticket['resolved_at'] ) {
				$set['resolved_at'] = $now;
			}
			if ( Status::is_open( $status ) && ! Status::is_open( (string) $ticket['status'] ) ) {
				$set['resolved_at']  = null;
				$set['reopen_count'] = (int) $ticket['reopen_count'] + 1;
			}
		}
		if ( isset( $changes['priority'] ) ) {
			if ( ! array_key_exists( (string) $changes['priority'], Status::PRIORITIES ) ) {
				return new WP_Error(
					'switchboard_invalid_priority',
					__( 'Unknown priority.', 'switchboard' ),
					array(
						'status' => 400,
						'field'  => 'priority',
					)
				);
			}
			$value = Status::priority_value( (string) $changes['priority'] );
			if ( $value !== (int) $ticket['priority'] ) {
				$set['priority'] = $value;
			}
		}
		if ( isset( $changes['assignee_id'] ) && (int) $changes['assignee_id'] !== (int) $ticket['assignee_id'] ) {
			$assignee = (int) $changes['assignee_id'];
			if ( $assignee > 0 && ! user_can( $assignee, \Switchboard\Auth\Capabilities::AGENT ) ) {
				return new WP_Error(
					'switchboard_invalid_assignee',
					__( 'Tickets can only be assigned to support agents.', 'switchboard' ),
					array(
						'status' => 400,
						'field'  => 'assignee_id',
					)
				);
			}
			$set['assignee_id'] = $assignee;
		}
		if ( isset( $changes['team_id'] ) && (int) $changes['team_id'] !== (int) $ticket['team_id'] ) {
			$team = (int) $changes['team_id'];
			if ( $team < 0 || ( $team > 0 && ! ( new Teams() )->exists( $team ) ) ) {
				return Teams::invalid_reference();
			}
			$set['team_id'] = $team;
		}
		if ( isset( $changes['order_id'] ) && (int) $changes['order_id'] !== (int) $ticket['order_id'] ) {
			$set['order_id'] = (int) $changes['order_id'];
		}
		if ( isset( $changes['subject'] ) ) {
			$subject = trim( sanitize_text_field( (string) $changes['subject'] ) );
			if ( '' === $subject ) {
				return new WP_Error(
					'switchboard_invalid_subject',
					__( 'The ticket needs a subject.', 'switchboard' ),
					array(
						'status' => 400,
						'field'  => 'subject',
					)
				);
			}
			if ( $subject !== $ticket['subject'] ) {
				$set['subject'] = mb_substr( $subject, 0, 255 );
			}
		}

		if ( isset( $changes['tags'] ) && is_array( $changes['tags'] ) ) {
			$refused = ( new Tags() )->refuse_unknown( $changes['tags'], $may_create_tags );
			if ( $refused ) {
				return $refused;
			}
		}

		if ( $set ) {
			$set['updated_at'] = $now;
			$wpdb->update( Schema::table( 'tickets' ), $set, array( 'id' => $ticket_id ) );
			$this->record_changes( $ticket, $set, $actor );
			if ( isset( $set['subject'] ) ) {
				$this->rebuild_search( $ticket_id );
			}
		}

		if ( isset( $changes['tags'] ) && is_array( $changes['tags'] ) ) {
			$tags = new Tags();
			$old  = array_column( $tags->for_tickets( array( $ticket_id ) )[ $ticket_id ] ?? array(), 'slug' );
			$new  = $tags->set_for_ticket( $ticket_id, $changes['tags'], false, $may_create_tags );
			if ( is_wp_error( $new ) ) {
				return $new;
			}
			if ( array_values( array_diff( $old, $new ) ) || array_values( array_diff( $new, $old ) ) ) {
				$this->events->record(
					$ticket_id,
					'tags_changed',
					array(
						'from' => $old,
						'to'   => $new,
					),
					$actor
				);
			}
		}
		if ( isset( $changes['custom_fields'] ) && is_array( $changes['custom_fields'] ) ) {
			foreach ( $changes['custom_fields'] as $key => $value ) {
				$this->update_meta( $ticket_id, 'cf_' . sanitize_key( (string) $key ), is_scalar( $value ) ? (string) $value : '' );
			}
		}

		return (array) $this->get( $ticket_id );
	}

	/**
	 * Merges $source into $target (see Merger: tickets of two different customers are refused here;
	 * managers merge those through Merger with the customers confirmed).
	 *
	 * @return array<string, mixed>|WP_Error Target row.
	 */
	public function merge( int $target_id, int $source_id ) {
		return ( new Merger( $this, $this->events ) )->merge( $target_id, $source_id );
	}

	/**
	 * Moves one message into a new ticket of the same customer.
	 *
	 * @return int|WP_Error New ticket id.
	 */
	public function split( int $ticket_id, int $message_id ) {
		global $wpdb;
		$ticket  = $this->get( $ticket_id );
		$message = ( new Messages() )->get( $message_id );
		if ( ! $ticket || ! $message || (int) $message['ticket_id'] !== $ticket_id ) {
			return new WP_Error( 'switchboard_message_not_found', __( 'That message is not part of this ticket.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$count = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $ticket_id ) );
		if ( $count < 2 ) {
			return new WP_Error( 'switchboard_split_last', __( 'A ticket’s only message cannot be split off.', 'switchboard' ), array( 'status' => 400 ) );
		}

		$new_id = $this->create(
			array(
				'subject'     => Html::preview( (string) $message['body_text'], 80 ),
				'channel'     => (string) $message['channel'],
				'customer_id' => (int) $ticket['customer_id'],
				'priority'    => Status::priority_name( (int) $ticket['priority'] ),
				'status'      => Status::OPEN,
			)
		);
		if ( is_wp_error( $new_id ) ) {
			return $new_id;
		}
		$wpdb->update( Schema::table( 'messages' ), array( 'ticket_id' => $new_id ), array( 'id' => $message_id ) );
		$wpdb->update( Schema::table( 'attachments' ), array( 'ticket_id' => $new_id ), array( 'message_id' => $message_id ) );
		$this->refresh_counters( $ticket_id );
		$this->refresh_counters( $new_id );

		$this->events->record(
			$ticket_id,
			'split',
			array(
				'message_id'    => $message_id,
				'new_ticket_id' => $new_id,
			)
		);
		$this->events->record(
			$new_id,
			'split_from',
			array(
				'message_id' => $message_id,
				'ticket_id'  => $ticket_id,
			)
		);
		return $new_id;
	}

	/**
	 * Recomputes the stored counters from the messages (after merge/split).
	 */
	public function refresh_counters( int $ticket_id ): void {
		global $wpdb;
		$m      = Schema::table( 'messages' );
		$agg    = $wpdb->get_row(
			$wpdb->prepare(
				"SELECT SUM(is_private = 0) AS public_count,
					MAX(IF(is_private = 0, created_at, NULL)) AS last_at,
					MAX(IF(author_type = 'customer', created_at, NULL)) AS last_customer,
					MAX(IF(author_type = 'agent' AND is_private = 0, created_at, NULL)) AS last_agent,
					MIN(IF(author_type = 'agent' AND is_private = 0, created_at, NULL)) AS first_agent
				FROM $m WHERE ticket_id = %d",
				$ticket_id
			),
			ARRAY_A
		);
		$last   = $wpdb->get_var( $wpdb->prepare( "SELECT body_text FROM $m WHERE ticket_id = %d AND is_private = 0 ORDER BY id DESC LIMIT 1", $ticket_id ) );
		$ticket = $this->get( $ticket_id );
		if ( ! $ticket || ! is_array( $agg ) ) {
			return;
		}
		$first = $agg['first_agent'];
		$wpdb->update(
			Schema::table( 'tickets' ),
			array(
				'message_count'            => (int) $agg['public_count'],
				'last_message_at'          => $agg['last_at'] ?? $ticket['created_at'],
				'last_customer_message_at' => $agg['last_customer'],
				'last_agent_reply_at'      => $agg['last_agent'],
				'first_response_at'        => $first,
				'first_response_seconds'   => null === $first ? null : max( 0, strtotime( (string) $first ) - strtotime( (string) $ticket['created_at'] ) ),
				'preview'                  => Html::preview( (string) $last ),
				'updated_at'               => Time::now(),
			),
			array( 'id' => $ticket_id )
		);
		$this->rebuild_search( $ticket_id );
	}

	/**
	 * Longest per-ticket search document (ASCII tokens; the column is TEXT).
	 */
	private const SEARCH_MAX = 60000;

	/**
	 * The words of a message not yet in the ticket's search document (one document per ticket,
	 * so search reads 100k ticket documents instead of 1M messages). BOOLEAN MODE needs presence,
	 * not frequency, so known words are not repeated; '' when nothing is new or the document is full.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its search_text) before the message.
	 */
	private function search_addition( array $ticket, string $text ): string {
		$current = (string) ( $ticket['search_text'] ?? '' );
		if ( strlen( $current ) >= self::SEARCH_MAX ) {
			return '';
		}
		$known = array_flip( explode( ' ', $current ) );
		$new   = array();
		foreach ( explode( ' ', Tokenizer::index( $text ) ) as $word ) {
			if ( '' !== $word && ! isset( $known[ $word ] ) ) {
				$known[ $word ] = true;
				$new[]          = $word;
			}
		}
		return substr( implode( ' ', $new ), 0, max( 0, self::SEARCH_MAX - strlen( $current ) - 1 ) );
	}

	/**
	 * Rebuilds a ticket's search document from its subject and messages (subject edits, merge,
	 * split).
	 */
	public function rebuild_search( int $ticket_id ): void {
		global $wpdb;
		$subject = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT subject FROM ' . Schema::table( 'tickets' ) . ' WHERE id = %d', $ticket_id ) );
		$texts   = (array) $wpdb->get_col( $wpdb->prepare( 'SELECT body_text FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d ORDER BY id', $ticket_id ) );
		$words   = array();
		$length  = 0;
		foreach ( array_merge( array( $subject ), $texts ) as $text ) {
			foreach ( explode( ' ', Tokenizer::index( (string) $text ) ) as $word ) {
				if ( '' === $word || isset( $words[ $word ] ) ) {
					continue;
				}
				$length += strlen( $word ) + 1;
				if ( $length > self::SEARCH_MAX ) {
					break 2;
				}
				$words[ $word ] = true;
			}
		}
		$wpdb->update( Schema::table( 'tickets' ), array( 'search_text' => implode( ' ', array_keys( $words ) ) ), array( 'id' => $ticket_id ) );
	}

	/**
	 * Ticket meta value, or null.
	 *
	 * @return mixed
	 */
	public function get_meta( int $ticket_id, string $key ) {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT meta_value FROM ' . Schema::table( 'ticket_meta' ) . ' WHERE ticket_id = %d AND meta_key = %s LIMIT 1', $ticket_id, $key ) );
		return null === $value ? null : maybe_unserialize( (string) $value );
	}

	/**
	 * All meta of a ticket.
	 *
	 * @return array<string, mixed>
	 */
	public function all_meta( int $ticket_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT meta_key, meta_value FROM ' . Schema::table( 'ticket_meta' ) . ' WHERE ticket_id = %d', $ticket_id ), ARRAY_A );
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['meta_key'] ] = maybe_unserialize( (string) $row['meta_value'] );
		}
		return $out;
	}

	/**
	 * Sets a ticket meta value (one row per key).
	 *
	 * @param mixed $value Value (serialized when not scalar).
	 */
	public function update_meta( int $ticket_id, string $key, $value ): void {
		global $wpdb;
		$table = Schema::table( 'ticket_meta' );
		$id    = (int) $wpdb->get_var( $wpdb->prepare( "SELECT meta_id FROM $table WHERE ticket_id = %d AND meta_key = %s LIMIT 1", $ticket_id, $key ) );
		$value = maybe_serialize( $value );
		if ( $id > 0 ) {
			$wpdb->update( $table, array( 'meta_value' => $value ), array( 'meta_id' => $id ) );
		} else {
			$wpdb->insert(
				$table,
				array(
					'ticket_id'  => $ticket_id,
					'meta_key'   => $key, // phpcs:ignore WordPress.DB.SlowDBQuery
					'meta_value' => $value, // phpcs:ignore WordPress.DB.SlowDBQuery
				)
			);
		}
	}

	/**
	 * Removes a ticket meta key.
	 */
	public function delete_meta( int $ticket_id, string $key ): void {
		global $wpdb;
		$wpdb->delete(
			Schema::table( 'ticket_meta' ),
			array(
				'ticket_id' => $ticket_id,
				'meta_key'  => $key, // phpcs:ignore WordPress.DB.SlowDBQuery
			)
		);
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
	 * Deletes a ticket with everything on it (failed creation, privacy erasure).
	 */
	public function delete( int $ticket_id ): void {
		global $wpdb;
		$ticket = $this->get( $ticket_id );
		$files  = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'attachments' ) . ' WHERE ticket_id = %d', $ticket_id ), ARRAY_A );
		$store  = new Attachments();
		foreach ( (array) $files as $file ) {
			wp_delete_file( $store->path( $file ) );
		}
		foreach ( array( 'attachments', 'messages', 'events', 'ticket_meta', 'ticket_tags' ) as $table ) {
			$wpdb->delete( Schema::table( $table ), array( 'ticket_id' => $ticket_id ) );
		}
		$wpdb->delete( Schema::table( 'tickets' ), array( 'id' => $ticket_id ) );
		if ( $ticket ) {
			( new Customers() )->bump_ticket_count( (int) $ticket['customer_id'], -1 );
		}
	}

	/**
	 * Store-time counters and the status rule for a new message, in one atomic UPDATE each.
	 *
	 * @param array<string, mixed> $ticket Ticket row before the message.
	 * @param string               $search New words for the ticket's search document.
	 */
	private function apply_message_counters( array $ticket, string $author_type, bool $is_private, string $text, string $now, string $search = '' ): void {
		global $wpdb;
		$table = Schema::table( 'tickets' );
		$id    = (int) $ticket['id'];

		$sql  = "UPDATE $table SET updated_at = %s";
		$args = array( $now );
		if ( '' !== $search ) {
			$sql   .= ", search_text = TRIM(CONCAT(search_text, ' ', %s))";
			$args[] = $search;
		}
		if ( $is_private ) {
			$args[] = $id;
			$wpdb->query( $wpdb->prepare( $sql . ' WHERE id = %d', $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- built from literals above.
			return;
		}

		$sql   .= ', message_count = message_count + 1, preview = %s, last_message_at = GREATEST(last_message_at, %s)';
		$args[] = Html::preview( $text );
		$args[] = $now;
		if ( 'customer' === $author_type ) {
			$sql   .= ', last_customer_message_at = %s';
			$args[] = $now;
		} elseif ( 'agent' === $author_type ) {
			$sql   .= ', last_agent_reply_at = %s, first_response_at = COALESCE(first_response_at, %s), first_response_seconds = COALESCE(first_response_seconds, GREATEST(0, TIMESTAMPDIFF(SECOND, created_at, %s)))';
			$args[] = $now;
			$args[] = $now;
			$args[] = $now;
		}
		$args[] = $id;
		$wpdb->query( $wpdb->prepare( $sql . ' WHERE id = %d', $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- built from literals above.

		$next = Status::after_message( (string) $ticket['status'], $author_type, false );
		if ( null !== $next ) {
			$this->update(
				$id,
				array( 'status' => $next ),
				array(
					'type' => 'customer' === $author_type ? 'customer' : 'system',
					'id'   => 'customer' === $author_type ? (int) $ticket['customer_id'] : 0,
				)
			);
		}
	}

	/**
	 * Events for changed fields, plus the status hook.
	 *
	 * @param array<string, mixed>      $before Row before.
	 * @param array<string, mixed>      $set    Changed columns.
	 * @param array<string, mixed>|null $actor  Actor.
	 */
	private function record_changes( array $before, array $set, ?array $actor ): void {
		$id = (int) $before['id'];
		if ( isset( $set['status'] ) ) {
			$this->events->record(
				$id,
				'status_changed',
				array(
					'from' => $before['status'],
					'to'   => $set['status'],
				),
				$actor
			);

			/**
			 * Fires after a ticket's status changed.
			 *
			 * @since 0.1.0
			 *
			 * @param int    $ticket_id Ticket id.
			 * @param string $new       New status.
			 * @param string $old       Previous status.
			 */
			do_action( 'switchboard_ticket_status_changed', $id, (string) $set['status'], (string) $before['status'] );
		}
		if ( isset( $set['priority'] ) ) {
			$this->events->record(
				$id,
				'priority_changed',
				array(
					'from' => Status::priority_name( (int) $before['priority'] ),
					'to'   => Status::priority_name( (int) $set['priority'] ),
				),
				$actor
			);
		}
		if ( isset( $set['assignee_id'] ) ) {
			$this->events->record(
				$id,
				'assigned',
				array(
					'from' => (int) $before['assignee_id'],
					'to'   => (int) $set['assignee_id'],
				),
				$actor
			);

			/**
			 * Fires after a ticket was (re)assigned.
			 *
			 * @since 0.1.0
			 *
			 * @param int $ticket_id Ticket id.
			 * @param int $assignee  New assignee (0 = nobody).
			 * @param int $previous  Previous assignee.
			 */
			do_action( 'switchboard_ticket_assigned', $id, (int) $set['assignee_id'], (int) $before['assignee_id'] );
		}
		if ( isset( $set['team_id'] ) ) {
			// Names as they were, so the timeline still reads well after a team is renamed or deleted.
			$names = ( new Teams() )->names( array( (int) $before['team_id'], (int) $set['team_id'] ) );
			$this->events->record(
				$id,
				'team_changed',
				array(
					'from'      => (int) $before['team_id'],
					'to'        => (int) $set['team_id'],
					'from_name' => $names[ (int) $before['team_id'] ] ?? '',
					'to_name'   => $names[ (int) $set['team_id'] ] ?? '',
				),
				$actor
			);

			/**
			 * Fires after a ticket was moved to another team (or out of its team).
			 *
			 * @since 0.1.0
			 *
			 * @param int $ticket_id Ticket id.
			 * @param int $team_id   New team (0 = none).
			 * @param int $previous  Previous team.
			 */
			do_action( 'switchboard_ticket_team_changed', $id, (int) $set['team_id'], (int) $before['team_id'] );
		}
		if ( isset( $set['order_id'] ) ) {
			$this->events->record(
				$id,
				'order_linked',
				array(
					'from' => (int) $before['order_id'],
					'to'   => (int) $set['order_id'],
				),
				$actor
			);
		}
		if ( isset( $set['subject'] ) ) {
			$this->events->record(
				$id,
				'subject_changed',
				array(
					'from' => $before['subject'],
					'to'   => $set['subject'],
				),
				$actor
			);
		}
	}

	/**
	 * Emails agents @mentioned in a private note and records the mention.
	 *
	 * @param array<string, mixed> $ticket  Ticket.
	 * @param array<string, mixed> $message Message.
	 */
	private function notify_mentions( array $ticket, array $message, string $text ): void {
		if ( ! preg_match_all( '/(?<![\w.])@([A-Za-z0-9_.\-]{2,60})/', $text, $matches ) ) {
			return;
		}
		$mentioned = array();
		foreach ( array_unique( $matches[1] ) as $login ) {
			$user = get_user_by( 'login', rtrim( $login, '.' ) );
			if ( ! $user || ! user_can( $user, \Switchboard\Auth\Capabilities::AGENT ) || (int) $user->ID === (int) $message['author_id'] ) {
				continue;
			}
			$mentioned[] = (int) $user->ID;
			$link        = admin_url( 'admin.php?page=switchboard&ticket=' . (int) $ticket['id'] );
			wp_mail(
				$user->user_email,
				/* translators: 1: ticket number, 2: subject */
				sprintf( __( 'You were mentioned on ticket #%1$d: %2$s', 'switchboard' ), (int) $ticket['id'], (string) $ticket['subject'] ),
				$text . "\n\n" . $link
			);
		}
		if ( $mentioned ) {
			$this->events->record(
				(int) $ticket['id'],
				'mentioned',
				array(
					'users'      => $mentioned,
					'message_id' => (int) $message['id'],
				)
			);

			/**
			 * Fires when agents were @mentioned in a private note.
			 *
			 * @since 0.1.0
			 *
			 * @param int[]                $user_ids Mentioned agents.
			 * @param array<string, mixed> $message  The note.
			 * @param array<string, mixed> $ticket   The ticket.
			 */
			do_action( 'switchboard_agents_mentioned', $mentioned, $message, $ticket );
		}
	}

	/**
	 * The duplicate-message error.
	 */
	private static function duplicate( int $existing ): WP_Error {
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
