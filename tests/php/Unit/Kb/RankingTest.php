<?php
/**
 * Merging the title and body passes of a knowledge base search.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Kb;

use PHPUnit\Framework\TestCase;
use Switchboard\Kb\Ranking;

final class RankingTest extends TestCase {

	/**
	 * A row as SearchIndex::ranked() returns it.
	 *
	 * @return array<string, mixed>
	 */
	private static function row( int $id, float $score, int $published = 1, int $internal = 0 ): array {
		return array(
			'post_id'      => (string) $id,
			'is_internal'  => (string) $internal,
			'is_published' => (string) $published,
			'score'        => (string) $score,
		);
	}

	public function test_title_hits_rank_before_body_hits_and_keep_their_weighted_score(): void {
		$ranking = new Ranking( 10, false );
		$this->assertFalse( $ranking->add( array( self::row( 7, 0.5 ), self::row( 3, 0.25 ) ), 3.0 ) );
		$this->assertFalse( $ranking->add( array( self::row( 9, 9.0 ), self::row( 3, 8.0 ), self::row( 4, 0.1 ) ), 1.0 ) );
		$this->assertSame(
			array(
				array(
					'id'    => 7,
					'score' => 1.5,
				),
				array(
					'id'    => 3,
					'score' => 0.75,
				),
				array(
					'id'    => 9,
					'score' => 9.0,
				),
				array(
					'id'    => 4,
					'score' => 0.1,
				),
			),
			$ranking->hits()
		);
	}

	public function test_unpublished_and_internal_rows_are_dropped(): void {
		$public = new Ranking( 10, false );
		$public->add( array( self::row( 1, 1, 0 ), self::row( 2, 1, 1, 1 ), self::row( 3, 1 ) ), 1.0 );
		$this->assertSame( array( 3 ), array_column( $public->hits(), 'id' ) );

		$agents = new Ranking( 10, true );
		$agents->add( array( self::row( 1, 1, 0 ), self::row( 2, 1, 1, 1 ), self::row( 3, 1 ) ), 1.0 );
		$this->assertSame( array( 2, 3 ), array_column( $agents->hits(), 'id' ), 'internal for agents, never drafts' );
	}

	public function test_stops_at_the_limit_and_says_so(): void {
		$ranking = new Ranking( 2, false );
		$this->assertTrue( $ranking->add( array( self::row( 1, 3 ), self::row( 2, 2 ), self::row( 3, 1 ) ), 1.0 ) );
		$this->assertSame( array( 1, 2 ), array_column( $ranking->hits(), 'id' ) );
		$this->assertTrue( $ranking->add( array( self::row( 4, 99 ) ), 1.0 ), 'a full ranking takes nothing more' );
		$this->assertSame( array( 1, 2 ), array_column( $ranking->hits(), 'id' ) );
	}

	public function test_limit_below_one_means_one(): void {
		$ranking = new Ranking( 0, false );
		$this->assertTrue( $ranking->add( array( self::row( 5, 1 ), self::row( 6, 1 ) ), 1.0 ) );
		$this->assertSame( array( 5 ), array_column( $ranking->hits(), 'id' ) );
	}
}
