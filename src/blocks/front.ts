/**
 * Storefront bundle for the help center: search suggestions, helpful votes, FAQ filter.
 * Vanilla TypeScript, no React, loaded deferred and only on pages that render one of these.
 */

/**
 * Internal dependencies
 */
import { initFaq } from './faq/view';
import { initHelpful } from './kb-search/helpful';
import { initKbSearch } from './kb-search/view';
import './style.scss';

function init(): void {
	initKbSearch();
	initHelpful();
	initFaq();
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', init );
} else {
	init();
}
