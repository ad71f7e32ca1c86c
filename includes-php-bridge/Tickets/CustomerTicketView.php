<?php
/**
 * What a customer sees of her tickets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * The customer's shape of a ticket (no assignee, no internal counters) and of its public thread
 * (no private notes, no channel metadata, agents by display name only). Used by the customer
 * routes and the My Account screens alike.
 */
final class CustomerTicketView {

	/**
	 * Ticket core.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Wires the ticket core.
	 *
	 * @param TicketService|null $tickets Ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	/**
	 * List shape for customers.
	 *
	 * @param array<string, mixed> $row Ticket row.
	 * @return array<string, mixed>
	 */
	public function summary( array $row ): array {
		return array(
			'id'              => (int) $row['id'],
			'number'          => (int) $row['id'],
			'subject'         => (string) $row['subject'],
			'status'          => (string) $row['status'],
			'status_label'    => Status::label( (string) $row['status'] ),
			'channel'         => (string) $row['channel'],
			'order_id'        => (int) $row['order_id'],
			'message_count'   => (int) $row['message_count'],
			'last_message_at' => Time::iso( (string) $row['last_message_at'] ),
			'created_at'      => Time::iso( (string) $row['created_at'] ),
		);
	}

	/**
	 * A ticket with its public thread, its rating and the order item it is about.
	 *
	 * @param array<string, mixed> $ticket Ticket row.
	 * @param string               $token  The guest's signed token ('' when signed in): attachment
	 *                                     links carry it.
	 * @return array<string, mixed>
	 */
	public function detail( array $ticket, string $token ): array {
		$messages           = new Messages();
		$item               = $this->summary( $ticket );
		$item['messages']   = array_map(
			array( self::class, 'public_message' ),
			$messages->format_many( $messages->for_ticket( (int) $ticket['id'], true ), '' !== $token ? array( 'token' => $token ) : array() )
		);
		$rating             = $this->tickets->get_meta( (int) $ticket['id'], 'rating' );
		$item['rating']     = is_array( $rating ) ? $rating : null;
		$order_item         = $this->tickets->get_meta( (int) $ticket['id'], 'order_item' );
		$item['order_item'] = is_array( $order_item ) ? array(
			'id'   => (int) ( $order_item['id'] ?? 0 ),
			'name' => (string) ( $order_item['name'] ?? '' ),
		) : null;
		$item['can_rate']   = in_array( $ticket['status'], array( Status::SOLVED, Status::CLOSED ), true ) && ! is_array( $rating );
		return $item;
	}

	/**
	 * One message as the customer sees it.
	 *
	 * @param int    $message_id Message id.
	 * @param string $token      The guest's signed token, or ''.
	 * @return array<string, mixed>
	 */
	public function message( int $message_id, string $token ): array {
		$messages = new Messages();
		return self::public_message( $messages->format_many( array( (array) $messages->get( $message_id ) ), '' !== $token ? array( 'token' => $token ) : array() )[0] );
	}

	/**
	 * What a customer sees of a message: no channel metadata, agents by display name only.
	 *
	 * @param array<string, mixed> $message Shaped message.
	 * @return array<string, mixed>
	 */
	public static function public_message( array $message ): array {
		unset( $message['meta'], $message['delivery_error'], $message['is_private'] );
		$message['author'] = array(
			'type'   => $message['author']['type'],
			'name'   => $message['author']['name'],
			'avatar' => $message['author']['avatar'],
		);
		return $message;
	}
}
