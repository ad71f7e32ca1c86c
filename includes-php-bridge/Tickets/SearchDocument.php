<?php
/**
 * The per-ticket search document.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;

/**
 * One search document per ticket (tickets.search_text: the subject's and messages' words, each
 * once), so search reads 100k ticket documents instead of 1M messages. BOOLEAN MODE needs
 * presence, not frequency, so known words are not repeated.
 */
final class SearchDocument {

	/**
	 * Longest per-ticket search document (ASCII tokens; the column is TEXT).
	 */
	public const MAX = 60000;

	/**
	 * The words of a message not yet in the ticket's search document; '' when nothing is new or
	 * the document is full. The caller appends them in the same UPDATE as the counters.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its search_text) before the message.
	 */
	public function addition( array $ticket, string $text ): string {
		$current = (string) ( $ticket['search_text'] ?? '' );
		if ( strlen( $current ) >= self::MAX ) {
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
		return substr( implode( ' ', $new ), 0, max( 0, self::MAX - strlen( $current ) - 1 ) );
	}

	/**
	 * Rebuilds a ticket's search document from its subject and messages (subject edits, merge,
	 * split).
	 */
	public function rebuild( int $ticket_id ): void {
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
				if ( $length > self::MAX ) {
					break 2;
				}
				$words[ $word ] = true;
			}
		}
		$wpdb->update( Schema::table( 'tickets' ), array( 'search_text' => implode( ' ', array_keys( $words ) ) ), array( 'id' => $ticket_id ) );
	}
}
