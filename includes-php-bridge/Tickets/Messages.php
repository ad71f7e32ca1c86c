<?php
/**
 * Message rows: reading, formatting and delivery status.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Schema;

/**
 * Reads messages and shapes them for REST; writing goes through TicketService::add_message().
 */
final class Messages {

	public const DELIVERY_STATUSES = array( '', 'queued', 'sent', 'failed', 'bounced', 'delivered', 'read' );

	/**
	 * A message row.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'messages' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * Messages of a ticket, oldest first.
	 *
	 * @param bool $public_only Customers never see private notes.
	 * @return array<int, array<string, mixed>>
	 */
	public function for_ticket( int $ticket_id, bool $public_only = false ): array {
		global $wpdb;
		$sql  = 'SELECT id, ticket_id, direction, author_type, author_id, channel, is_private, body_html, body_text, external_id, delivery_status, delivery_attempts, delivery_error, meta, created_at FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d';
		$sql .= $public_only ? ' AND is_private = 0' : '';
		$rows = $wpdb->get_results( $wpdb->prepare( $sql . ' ORDER BY id', $ticket_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array_map( array( self::class, 'decode' ), (array) $rows );
	}

	/**
	 * Finds a message by its channel id (an email Message-ID, a chat message id …).
	 *
	 * @return array<string, mixed>|null
	 */
	public function find_by_external_id( string $external_id ): ?array {
		global $wpdb;
		if ( '' === $external_id ) {
			return null;
		}
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'messages' ) . ' WHERE external_id = %s ORDER BY id LIMIT 1', $external_id ), ARRAY_A );
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * Records the delivery state of an outgoing message (channels call this).
	 *
	 * @param string $status queued|sent|failed|bounced|delivered|read.
	 */
	public function set_delivery_status( int $message_id, string $status, string $error = '' ): void {
		global $wpdb;
		if ( ! in_array( $status, self::DELIVERY_STATUSES, true ) ) {
			return;
		}
		$attempt = in_array( $status, array( 'sent', 'failed' ), true ) ? 1 : 0;
		$wpdb->query(
			$wpdb->prepare(
				'UPDATE ' . Schema::table( 'messages' ) . ' SET delivery_status = %s, delivery_error = %s, delivery_attempts = delivery_attempts + %d WHERE id = %d',
				$status,
				$error,
				$attempt,
				$message_id
			)
		);

		/**
		 * Fires when a message's delivery status changes.
		 *
		 * @since 0.1.0
		 *
		 * @param int    $message_id Message id.
		 * @param string $status     New status.
		 * @param string $error      Error text for failed/bounced.
		 */
		do_action( 'switchboard_message_delivery_status', $message_id, $status, $error );
	}

	/**
	 * Merges keys into the message's meta.
	 *
	 * @param array<string, mixed> $meta Meta to merge.
	 */
	public function update_meta( int $message_id, array $meta ): void {
		global $wpdb;
		$message = $this->get( $message_id );
		if ( ! $message ) {
			return;
		}
		$wpdb->update( Schema::table( 'messages' ), array( 'meta' => wp_json_encode( array_merge( $message['meta'], $meta ) ) ), array( 'id' => $message_id ) );
	}

	/**
	 * Shapes messages for REST: authors resolved, attachments included, `cid:` images pointed at
	 * the protected attachment URLs of this viewer.
	 *
	 * @param array<int, array<string, mixed>> $rows  Message rows.
	 * @param array<string, string>            $extra Extra URL args for attachment links (guest token).
	 * @return array<int, array<string, mixed>>
	 */
	public function format_many( array $rows, array $extra = array() ): array {
		$attachments  = new Attachments();
		$files        = $attachments->for_messages( array_column( $rows, 'id' ) );
		$customer_ids = array();
		$user_ids     = array();
		foreach ( $rows as $row ) {
			if ( 'customer' === $row['author_type'] ) {
				$customer_ids[] = (int) $row['author_id'];
			} else {
				$user_ids[] = (int) $row['author_id'];
			}
		}
		$customers = ( new Customers() )->get_many( $customer_ids );
		$users     = People::users( $user_ids );

		$out = array();
		foreach ( $rows as $row ) {
			$list = array();
			$cids = array();
			foreach ( $files[ (int) $row['id'] ] ?? array() as $file ) {
				$shaped = $attachments->format( $file, $extra );
				$list[] = $shaped;
				$cid    = Html::clean_content_id( (string) $shaped['content_id'] );
				if ( '' !== $cid ) {
					$cids[ $cid ] = (string) $shaped['url'];
				}
			}
			// Stored HTML was sanitized on the way in; the cid rewrite sanitizes its own result, and
			// a body that cleaning emptied shows its text, escaped.
			$html = Html::replace_cids( Html::for_display( (string) $row['body_html'], (string) $row['body_text'] ), $cids );

			if ( 'customer' === $row['author_type'] ) {
				$customer = $customers[ (int) $row['author_id'] ] ?? null;
				$author   = array(
					'type'   => 'customer',
					'id'     => (int) $row['author_id'],
					'name'   => $customer ? Customers::display_name( $customer ) : __( 'Customer', 'switchboard' ),
					'avatar' => (string) get_avatar_url( $customer ? (string) $customer['email'] : '', array( 'size' => 48 ) ),
				);
			} else {
				$user   = $users[ (int) $row['author_id'] ] ?? null;
				$author = array(
					'type'   => (string) $row['author_type'],
					'id'     => (int) $row['author_id'],
					'name'   => $user ? $user['name'] : ( 'bot' === $row['author_type'] ? __( 'Assistant', 'switchboard' ) : __( 'Switchboard', 'switchboard' ) ),
					'avatar' => $user ? $user['avatar'] : '',
				);
			}

			$out[] = array(
				'id'              => (int) $row['id'],
				'ticket_id'       => (int) $row['ticket_id'],
				'direction'       => (string) $row['direction'],
				'author'          => $author,
				'channel'         => (string) $row['channel'],
				'is_private'      => (bool) $row['is_private'],
				'body_html'       => $html,
				'body_text'       => (string) $row['body_text'],
				'created_at'      => Time::iso( (string) $row['created_at'] ),
				'delivery_status' => (string) $row['delivery_status'],
				'delivery_error'  => (string) ( $row['delivery_error'] ?? '' ),
				'attachments'     => $list,
				'meta'            => self::public_meta( $row['meta'] ),
			);
		}
		return $out;
	}

	/**
	 * Meta safe to show agents: channel details without raw storage paths.
	 *
	 * @param mixed $meta Decoded meta.
	 * @return array<string, mixed>
	 */
	private static function public_meta( $meta ): array {
		$meta = is_array( $meta ) ? $meta : array();
		unset( $meta['raw_path'] );
		return $meta;
	}

	/**
	 * Decodes the JSON meta column.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array<string, mixed>
	 */
	public static function decode( array $row ): array {
		$meta        = isset( $row['meta'] ) ? json_decode( (string) $row['meta'], true ) : array();
		$row['meta'] = is_array( $meta ) ? $meta : array();
		foreach ( array( 'id', 'ticket_id', 'author_id', 'is_private', 'delivery_attempts' ) as $key ) {
			if ( isset( $row[ $key ] ) ) {
				$row[ $key ] = (int) $row[ $key ];
			}
		}
		return $row;
	}

	/**
	 * A customer's latest messages across all her tickets and channels, oldest first.
	 *
	 * @return array<int, array<string, mixed>> Decoded message rows.
	 */
	public function latest_of_customer( int $customer_id, int $limit = 100 ): array {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT m.* FROM ' . Schema::table( 'messages' ) . ' m JOIN ' . Schema::table( 'tickets' ) . ' t ON t.id = m.ticket_id
				WHERE t.customer_id = %d ORDER BY m.created_at DESC, m.id DESC LIMIT %d',
				$customer_id,
				$limit
			),
			ARRAY_A
		);
		return array_reverse( array_map( array( self::class, 'decode' ), (array) $rows ) );
	}
}
