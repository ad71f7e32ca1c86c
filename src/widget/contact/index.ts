/**
 * Contact form and My Account new-request form: article suggestions while typing the subject
 * (deflection), and — for the contact form — submission over REST with inline field errors.
 * Vanilla TypeScript; without it the forms still post normally.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { rest, type RestError } from '../../blocks/shared/rest';
import { attachSuggestions } from '../../blocks/shared/suggestions';

interface ContactResponse {
	ticket_id: number;
	message: string;
}

/**
 * Records that a suggested article was opened from a form (keepalive: the tab may navigate).
 *
 * @param form      The form.
 * @param articleId Article.
 * @param query     What was typed.
 * @param source    contact|account.
 */
function recordOpened(
	form: HTMLFormElement,
	articleId: number,
	query: string,
	source: string
): void {
	const session =
		form.querySelector< HTMLInputElement >( 'input[name="session"]' )
			?.value ?? '';
	if ( ! /^[a-f0-9]{32}$/.test( session ) ) {
		return;
	}
	void rest( 'kb/deflections', {
		method: 'POST',
		body: { session, article_id: articleId, query, source },
		keepalive: true,
	} ).catch( () => undefined );
}

/**
 * Wires suggestions under every `[data-switchboard-suggest]` input.
 *
 * @param root Document or element.
 */
export function initSuggest( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLInputElement >(
		'input[data-switchboard-suggest]:not(.is-ready)'
	).forEach( ( input ) => {
		const form = input.form;
		const container = form?.querySelector< HTMLElement >(
			'.switchboard-suggestions'
		);
		if ( ! form || ! container ) {
			return;
		}
		input.classList.add( 'is-ready' );
		const source = input.dataset.switchboardSuggest || 'contact';
		attachSuggestions( {
			input,
			container,
			source: 'suggest',
			limit: 4,
			newTab: true,
			heading: __(
				'These articles may answer your question:',
				'switchboard'
			),
			onOpen: ( suggestion, query ) =>
				recordOpened( form, suggestion.id, query, source ),
		} );
	} );
}

/**
 * Shows field errors (and clears the others). Returns the first invalid control.
 *
 * @param form   The form.
 * @param errors Field => message.
 */
export function showFieldErrors(
	form: HTMLFormElement,
	errors: Record< string, string >
): HTMLElement | null {
	let first: HTMLElement | null = null;
	form.querySelectorAll< HTMLElement >( '[data-field]' ).forEach(
		( field ) => {
			const name = field.dataset.field ?? '';
			const message = errors[ name ] ?? '';
			const control = field.querySelector< HTMLElement >(
				'input, textarea, select'
			);
			const error = field.querySelector< HTMLElement >(
				'.switchboard-form__error'
			);
			field.classList.toggle( 'is-invalid', message !== '' );
			if ( error ) {
				error.textContent = message;
			}
			if ( control ) {
				if ( message ) {
					control.setAttribute( 'aria-invalid', 'true' );
					first = first ?? control;
				} else {
					control.removeAttribute( 'aria-invalid' );
				}
			}
		}
	);
	return first;
}

/**
 * Checks what the browser can check before uploading: number and size of files.
 *
 * @param form The form.
 */
export function checkFiles( form: HTMLFormElement ): string {
	const input =
		form.querySelector< HTMLInputElement >( 'input[type="file"]' );
	const files = Array.from( input?.files ?? [] );
	const maxFiles = Number( form.dataset.maxFiles || 3 );
	if ( files.length > maxFiles ) {
		return sprintf(
			/* translators: %d: maximum number of files */
			__( 'You can attach at most %d files.', 'switchboard' ),
			maxFiles
		);
	}
	const maxSize = Number( form.dataset.maxSize || 10485760 );
	const big = files.find( ( file ) => file.size > maxSize );
	if ( big ) {
		return sprintf(
			/* translators: %s: file name */
			__( '%s is too large.', 'switchboard' ),
			big.name
		);
	}
	return '';
}

/**
 * Submits a contact form over REST.
 *
 * @param form The form.
 */
async function submitContact( form: HTMLFormElement ): Promise< void > {
	const fileError = checkFiles( form );
	if ( fileError ) {
		showFieldErrors( form, { attachments: fileError } )?.focus();
		return;
	}
	const notice = form.querySelector< HTMLElement >(
		'.switchboard-form__notice.is-error'
	);
	const button = form.querySelector< HTMLButtonElement >(
		'button[type="submit"]'
	);
	if ( button ) {
		button.disabled = true;
	}
	try {
		const result = await rest< ContactResponse >( 'contact', {
			method: 'POST',
			body: new FormData( form ),
		} );
		const success = form.parentElement?.querySelector< HTMLElement >(
			'.switchboard-contact__success'
		);
		form.hidden = true;
		if ( success ) {
			success.textContent = result.message;
			success.hidden = false;
			success.focus();
		}
	} catch ( caught ) {
		const error = caught as RestError;
		const fields = error.data?.fields ?? {};
		const first = showFieldErrors( form, fields );
		if ( notice ) {
			notice.textContent =
				error.message ||
				__( 'Your message could not be sent.', 'switchboard' );
			notice.hidden = false;
		}
		( first ?? notice )?.focus();
	} finally {
		if ( button ) {
			button.disabled = false;
		}
	}
}

/**
 * Wires every contact form in `root`.
 *
 * @param root Document or element.
 */
export function initContact( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLFormElement >(
		'form[data-switchboard-contact]:not(.is-ready)'
	).forEach( ( form ) => {
		form.classList.add( 'is-ready' );
		form.addEventListener( 'submit', ( event ) => {
			event.preventDefault();
			void submitContact( form );
		} );
	} );
}

/**
 * New-request form: the item list shows only the lines of the chosen order (and is disabled
 * while no order is chosen). Without JavaScript every order's items are listed, grouped by
 * order, and the server checks that the item belongs to the order.
 *
 * @param root Document or element.
 */
export function initOrderItems( root: ParentNode = document ): void {
	root.querySelectorAll< HTMLElement >(
		'[data-switchboard-order-items]'
	).forEach( ( field ) => {
		const items = field.querySelector< HTMLSelectElement >( 'select' );
		const orders =
			items?.form?.querySelector< HTMLSelectElement >(
				'select[name="order_id"]'
			) ?? null;
		if ( ! items || ! orders ) {
			return;
		}
		const sync = () => {
			const order = orders.value;
			let keep = false;
			items
				.querySelectorAll< HTMLOptGroupElement >( 'optgroup' )
				.forEach( ( group ) => {
					const mine = group.dataset.order === order;
					group.hidden = ! mine;
					group.disabled = ! mine;
					keep =
						keep ||
						( mine && !! group.querySelector( 'option:checked' ) );
				} );
			if ( ! keep ) {
				items.value = '0';
			}
			items.disabled = order === '0' || order === '';
			field.hidden = items.disabled;
		};
		orders.addEventListener( 'change', sync );
		sync();
	} );
}

function init(): void {
	initSuggest();
	initContact();
	initOrderItems();
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', init );
} else {
	init();
}
