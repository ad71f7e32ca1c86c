<?php
/**
 * FAQPage JSON-LD.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Kb;

use PHPUnit\Framework\TestCase;
use Switchboard\Kb\FaqSchema;

final class FaqSchemaTest extends TestCase {

	public function test_builds_a_faq_page_with_questions_and_answers(): void {
		$json = FaqSchema::json(
			array(
				array(
					'question' => "Do you ship\n to Japan?",
					'answer'   => '<p>Yes, in <strong>3 days</strong>.</p>',
				),
				array(
					'question' => '返品できますか？',
					'answer'   => '<p>30日以内なら可能です。</p>',
				),
			)
		);
		$data = json_decode( $json, true );
		$this->assertSame( 'https://schema.org', $data['@context'] );
		$this->assertSame( 'FAQPage', $data['@type'] );
		$this->assertSame(
			array(
				'@type'          => 'Question',
				'name'           => 'Do you ship to Japan?',
				'acceptedAnswer' => array(
					'@type' => 'Answer',
					'text'  => '<p>Yes, in <strong>3 days</strong>.</p>',
				),
			),
			$data['mainEntity'][0]
		);
		$this->assertSame( '返品できますか？', $data['mainEntity'][1]['name'] );
		$this->assertStringContainsString( '返品できますか？', $json, 'Unicode stays readable' );
	}

	public function test_cannot_close_the_script_element(): void {
		$json = FaqSchema::json(
			array(
				array(
					'question' => 'Evil </script><script>alert(1)</script>',
					'answer'   => '<p>a & b "quoted" \'single\'</p>',
				),
			)
		);
		$this->assertStringNotContainsString( '<', $json );
		$this->assertStringNotContainsString( '>', $json );
		$this->assertStringNotContainsString( '&', $json );
		$this->assertSame( 'Evil </script><script>alert(1)</script>', json_decode( $json, true )['mainEntity'][0]['name'] );
	}

	public function test_skips_entries_without_question_or_answer_and_is_empty_without_any(): void {
		$entries = array(
			array(
				'question' => '  ',
				'answer'   => '<p>x</p>',
			),
			array(
				'question' => 'No answer',
				'answer'   => ' ',
			),
		);
		$this->assertSame( array(), FaqSchema::data( $entries )['mainEntity'] );
		$this->assertSame( '', FaqSchema::json( $entries ) );
		$this->assertSame( '', FaqSchema::json( array() ) );
	}

	public function test_invalid_utf8_does_not_empty_the_output(): void {
		$json = FaqSchema::json(
			array(
				array(
					'question' => "Broken \xB1 byte",
					'answer'   => 'Fine',
				),
			)
		);
		$this->assertNotSame( '', $json );
		$this->assertStringStartsWith( 'Broken ', json_decode( $json, true )['mainEntity'][0]['name'] );
	}
}
