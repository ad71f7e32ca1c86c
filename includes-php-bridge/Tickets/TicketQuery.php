<?php
/**
 * Listing, filtering, searching and counting tickets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Sql;
use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;

/**
 * Builds one prepared query for a page of tickets plus one COUNT, whatever the page size; related
 * customers, tags and assignees are loaded in one query each by TicketFormatter.
 */
final class TicketQuery {

	public const SOLVED_CAP = 1000;

	public const ORDERBY = array( 'last_message_at', 'created_at', 'updated_at', 'priority', 'id' );

	/**
	 * A page of tickets.
	 *
	 * @param array<string, mixed> $args status (string[]), assignee ('me'|'none'|int), team ('mine'|'none'|int), channel (string[]),
	 *                                   tag (slug), priority (string), customer (int), order_id (int),
	 *                                   after/before (MySQL UTC), search, orderby, order, page, per_page,
	 *                                   confirmed_only (bool: leave out tickets whose typed address is unconfirmed).
	 * @return array{rows: array<int, array<string, mixed>>, total: int}
	 */
	public function query( array $args ): array {
		global $wpdb;

		list( $where, $params, $join ) = $this->where( $args );

		$orderby = in_array( $args['orderby'] ?? '', self::ORDERBY, true ) ? (string) $args['orderby'] : 'last_message_at';
		$order   = 'asc' === strtolower( (string) ( $args['order'] ?? 'desc' ) ) ? 'ASC' : 'DESC';
		$sort    = 'priority' === $orderby ? "t.priority $order, t.last_message_at DESC" : "t.$orderby $order";
		if ( 'id' !== $orderby ) {
			$sort .= ", t.id $order";
		}

		$per_page  = max( 1, min( 100, (int) ( $args['per_page'] ?? 25 ) ) );
		$page      = max( 1, (int) ( $args['page'] ?? 1 ) );
		$table     = Schema::table( 'tickets' );
		$sql_where = $where ? 'WHERE ' . implode( ' AND ', $where ) : '';

		$columns = 't.id, t.subject, t.status, t.priority, t.channel, t.customer_id, t.assignee_id, t.team_id, t.order_id, t.merged_into, t.message_count, t.preview, t.last_message_at, t.last_customer_message_at, t.last_agent_reply_at, t.first_response_at, t.first_response_seconds, t.resolved_at, t.reopen_count, t.sla_first_response_due, t.sla_resolution_due, t.created_at, t.updated_at';

		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared -- every value is a placeholder; identifiers are from allow-lists.
		// Deferred join: the page's ids come from the (covering) sort index alone, then only those
		// rows are read. Deep pages (OFFSET 5000) and filtered sorts no longer read every skipped row.
		$rows_sql = "SELECT $columns FROM $table t JOIN ( SELECT t.id FROM $table t $join $sql_where ORDER BY $sort LIMIT %d OFFSET %d ) page ON page.id = t.id ORDER BY $sort";
		$rows     = $wpdb->get_results( $wpdb->prepare( $rows_sql, array_merge( $params, array( $per_page, ( $page - 1 ) * $per_page ) ) ), ARRAY_A );

		$count_sql = "SELECT COUNT(*) FROM $table t $join $sql_where";
		$total     = (int) ( $params ? $wpdb->get_var( $wpdb->prepare( $count_sql, $params ) ) : $wpdb->get_var( $count_sql ) );
		// phpcs:enable

		return array(
			'rows'  => (array) $rows,
			'total' => $total,
		);
	}

	/**
	 * WHERE clauses, their parameters and any JOIN.
	 *
	 * @param array<string, mixed> $args Filters.
	 * @return array{0: string[], 1: array<int, mixed>, 2: string}
	 */
	private function where( array $args ): array {
		global $wpdb;
		$where  = array();
		$params = array();
		$join   = '';

		$statuses = array_values( array_intersect( (array) ( $args['status'] ?? array() ), Status::ALL ) );
		if ( $statuses ) {
			sort( $statuses );
			$open = Status::OPEN_SET;
			sort( $open );
			if ( $statuses === $open ) {
				// "All open" has its own indexed flag, so the sort by last_message_at uses an index.
				$where[] = 't.is_open = 1';
			} elseif ( 1 === count( $statuses ) ) {
				$where[]  = 't.status = %s';
				$params[] = $statuses[0];
			} else {
				$where[] = 't.status IN (' . Sql::placeholders( $statuses, '%s' ) . ')';
				$params  = array_merge( $params, $statuses );
			}
		}

		$assignee = $args['assignee'] ?? null;
		if ( 'me' === $assignee ) {
			$where[]  = 't.assignee_id = %d';
			$params[] = get_current_user_id();
		} elseif ( 'none' === $assignee ) {
			$where[] = 't.assignee_id = 0';
		} elseif ( is_numeric( $assignee ) ) {
			$where[]  = 't.assignee_id = %d';
			$params[] = (int) $assignee;
		}

		$team = $args['team'] ?? null;
		if ( 'none' === $team ) {
			$where[] = 't.team_id = 0';
		} elseif ( 'mine' === $team ) {
			$mine = ( new Teams() )->ids_of_user( get_current_user_id() );
			if ( $mine ) {
				$where[] = 't.team_id IN (' . Sql::placeholders( $mine ) . ')';
				$params  = array_merge( $params, $mine );
			} else {
				$where[] = '1 = 0';
			}
		} elseif ( is_numeric( $team ) ) {
			$where[]  = 't.team_id = %d';
			$params[] = (int) $team;
		}

		$channels = array_values( array_filter( array_map( 'sanitize_key', (array) ( $args['channel'] ?? array() ) ) ) );
		if ( $channels ) {
			$where[] = 't.channel IN (' . Sql::placeholders( $channels, '%s' ) . ')';
			$params  = array_merge( $params, $channels );
		}

		if ( ! empty( $args['priority'] ) && array_key_exists( (string) $args['priority'], Status::PRIORITIES ) ) {
			$where[]  = 't.priority = %d';
			$params[] = Status::priority_value( (string) $args['priority'] );
		}
		foreach ( array(
			'customer' => 't.customer_id',
			'order_id' => 't.order_id',
		) as $key => $column ) {
			if ( ! empty( $args[ $key ] ) ) {
				$where[]  = "$column = %d";
				$params[] = (int) $args[ $key ];
			}
		}
		if ( ! empty( $args['confirmed_only'] ) ) {
			// Not the tickets on an address a visitor typed that its owner has not confirmed yet.
			$where[]  = 'NOT EXISTS (SELECT 1 FROM ' . Schema::table( 'ticket_meta' ) . ' um WHERE um.ticket_id = t.id AND um.meta_key = %s)';
			$params[] = SenderCheck::META;
		}
		if ( ! empty( $args['after'] ) ) {
			$where[]  = 't.created_at >= %s';
			$params[] = (string) $args['after'];
		}
		if ( ! empty( $args['before'] ) ) {
			$where[]  = 't.created_at < %s';
			$params[] = (string) $args['before'];
		}

		if ( ! empty( $args['tag'] ) ) {
			$join = 'JOIN ' . Schema::table( 'ticket_tags' ) . ' tt ON tt.ticket_id = t.id JOIN ' . Schema::table( 'tags' ) . ' tg ON tg.id = tt.tag_id AND tg.slug = %s';
			array_unshift( $params, sanitize_title( (string) $args['tag'] ) );
		}

		$search = trim( (string) ( $args['search'] ?? '' ) );
		if ( '' !== $search ) {
			if ( preg_match( '/^#?(\d+)$/', $search, $m ) ) {
				$where[]  = 't.id = %d';
				$params[] = (int) $m[1];
			} else {
				$expression = Tokenizer::query( $search, false );
				if ( '' !== $expression ) {
					// One document per ticket (subject + every message), kept by TicketService.
					$where[]  = 'MATCH(t.search_text) AGAINST (%s IN BOOLEAN MODE)';
					$params[] = $expression;
				} else {
					$where[]  = 't.subject LIKE %s';
					$params[] = '%' . $wpdb->esc_like( $search ) . '%';
				}
			}
		}

		return array( $where, $params, $join );
	}

	/**
	 * The inbox sidebar counts in two indexed queries.
	 *
	 * @return array<string, mixed>
	 */
	public function queues( int $user_id ): array {
		global $wpdb;
		$table = Schema::table( 'tickets' );
		$rows  = $wpdb->get_results( "SELECT status, channel, assignee_id, COUNT(*) AS n FROM $table WHERE is_open = 1 GROUP BY status, channel, assignee_id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		$out = array(
			'mine'       => 0,
			'unassigned' => 0,
			'all_open'   => 0,
			'new'        => 0,
			'open'       => 0,
			'pending'    => 0,
			'on_hold'    => 0,
			'solved'     => 0,
			'channels'   => array(),
		);
		foreach ( (array) $rows as $row ) {
			$n                = (int) $row['n'];
			$assignee         = (int) $row['assignee_id'];
			$out['all_open'] += $n;
			$key              = str_replace( '-', '_', (string) $row['status'] );
			if ( isset( $out[ $key ] ) ) {
				$out[ $key ] += $n;
			}
			if ( $assignee === $user_id ) {
				$out['mine'] += $n;
			}
			if ( 0 === $assignee ) {
				$out['unassigned'] += $n;
			}
			$out['channels'][ (string) $row['channel'] ] = ( $out['channels'][ (string) $row['channel'] ] ?? 0 ) + $n;
		}
		// Solved tickets pile up forever: count at most SOLVED_CAP index entries (the sidebar shows
		// "1000+"), so this stays cheap at any size.
		$solved               = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM ( SELECT 1 FROM $table WHERE status = %s LIMIT %d ) s", Status::SOLVED, self::SOLVED_CAP ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out['solved']        = $solved;
		$out['solved_capped'] = $solved >= self::SOLVED_CAP;
		return $out;
	}
}
