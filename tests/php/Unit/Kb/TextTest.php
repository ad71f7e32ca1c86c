<?php
/**
 * Plain text and excerpts of articles, English and Japanese.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Kb;

use PHPUnit\Framework\TestCase;
use Switchboard\Kb\Text;

final class TextTest extends TestCase {

	public function test_plain_drops_markup_block_comments_and_scripts(): void {
		$html = "<!-- wp:paragraph --><p>Returns&nbsp;&amp; refunds</p><!-- /wp:paragraph -->\n<script>alert('x')</script><style>p{}</style><ul><li>One</li><li>Two</li></ul>";
		$this->assertSame( 'Returns & refunds One Two', Text::plain( $html ) );
	}

	public function test_plain_keeps_words_apart_across_block_elements(): void {
		$this->assertSame( 'Title Body', Text::plain( '<h2>Title</h2><p>Body</p>' ) );
		$this->assertSame( 'a b', Text::plain( 'a<br>b' ) );
	}

	public function test_short_text_is_whole_without_ellipsis(): void {
		$this->assertSame( 'We ship in two days.', Text::excerpt( '<p>We ship in two days.</p>', 30 ) );
	}

	public function test_english_is_cut_at_the_word_budget(): void {
		$words = implode( ' ', array_map( static fn ( int $i ): string => 'w' . $i, range( 1, 40 ) ) );
		$out   = Text::excerpt( $words, 5 );
		$this->assertSame( 'w1 w2 w3 w4 w5…', $out );
	}

	public function test_trailing_punctuation_is_dropped_before_the_ellipsis(): void {
		$this->assertSame( 'Hello world…', Text::excerpt( 'Hello world, and more text here', 2 ) );
	}

	public function test_japanese_is_cut_by_characters_not_returned_whole(): void {
		$ja  = str_repeat( '返品は商品到着後三十日以内に受け付けます。', 20 ); // 400 characters, no spaces.
		$out = Text::excerpt( $ja, 30, 90 );
		$this->assertStringEndsWith( '…', $out );
		$this->assertLessThanOrEqual( 91, mb_strlen( $out ) );
		$this->assertGreaterThanOrEqual( 80, mb_strlen( $out ) );
		$this->assertStringStartsWith( '返品は商品到着後', $out );
	}

	public function test_mixed_text_spends_one_budget(): void {
		// 2 words + 9 CJK characters at 1/3 word each = 5 words: all fits; one more character does not.
		$this->assertSame( 'Order 123 注文番号を確認して', Text::excerpt( 'Order 123 注文番号を確認して', 5, 15 ) );
		$this->assertSame( 'Order 123 注文番号を確認して…', Text::excerpt( 'Order 123 注文番号を確認してください', 5, 15 ) );
	}

	public function test_empty(): void {
		$this->assertSame( '', Text::excerpt( '<p> </p><!-- wp:spacer /-->' ) );
		$this->assertSame( '', Text::excerpt( 'text', 0 ) );
	}
}
