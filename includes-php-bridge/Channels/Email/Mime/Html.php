<?php
/**
 * Text → HTML for mail bodies (HTML → text is Tickets\Html::to_text(), the same for every channel).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Conversions that need no WordPress (sanitizing happens in the importer with wp_kses).
 */
final class Html {

	/**
	 * Escaped HTML from plain text, line breaks kept.
	 *
	 * @param string $text Text.
	 */
	public static function from_text( string $text ): string {
		return '<div style="white-space:pre-wrap">' . htmlspecialchars( $text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8' ) . '</div>';
	}
}
