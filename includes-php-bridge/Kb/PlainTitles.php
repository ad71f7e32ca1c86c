<?php
/**
 * Help-article titles are plain text.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * A help article's title is a question or a topic, shown as text in the FAQ, the help center,
 * the chat bot, deflection suggestions and the agent composer. Core's post-title block prints
 * titles as HTML (trusting anyone with unfiltered_html), so markup is taken out when the article
 * is saved, whoever saves it.
 */
final class PlainTitles {

	/**
	 * Hooks the filter.
	 */
	public function register(): void {
		add_filter( 'wp_insert_post_data', array( $this, 'filter' ), 10, 1 );
	}

	/**
	 * Strips tags from the title of a help article about to be saved.
	 *
	 * @param array<string, mixed> $data Slashed post data.
	 * @return array<string, mixed>
	 */
	public function filter( $data ) {
		if ( ! is_array( $data ) || Articles::POST_TYPE !== ( $data['post_type'] ?? '' ) ) {
			return $data;
		}
		$data['post_title'] = self::clean( (string) ( $data['post_title'] ?? '' ) );
		return $data;
	}

	/**
	 * The title without markup: tags (and the contents of script/style) removed, line breaks
	 * folded; entities stay as typed.
	 *
	 * @param string $title Title.
	 */
	public static function clean( string $title ): string {
		$title = wp_strip_all_tags( $title, true );
		// A lone "<" followed by a letter would still read as a tag to a browser.
		return trim( (string) preg_replace( '/<(?=[a-zA-Z\/!?])/', '&lt;', $title ) );
	}
}
