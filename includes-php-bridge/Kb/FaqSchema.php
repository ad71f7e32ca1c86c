<?php
/**
 * FAQPage structured data (pure PHP, no WordPress).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * Builds schema.org FAQPage JSON-LD from questions and (already sanitized) answer HTML, encoded so
 * it can sit inside a `<script type="application/ld+json">` element: `<`, `>`, `&`, quotes are
 * escaped as \u003C… so no answer can close the element, Unicode stays readable.
 */
final class FaqSchema {

	/**
	 * The FAQPage object.
	 *
	 * @param array<int, array{question: string, answer: string}> $entries Entries (answers as HTML).
	 * @return array<string, mixed>
	 */
	public static function data( array $entries ): array {
		$questions = array();
		foreach ( $entries as $entry ) {
			$question = trim( (string) preg_replace( '/\s+/u', ' ', mb_scrub( (string) $entry['question'], 'UTF-8' ) ) );
			$answer   = trim( mb_scrub( (string) $entry['answer'], 'UTF-8' ) );
			if ( '' === $question || '' === $answer ) {
				continue; // Google rejects a Question without a name or an acceptedAnswer text.
			}
			$questions[] = array(
				'@type'          => 'Question',
				'name'           => $question,
				'acceptedAnswer' => array(
					'@type' => 'Answer',
					'text'  => $answer,
				),
			);
		}
		return array(
			'@context'   => 'https://schema.org',
			'@type'      => 'FAQPage',
			'mainEntity' => $questions,
		);
	}

	/**
	 * The JSON for a script element ('' when there is no question to describe).
	 *
	 * @param array<int, array{question: string, answer: string}> $entries Entries.
	 */
	public static function json( array $entries ): string {
		$data = self::data( $entries );
		if ( array() === $data['mainEntity'] ) {
			return '';
		}
		return (string) json_encode( $data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_INVALID_UTF8_SUBSTITUTE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- pure class; the flags make it safe.
	}
}
