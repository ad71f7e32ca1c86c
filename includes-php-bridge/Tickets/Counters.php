<?php
/**
 * Store-time counters on the ticket row.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;

/**
 * The counters lists read instead of counting on the fly: message count, preview, last message,
 * last customer message, last agent reply and first response. A new message updates them with one
 * atomic UPDATE (two agents replying at once both land, in order); merge and split recompute them
 * from the messages.
 */
final class Counters {

	/**
	 * Ticket rows.
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
	 * Constructor.
	 *
	 * @param TicketRepository|null $tickets Ticket rows.
	 * @param SearchDocument|null   $search  Search document.
	 */
	public function __construct( ?TicketRepository $tickets = null, ?SearchDocument $search = null ) {
		$this->tickets = $tickets ?? new TicketRepository();
		$this->search  = $search ?? new SearchDocument();
	}

	/**
	 * Counters for a new message, in one atomic UPDATE (a private note only touches updated_at and
	 * the search document).
	 *
	 * @param array<string, mixed> $ticket Ticket row before the message.
	 * @param string               $search New words for the ticket's search document.
	 */
	public function apply_message( array $ticket, string $author_type, bool $is_private, string $text, string $now, string $search = '' ): void {
		global $wpdb;
		$table = Schema::table( 'tickets' );
		$id    = (int) $ticket['id'];

		$sql  = "UPDATE $table SET updated_at = %s";
		$args = array( $now );
		if ( '' !== $search ) {
			$sql   .= ", search_text = TRIM(CONCAT(search_text, ' ', %s))";
			$args[] = $search;
		}
		if ( ! $is_private ) {
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
		}
		$args[] = $id;
		$wpdb->query( $wpdb->prepare( $sql . ' WHERE id = %d', $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- built from literals above.
	}

	/**
	 * Recomputes the stored counters from the messages (after merge/split), and the search document.
	 */
	public function refresh( int $ticket_id ): void {
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
		$ticket = $this->tickets->get( $ticket_id );
		if ( ! $ticket || ! is_array( $agg ) ) {
			return;
		}
		$first = $agg['first_agent'];
		$this->tickets->update_fields(
			$ticket_id,
			array(
				'message_count'            => (int) $agg['public_count'],
				'last_message_at'          => $agg['last_at'] ?? $ticket['created_at'],
				'last_customer_message_at' => $agg['last_customer'],
				'last_agent_reply_at'      => $agg['last_agent'],
				'first_response_at'        => $first,
				'first_response_seconds'   => null === $first ? null : max( 0, strtotime( (string) $first ) - strtotime( (string) $ticket['created_at'] ) ),
				'preview'                  => Html::preview( (string) $last ),
				'updated_at'               => Time::now(),
			)
		);
		$this->search->rebuild( $ticket_id );
	}
}
