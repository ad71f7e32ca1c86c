<?php
/**
 * The chat's reads of the ticket's messages: what the visitor sees and how much of it is unread.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Db\Schema;
use Switchboard\Tickets\People;
use Switchboard\Tickets\Time;

/**
 * Public messages only: a visitor never sees an internal note. Shared by the widget's routes and
 * the transcript mail.
 */
final class ChatMessages {

	/**
	 * Public messages after an id, shaped for the widget (text only).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function visitor_messages( int $ticket_id, int $after ): array {
		global $wpdb;
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT id, ticket_id, author_type, author_id, body_text, meta, created_at FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d AND is_private = 0 AND id > %d ORDER BY id LIMIT 200',
				$ticket_id,
				$after
			),
			ARRAY_A
		);
		$users = People::users( array_map( 'intval', array_column( (array) $rows, 'author_id' ) ) );
		$out   = array();
		foreach ( (array) $rows as $row ) {
			$out[] = self::shape( $row, $users );
		}
		return $out;
	}

	/**
	 * One message row as the widget shows it.
	 *
	 * @param array<string, mixed>             $row   Message row.
	 * @param array<int, array<string, mixed>> $users Authors by id.
	 * @return array<string, mixed>
	 */
	private static function shape( array $row, array $users ): array {
		$meta = json_decode( (string) $row['meta'], true );
		$meta = is_array( $meta ) ? $meta : array();
		$type = (string) $row['author_type'];
		$name = __( 'You', 'switchboard' );
		if ( 'agent' === $type ) {
			$name = (string) ( $users[ (int) $row['author_id'] ]['name'] ?? __( 'Support', 'switchboard' ) );
		} elseif ( 'bot' === $type || 'system' === $type ) {
			$name = __( 'Assistant', 'switchboard' );
		}
		$item = array(
			'id'         => (int) $row['id'],
			'author'     => array(
				'type' => $type,
				'name' => $name,
			),
			'text'       => (string) $row['body_text'],
			'created_at' => Time::iso( (string) $row['created_at'] ),
			'kind'       => (string) ( $meta['chat_kind'] ?? '' ),
		);
		if ( 'suggestions' === $item['kind'] ) {
			$item['suggestions'] = array_map(
				static fn ( array $s ): array => array(
					'id'      => (int) $s['id'],
					'title'   => (string) $s['title'],
					'excerpt' => (string) $s['excerpt'],
					'url'     => esc_url_raw( (string) $s['url'] ),
				),
				(array) ( $meta['suggestions'] ?? array() )
			);
			$item['feedback']    = (string) ( $meta['feedback'] ?? '' );
		}
		return $item;
	}

	/**
	 * Unread replies (agent and bot messages after the last one the visitor read).
	 *
	 * @param array<string, mixed> $session Session row.
	 */
	public function unread( array $session ): int {
		global $wpdb;
		if ( 0 === (int) $session['ticket_id'] ) {
			return 0;
		}
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . " WHERE ticket_id = %d AND is_private = 0 AND author_type <> 'customer' AND id > %d",
				(int) $session['ticket_id'],
				(int) $session['last_read_id']
			)
		);
	}

	/**
	 * Newest message id of a ticket.
	 */
	public function last_message_id( int $ticket_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT MAX(id) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $ticket_id ) );
	}
}
