<?php
/**
 * FAQ shortcode and block, help center templates.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Kb;

final class FaqTest extends KbTestCase {

	public function test_shortcode_renders_accessible_accordion_with_json_ld(): void {
		$a = $this->article( 'How long does shipping take?', '<p>3–5 days.</p>', array( 'menu_order' => 1 ), false, 'kbtest-faq-shipping' );
		$b = $this->article(
			'Do you ship abroad?',
			'<p>Yes, to the EU.</p>',
			array(
				'menu_order'   => 2,
				'post_excerpt' => 'Yes, to <strong>the EU</strong>.',
			),
			false,
			'kbtest-faq-shipping'
		);
		$this->article( 'Internal shipping macro', 'x', array(), true, 'kbtest-faq-shipping' );
		$this->article( 'Returns', 'other category', array(), false, 'kbtest-faq-returns' );

		$html = do_shortcode( '[switchboard_faq category="kbtest-faq-shipping" style="accordion" search="yes"]' );

		$this->assertSame( 2, substr_count( $html, '<details class="switchboard-faq__item"' ) );
		$this->assertStringContainsString( '<summary class="switchboard-faq__question">How long does shipping take?</summary>', $html );
		$this->assertLessThan( strpos( $html, 'Do you ship abroad?' ), strpos( $html, 'How long does shipping take?' ), 'menu_order' );
		$this->assertStringContainsString( 'Yes, to <strong>the EU</strong>.', $html, 'the excerpt is the answer' );
		$this->assertStringNotContainsString( 'Internal shipping macro', $html );
		$this->assertStringNotContainsString( 'Returns', $html );
		$this->assertStringContainsString( 'class="switchboard-faq__search" hidden', $html );

		$this->assertSame( 1, preg_match( '#<script type="application/ld\+json">(.*?)</script>#s', $html, $m ) );
		$data = json_decode( $m[1], true );
		$this->assertSame( 'FAQPage', $data['@type'] );
		$this->assertSame( array( 'How long does shipping take?', 'Do you ship abroad?' ), array_column( $data['mainEntity'], 'name' ) );
		$this->assertSame( 'Answer', $data['mainEntity'][0]['acceptedAnswer']['@type'] );
		unset( $a, $b );
	}

	public function test_list_style_and_no_search_no_schema(): void {
		$this->article( 'Q1', '<p>A1</p>', array(), false, 'kbtest-faq-list' );
		$html = do_shortcode( '[switchboard_faq category="kbtest-faq-list" style="list" schema="no"]' );
		$this->assertStringContainsString( '<h3 class="switchboard-faq__question">Q1</h3>', $html );
		$this->assertStringNotContainsString( '<details', $html );
		$this->assertStringNotContainsString( 'ld+json', $html );
		$this->assertStringNotContainsString( 'switchboard-faq__search', $html );
	}

	public function test_block_renders_like_the_shortcode(): void {
		$this->article( 'Block question', '<p>Block answer</p>', array(), false, 'kbtest-faq-block' );
		$html = do_blocks( '<!-- wp:switchboard/faq {"category":"kbtest-faq-block","search":true} /-->' );
		$this->assertStringContainsString( 'wp-block-switchboard-faq', $html );
		$this->assertStringContainsString( '<summary class="switchboard-faq__question">Block question</summary>', $html );
		$this->assertStringContainsString( 'Block answer', $html );
		$this->assertStringContainsString( 'FAQPage', $html );
	}

	public function test_question_titles_are_escaped_and_json_ld_cannot_break_out(): void {
		$this->article( 'Is <script>alert(1)</script> safe?', '<p>No </script><script>alert(2)</script></p>', array(), false, 'kbtest-faq-xss' );
		$html = do_shortcode( '[switchboard_faq category="kbtest-faq-xss"]' );
		$this->assertStringNotContainsString( '<script>alert', $html );
		$this->assertSame( 1, substr_count( $html, '</script>' ), 'only the JSON-LD element closes a script' );
	}

	public function test_kb_search_block_and_helpful_widget(): void {
		$html = do_blocks( '<!-- wp:switchboard/kb-search {"showCategories":true} /-->' );
		$this->assertStringContainsString( 'name="post_type" value="switchboard_article"', $html );
		$this->assertStringContainsString( 'role="search"', $html );

		$id = $this->article( 'Helpful test', '<p>Body</p>' );
		$this->go_to( home_url( '/?post_type=switchboard_article&p=' . $id ) );
		$this->assertTrue( is_singular( 'switchboard_article' ) );
		the_post();
		$content = apply_filters( 'the_content', get_the_content() );
		$this->assertStringContainsString( 'data-switchboard-helpful', $content );
		$this->assertStringContainsString( 'data-vote="up"', $content );
	}

	public function test_site_search_for_articles_uses_the_index_and_logs_misses(): void {
		$id = $this->article( '返品ポリシー', '<p>30日以内</p>' );
		$this->go_to( home_url( '/?s=' . rawurlencode( '返品' ) . '&post_type=switchboard_article' ) );
		$this->assertSame( array( $id ), wp_list_pluck( $GLOBALS['wp_query']->posts, 'ID' ) );

		$this->go_to( home_url( '/?s=zzzunknownzzz&post_type=switchboard_article' ) );
		$this->assertSame( array(), $GLOBALS['wp_query']->posts );
		global $wpdb;
		$this->assertSame( 'zzzunknownzzz', $wpdb->get_var( 'SELECT query FROM ' . \Switchboard\Db\Schema::table( 'kb_missing' ) ) );
	}

	/**
	 * Runs the main query for a URL, like a front-end request.
	 */
	private function go_to( string $url ): void {
		$parts = wp_parse_url( $url );
		$_GET  = array();
		if ( isset( $parts['query'] ) ) {
			parse_str( $parts['query'], $_GET );
		}
		$_SERVER['REQUEST_URI'] = ( $parts['path'] ?? '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
		unset( $GLOBALS['wp_query'], $GLOBALS['wp_the_query'] );
		// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- renders a front-end request the way WordPress sets one up.
		$GLOBALS['wp_the_query'] = new \WP_Query();
		$GLOBALS['wp_query']     = $GLOBALS['wp_the_query'];
		$GLOBALS['wp']           = new \WP();
		// phpcs:enable WordPress.WP.GlobalVariablesOverride.Prohibited
		$GLOBALS['wp']->main( $parts['query'] ?? '' );
	}
}
