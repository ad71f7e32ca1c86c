<?php
/**
 * Knowledge base searches through the tokenizer: what visitors type against what articles say.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Kb;

use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;
use Switchboard\Search\Tokenizer;

final class SearchQueryTest extends TestCase {

	/**
	 * InnoDB BOOLEAN MODE on the indexed words: every +term must match (a trailing * is a prefix).
	 */
	private static function finds( string $article, string $query ): bool {
		$words = array_filter( explode( ' ', Tokenizer::index( $article ) ) );
		$terms = Tokenizer::query( $query );
		if ( '' === $terms ) {
			return false;
		}
		foreach ( explode( ' ', $terms ) as $term ) {
			$term = ltrim( $term, '+' );
			$hit  = str_ends_with( $term, '*' )
				? array() !== array_filter( $words, static fn ( string $w ): bool => str_starts_with( $w, rtrim( $term, '*' ) ) )
				: in_array( $term, $words, true );
			if ( ! $hit ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: bool}>
	 */
	public static function cases(): array {
		return array(
			'返品 finds 返品ポリシー'          => array( '返品ポリシー', '返品', true ),
			'ポリシー finds 返品ポリシー'        => array( '返品ポリシー：30日以内', 'ポリシー', true ),
			'配送 does not find 返品ポリシー'  => array( '返品ポリシー', '配送', false ),
			'mixed query needs both'   => array( 'Returns policy 返品ポリシー', '返品 policy', true ),
			'mixed query, one missing' => array( 'Returns policy 返品ポリシー', '返品 shipping', false ),
			'prefix while typing'      => array( 'Refunds and returns', 'retu', true ),
			'case-insensitive'         => array( 'Shipping to Okinawa', 'OKINAWA', true ),
			'full-width latin'         => array( 'Gift wrapping', 'ｇｉｆｔ', true ),
			'half-width katakana'      => array( 'ギフト包装', 'ｷﾞﾌﾄ', true ),
			'every word must match'    => array( 'Track your parcel', 'track refund', false ),
			'punctuation is no word'   => array( 'Cancel an order', 'cancel!!! order???', true ),
		);
	}

	#[DataProvider( 'cases' )]
	public function test_search( string $article, string $query, bool $expected ): void {
		$this->assertSame( $expected, self::finds( $article, $query ), Tokenizer::query( $query ) . ' in ' . Tokenizer::index( $article ) );
	}

	public function test_operators_typed_by_visitors_cannot_break_the_boolean_query(): void {
		$query = Tokenizer::query( '+"returns" -policy (refund*) ~x @3 <a>' );
		$this->assertMatchesRegularExpression( '/^(\+[a-z0-9_]+\*? ?)+$/', $query );
	}

	public function test_nothing_searchable_is_an_empty_query(): void {
		$this->assertSame( '', Tokenizer::query( '   !!! ' ) );
	}
}
