/**
 * "Was this helpful?" buttons under an article.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { rest, type RestError } from '../shared/rest';

interface VoteResponse {
	value: 'up' | 'down';
	up: number;
	down: number;
	changed: boolean;
}

/**
 * Wires every widget in `root`.
 *
 * @param root Document or element.
 */
export function initHelpful( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLElement >(
		'[data-switchboard-helpful]:not(.is-ready)'
	).forEach( ( widget ) => {
		widget.classList.add( 'is-ready' );
		const articleId = Number( widget.dataset.article );
		const status = widget.querySelector< HTMLElement >(
			'.switchboard-kb-helpful__status'
		);
		const buttons = Array.from(
			widget.querySelectorAll< HTMLButtonElement >( 'button[data-vote]' )
		);
		buttons.forEach( ( button ) => {
			button.addEventListener( 'click', async () => {
				const value = button.dataset.vote === 'up' ? 'up' : 'down';
				buttons.forEach( ( b ) => ( b.disabled = true ) );
				try {
					const result = await rest< VoteResponse >(
						`kb/articles/${ articleId }/vote`,
						{ method: 'POST', body: { value } }
					);
					buttons.forEach( ( b ) =>
						b.setAttribute(
							'aria-pressed',
							String( b.dataset.vote === result.value )
						)
					);
					widget.classList.add( 'is-voted' );
					if ( status ) {
						status.textContent =
							result.value === 'up'
								? __( 'Thanks! Glad it helped.', 'switchboard' )
								: __(
										'Thanks for telling us. We will improve this article.',
										'switchboard'
								  );
					}
				} catch ( error ) {
					if ( status ) {
						status.textContent =
							( error as RestError ).message ??
							__(
								'Your vote could not be saved.',
								'switchboard'
							);
					}
				} finally {
					buttons.forEach( ( b ) => ( b.disabled = false ) );
				}
			} );
		} );
	} );
}
