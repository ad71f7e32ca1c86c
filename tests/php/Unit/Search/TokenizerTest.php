<?php
/**
 * Tokenizer: CJK text searchable through InnoDB FULLTEXT without an ngram parser.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Search;

use PHPUnit\Framework\TestCase;
use Switchboard\Search\Tokenizer;

final class TokenizerTest extends TestCase {

	/**
	 * Simulates BOOLEAN MODE "+term" / "+prefix*" matching on the indexed words.
	 */
	private static function finds( string $indexed, string $query ): bool {
		$words = preg_split( '/\s+/', $indexed ) ?: array();
		$terms = Tokenizer::query( $query );
		if ( '' === $terms ) {
			return false;
		}
		foreach ( explode( ' ', $terms ) as $term ) {
			$term = ltrim( $term, '+' );
			$hit  = str_ends_with( $term, '*' )
				? (bool) array_filter( $words, static fn ( string $w ): bool => str_starts_with( $w, rtrim( $term, '*' ) ) )
				: in_array( $term, $words, true );
			if ( ! $hit ) {
				return false;
			}
		}
		return true;
	}

	public function test_japanese_word_finds_longer_compound(): void {
		$indexed = Tokenizer::index( '返品ポリシーについて' );
		$this->assertTrue( self::finds( $indexed, '返品' ) );
		$this->assertTrue( self::finds( $indexed, 'ポリシー' ) );
		$this->assertFalse( self::finds( $indexed, '配送' ) );
	}

	public function test_single_character_query_uses_unigrams(): void {
		$indexed = Tokenizer::index( '返品' );
		$this->assertTrue( self::finds( $indexed, '品' ) );
		$this->assertFalse( self::finds( $indexed, '送' ) );
	}

	public function test_tokens_are_ascii_and_long_enough_for_innodb(): void {
		foreach ( explode( ' ', Tokenizer::index( '注文番号 ｶﾀｶﾅ 한국어' ) ) as $token ) {
			$this->assertMatchesRegularExpression( '/^[a-z0-9_]+$/', $token );
			$this->assertGreaterThanOrEqual( 3, strlen( $token ) );
		}
	}

	public function test_half_width_katakana_and_full_width_latin_are_folded(): void {
		$this->assertTrue( self::finds( Tokenizer::index( 'ﾍﾝﾋﾟﾝ希望' ), 'ヘンピン' ) );
		$this->assertTrue( self::finds( Tokenizer::index( 'ＯＲＤＥＲ 1234' ), 'order' ) );
	}

	public function test_latin_words_become_required_prefixes_without_stopwords(): void {
		$this->assertSame( '+parcel* +late*', Tokenizer::query( 'Where is my parcel? Late!' ), '"where", "is" are InnoDB stopwords, "my" is too short' );
		$this->assertTrue( self::finds( Tokenizer::index( 'My parcels never arrived' ), 'parcel' ) );
		$this->assertSame( '', Tokenizer::query( 'is a to' ) );
	}

	public function test_mixed_text_requires_every_part(): void {
		$indexed = Tokenizer::index( 'Refund 返金 for order' );
		$this->assertTrue( self::finds( $indexed, 'refund 返金' ) );
		$this->assertFalse( self::finds( $indexed, 'refund 配送' ) );
	}

	public function test_exact_words_for_ticket_search(): void {
		$this->assertSame( '+parcel +late', Tokenizer::query( 'Where is my parcel? Late!', false ) );
		$this->assertSame( '+q08fd4054c1', Tokenizer::query( '返品', false ), 'CJK bigrams are exact either way' );
	}
}
