/**
 * A tiny REST client for storefront scripts: plain fetch, no @wordpress/api-fetch (and its
 * dependencies) on shop pages. Settings come from `window.switchboardFront` (printed by PHP).
 */

export interface FrontSettings {
	root: string;
	nonce: string;
}

export interface RestError {
	code: string;
	message: string;
	data?: {
		status?: number;
		field?: string;
		fields?: Record< string, string >;
	};
}

declare global {
	interface Window {
		switchboardFront?: FrontSettings;
	}
}

/**
 * The settings, with a sensible default for pages that did not print them.
 */
export function settings(): FrontSettings {
	return (
		window.switchboardFront ?? {
			root: '/wp-json/switchboard/v1/',
			nonce: '',
		}
	);
}

/**
 * URL of a route below switchboard/v1, with query arguments. Works with pretty permalinks
 * (`/wp-json/…/`) and without (`?rest_route=/…`).
 *
 * @param path  Route, e.g. `kb/search`.
 * @param query Query arguments.
 */
export function restUrl(
	path: string,
	query: Record< string, string | number | undefined > = {}
): string {
	const url = new URL( settings().root, window.location.href );
	const route = path.replace( /^\//, '' );
	const restRoute = url.searchParams.get( 'rest_route' );
	if ( restRoute !== null ) {
		url.searchParams.set(
			'rest_route',
			restRoute.replace( /\/?$/, '/' ) + route
		);
	} else {
		url.pathname = url.pathname.replace( /\/?$/, '/' ) + route;
	}
	for ( const [ key, value ] of Object.entries( query ) ) {
		if ( value !== undefined ) {
			url.searchParams.set( key, String( value ) );
		}
	}
	return url.toString();
}

/**
 * Calls a route; resolves with the JSON body, rejects with the REST error body.
 *
 * @param path  Route below switchboard/v1.
 * @param init  fetch() options; a plain object body is sent as JSON.
 * @param query Query arguments.
 */
export async function rest< T >(
	path: string,
	init: Omit< RequestInit, 'body' > & { body?: unknown } = {},
	query: Record< string, string | number | undefined > = {}
): Promise< T > {
	const headers = new Headers( init.headers );
	headers.set( 'Accept', 'application/json' );
	const { nonce } = settings();
	if ( nonce ) {
		headers.set( 'X-WP-Nonce', nonce );
	}
	let body: BodyInit | undefined;
	if ( init.body instanceof FormData ) {
		body = init.body;
	} else if ( init.body !== undefined ) {
		headers.set( 'Content-Type', 'application/json' );
		body = JSON.stringify( init.body );
	}
	const response = await fetch( restUrl( path, query ), {
		...init,
		headers,
		body,
		credentials: 'same-origin',
	} );
	const text = await response.text();
	let data: unknown = null;
	try {
		data = text ? JSON.parse( text ) : null;
	} catch {
		data = null;
	}
	if ( ! response.ok ) {
		throw (
			data && typeof data === 'object'
				? data
				: {
						code: 'switchboard_http_error',
						message: response.statusText || 'Error',
						data: { status: response.status },
				  }
		) as RestError;
	}
	return data as T;
}

/**
 * Runs `fn` once calls have stopped for `wait` ms.
 *
 * @param fn   Function.
 * @param wait Milliseconds.
 */
export function debounce< A extends unknown[] >(
	fn: ( ...args: A ) => void,
	wait: number
): ( ...args: A ) => void {
	let timer: ReturnType< typeof setTimeout > | undefined;
	return ( ...args: A ) => {
		if ( timer !== undefined ) {
			clearTimeout( timer );
		}
		timer = setTimeout( () => fn( ...args ), wait );
	};
}

/**
 * Lower-cased, NFKC-normalized text for client-side matching (half-width katakana, full-width
 * letters fold to their usual forms).
 *
 * @param text Text.
 */
export function fold( text: string ): string {
	return text.normalize( 'NFKC' ).toLowerCase();
}
