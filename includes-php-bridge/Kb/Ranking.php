<?php
/**
 * Merges the ranked passes of a knowledge base search (pure PHP, no WordPress).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * SearchIndex asks InnoDB for two ranked lists — title matches, then body matches — and feeds
 * them here in that order: every title hit ranks before every body-only hit, an article found in
 * both keeps its title score (weighted), rows the reader may not see are dropped, and it stops at
 * the limit (so the second query is skipped when titles already filled the page).
 */
final class Ranking {

	/**
	 * Hits so far, by article id, in rank order.
	 *
	 * @var array<int, array{id: int, score: float}>
	 */
	private array $hits = array();

	/**
	 * Constructor.
	 *
	 * @param int  $limit            Results wanted.
	 * @param bool $include_internal Whether internal articles may be returned.
	 */
	public function __construct( private int $limit, private bool $include_internal ) {
		$this->limit = max( 1, $limit );
	}

	/**
	 * Adds one pass (rows best first: post_id, is_internal, is_published, score). Returns true once
	 * the limit is reached.
	 *
	 * @param array<int, array<string, mixed>> $rows   Rows of the pass.
	 * @param float                            $weight Score multiplier of the pass.
	 */
	public function add( array $rows, float $weight ): bool {
		foreach ( $rows as $row ) {
			if ( $this->full() ) {
				return true;
			}
			$id = (int) ( $row['post_id'] ?? 0 );
			if ( $id <= 0 || isset( $this->hits[ $id ] ) || ! (int) ( $row['is_published'] ?? 0 ) || ( ! $this->include_internal && (int) ( $row['is_internal'] ?? 0 ) ) ) {
				continue;
			}
			$this->hits[ $id ] = array(
				'id'    => $id,
				'score' => round( (float) ( $row['score'] ?? 0 ) * $weight, 4 ),
			);
		}
		return $this->full();
	}

	/**
	 * Whether the limit is reached.
	 */
	public function full(): bool {
		return count( $this->hits ) >= $this->limit;
	}

	/**
	 * The hits, best first.
	 *
	 * @return array<int, array{id: int, score: float}>
	 */
	public function hits(): array {
		return array_values( $this->hits );
	}
}
