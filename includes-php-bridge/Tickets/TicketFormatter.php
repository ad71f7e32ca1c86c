<?php
/**
 * Shapes ticket rows for REST with their related records loaded in batches.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

/**
 * One query each for customers, tags, assignees and teams of a whole page — never one per row
 * (none for teams when no ticket of the page has one).
 */
final class TicketFormatter {

	/**
	 * Shapes a page of ticket rows.
	 *
	 * @param array<int, array<string, mixed>> $rows Ticket rows.
	 * @return array<int, array<string, mixed>>
	 */
	public function format_many( array $rows ): array {
		$ids       = array_map( static fn ( array $r ): int => (int) $r['id'], $rows );
		$customers = ( new Customers() )->get_many( array_column( $rows, 'customer_id' ) );
		$tags      = ( new Tags() )->for_tickets( $ids );
		$users     = People::users( array_column( $rows, 'assignee_id' ) );
		$teams     = ( new Teams() )->names( array_column( $rows, 'team_id' ) );

		$out = array();
		foreach ( $rows as $row ) {
			$customer = $customers[ (int) $row['customer_id'] ] ?? null;
			$assignee = $users[ (int) $row['assignee_id'] ] ?? null;
			$out[]    = array(
				'id'                       => (int) $row['id'],
				'number'                   => (int) $row['id'],
				'subject'                  => (string) $row['subject'],
				'status'                   => (string) $row['status'],
				'priority'                 => Status::priority_name( (int) $row['priority'] ),
				'channel'                  => (string) $row['channel'],
				'customer'                 => $customer ? array(
					'id'     => (int) $customer['id'],
					'name'   => Customers::display_name( $customer ),
					'email'  => (string) $customer['email'],
					'avatar' => (string) get_avatar_url( (string) $customer['email'], array( 'size' => 48 ) ),
				) : null,
				'assignee'                 => $assignee ? array(
					'id'     => $assignee['id'],
					'name'   => $assignee['name'],
					'avatar' => $assignee['avatar'],
				) : null,
				'team_id'                  => (int) $row['team_id'],
				'team'                     => isset( $teams[ (int) $row['team_id'] ] ) ? array(
					'id'   => (int) $row['team_id'],
					'name' => $teams[ (int) $row['team_id'] ],
				) : null,
				'order_id'                 => (int) $row['order_id'],
				'merged_into'              => (int) $row['merged_into'],
				'tags'                     => $tags[ (int) $row['id'] ] ?? array(),
				'message_count'            => (int) $row['message_count'],
				'preview'                  => (string) $row['preview'],
				'last_message_at'          => Time::iso( $row['last_message_at'] ),
				'last_customer_message_at' => Time::iso( $row['last_customer_message_at'] ),
				'last_agent_reply_at'      => Time::iso( $row['last_agent_reply_at'] ),
				'first_response_at'        => Time::iso( $row['first_response_at'] ),
				'first_response_seconds'   => null === $row['first_response_seconds'] ? null : (int) $row['first_response_seconds'],
				'resolved_at'              => Time::iso( $row['resolved_at'] ),
				'reopen_count'             => (int) $row['reopen_count'],
				'sla_first_response_due'   => Time::iso( $row['sla_first_response_due'] ),
				'sla_resolution_due'       => Time::iso( $row['sla_resolution_due'] ),
				'created_at'               => Time::iso( $row['created_at'] ),
				'updated_at'               => Time::iso( $row['updated_at'] ),
			);
		}
		return $out;
	}

	/**
	 * Shapes one ticket.
	 *
	 * @param array<string, mixed> $row Ticket row.
	 * @return array<string, mixed>
	 */
	public function format( array $row ): array {
		return $this->format_many( array( $row ) )[0];
	}
}
