<?php
/**
 * Creating and changing tickets and their messages.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use WP_Error;

/**
 * The write side of the ticket core, as one entry point: every channel ends up here (input →
 * message on a ticket of a customer). It delegates each job to its class:
 *
 * - TicketRepository: ticket rows, meta, deletion;
 * - TicketCreator / TicketUpdater: opening a ticket, changing its fields (ChangeRecorder puts the
 *   changes on the timeline and fires their hooks);
 * - MessageWriter: cleaning, storing once and announcing a message (Mentions listens for notes);
 * - Counters: store-time counters on the ticket row, atomic SQL in the same request, so two agents
 *   replying at once both land, in order, and lists never count on the fly;
 * - SearchDocument: the per-ticket search text;
 * - Merger / Splitter: joining two tickets, splitting a message off.
 */
final class TicketService {

	/**
	 * Ticket rows and meta.
	 *
	 * @var TicketRepository
	 */
	private TicketRepository $tickets;

	/**
	 * Search document.
	 *
	 * @var SearchDocument
	 */
	private SearchDocument $search;

	/**
	 * Counters.
	 *
	 * @var Counters
	 */
	private Counters $counters;

	/**
	 * Field updates.
	 *
	 * @var TicketUpdater
	 */
	private TicketUpdater $updater;

	/**
	 * Messages.
	 *
	 * @var MessageWriter
	 */
	private MessageWriter $messages;

	/**
	 * Ticket creation.
	 *
	 * @var TicketCreator
	 */
	private TicketCreator $creator;

	/**
	 * Split.
	 *
	 * @var Splitter
	 */
	private Splitter $splitter;

	/**
	 * Merge.
	 *
	 * @var Merger
	 */
	private Merger $merger;

	/**
	 * Constructor: wires the ticket core's classes around one event log, one repository and one
	 * search document (defaults when not given). Nothing here queries the database.
	 *
	 * @param Events|null           $events  Event log.
	 * @param TicketRepository|null $tickets Ticket rows and meta.
	 * @param SearchDocument|null   $search  Search document.
	 */
	public function __construct( ?Events $events = null, ?TicketRepository $tickets = null, ?SearchDocument $search = null ) {
		$events         = $events ?? new Events();
		$this->tickets  = $tickets ?? new TicketRepository();
		$this->search   = $search ?? new SearchDocument();
		$this->counters = new Counters( $this->tickets, $this->search );
		$this->updater  = new TicketUpdater( $this->tickets, new ChangeRecorder( $events ), $this->search );
		$this->messages = new MessageWriter( $this->tickets, $this->counters, $this->search, $this->updater );
		$this->creator  = new TicketCreator( $this->tickets, $this->messages, $events );
		$this->splitter = new Splitter( $this->tickets, $this->creator, $this->counters, $events );
		$this->merger   = new Merger( $this->tickets, $this->counters, $events );
	}

	/**
	 * A ticket row, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		return $this->tickets->get( $id );
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
		return $this->creator->create( $args );
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
		return $this->messages->add_message( $ticket_id, $args );
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
		return $this->updater->update( $ticket_id, $changes, $actor, $may_create_tags );
	}

	/**
	 * Merges $source into $target (see Merger: tickets of two different customers are refused here;
	 * managers merge those through Merger with the customers confirmed).
	 *
	 * @return array<string, mixed>|WP_Error Target row.
	 */
	public function merge( int $target_id, int $source_id ) {
		return $this->merger->merge( $target_id, $source_id );
	}

	/**
	 * Moves one message into a new ticket of the same customer.
	 *
	 * @return int|WP_Error New ticket id.
	 */
	public function split( int $ticket_id, int $message_id ) {
		return $this->splitter->split( $ticket_id, $message_id );
	}

	/**
	 * Recomputes the stored counters from the messages (after merge/split).
	 */
	public function refresh_counters( int $ticket_id ): void {
		$this->counters->refresh( $ticket_id );
	}

	/**
	 * Rebuilds a ticket's search document from its subject and messages (subject edits, merge,
	 * split).
	 */
	public function rebuild_search( int $ticket_id ): void {
		$this->search->rebuild( $ticket_id );
	}

	/**
	 * Ticket meta value, or null.
	 *
	 * @return mixed
	 */
	public function get_meta( int $ticket_id, string $key ) {
		return $this->tickets->get_meta( $ticket_id, $key );
	}

	/**
	 * All meta of a ticket.
	 *
	 * @return array<string, mixed>
	 */
	public function all_meta( int $ticket_id ): array {
		return $this->tickets->all_meta( $ticket_id );
	}

	/**
	 * Sets a ticket meta value (one row per key).
	 *
	 * @param mixed $value Value (serialized when not scalar).
	 */
	public function update_meta( int $ticket_id, string $key, $value ): void {
		$this->tickets->update_meta( $ticket_id, $key, $value );
	}

	/**
	 * Removes a ticket meta key.
	 */
	public function delete_meta( int $ticket_id, string $key ): void {
		$this->tickets->delete_meta( $ticket_id, $key );
	}

	/**
	 * The channel a reply goes out on: the customer's last message's channel, else the ticket's.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 */
	public function reply_channel( array $ticket ): string {
		return $this->messages->reply_channel( $ticket );
	}

	/**
	 * Deletes a ticket with everything on it (failed creation, privacy erasure).
	 */
	public function delete( int $ticket_id ): void {
		$this->tickets->delete( $ticket_id );
	}
}
