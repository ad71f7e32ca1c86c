/**
 * Help center search box: live suggestions while typing; Enter still submits the real form
 * (site search on our index).
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { attachSuggestions } from '../shared/suggestions';

/**
 * Enhances every search block in `root`.
 *
 * @param root Document or element.
 */
export function initKbSearch( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLElement >(
		'[data-switchboard-kb-search]:not(.is-ready)'
	).forEach( ( element ) => {
		const input = element.querySelector< HTMLInputElement >(
			'input[type="search"]'
		);
		const container = element.querySelector< HTMLElement >(
			'.switchboard-kb-search__results'
		);
		if ( ! input || ! container ) {
			return;
		}
		element.classList.add( 'is-ready' );
		attachSuggestions( {
			input,
			container,
			source: 'suggest',
			limit: 6,
			heading: __( 'Suggested articles', 'switchboard' ),
		} );
	} );
}
