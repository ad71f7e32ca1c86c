/**
 * FAQ filter box: hides questions that do not match what is typed (client-side, the FAQ is
 * already on the page; NFKC-folded so Japanese and full-width text match).
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fold } from '../shared/rest';

/**
 * Shows the items whose question or answer contains every word of `query`. Returns how many.
 *
 * @param items Items.
 * @param query Filter text.
 */
export function filterItems( items: HTMLElement[], query: string ): number {
	const words = fold( query ).split( /\s+/ ).filter( Boolean );
	let shown = 0;
	for ( const item of items ) {
		const text = fold( item.textContent ?? '' );
		const match = words.every( ( word ) => text.includes( word ) );
		item.hidden = ! match;
		if ( match ) {
			shown++;
			if ( words.length > 0 && item instanceof HTMLDetailsElement ) {
				// Keep matching answers visible while filtering.
				item.open = item.open || words.length > 0;
			}
		}
	}
	return shown;
}

/**
 * Wires every FAQ with a filter box in `root`.
 *
 * @param root Document or element.
 */
export function initFaq( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLElement >(
		'[data-switchboard-faq]:not(.is-ready)'
	).forEach( ( faq ) => {
		const box = faq.querySelector< HTMLElement >(
			'.switchboard-faq__search'
		);
		const input = box?.querySelector< HTMLInputElement >( 'input' );
		if ( ! box || ! input ) {
			return;
		}
		faq.classList.add( 'is-ready' );
		const status = box.querySelector< HTMLElement >(
			'.switchboard-faq__status'
		);
		const items = Array.from(
			faq.querySelectorAll< HTMLElement >( '.switchboard-faq__item' )
		);
		box.hidden = false;
		input.addEventListener( 'input', () => {
			const query = input.value.trim();
			const shown = filterItems( items, query );
			if ( status ) {
				status.textContent =
					query === ''
						? ''
						: sprintf(
								/* translators: %d: number of questions */
								_n(
									'%d question matches.',
									'%d questions match.',
									shown,
									'switchboard'
								),
								shown
						  );
			}
			if ( query === '' ) {
				items.forEach( ( item ) => {
					if ( item instanceof HTMLDetailsElement ) {
						item.open = false;
					}
				} );
			}
		} );
		input.setAttribute(
			'placeholder',
			__( 'Type to filter the questions…', 'switchboard' )
		);
	} );
}
