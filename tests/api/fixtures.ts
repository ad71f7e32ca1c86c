/**
 * Fixtures for the REST black-box tests: one APIRequestContext per demo user, logged in through
 * wp-login.php like a browser, with the REST nonce (X-WP-Nonce) the SPA would send.
 *
 * The demo users are created by `bin/runtime.sh up test`:
 * admin (administrator), agent (switchboard_agent), alice and bob (customers); all use "password".
 */

/**
 * External dependencies
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
	test as base,
	expect,
	request,
	type APIRequestContext,
	type APIResponse,
} from '@playwright/test';

export type Who = 'admin' | 'agent' | 'alice' | 'bob' | 'guest';

export const PASSWORD = 'password';

const STORAGE_DIR = path.join(
	__dirname,
	'..',
	'..',
	'artifacts',
	'storage-states'
);

export interface Api {
	/** A request context for `who`: cookies + X-WP-Nonce, or nothing for the guest. */
	as: ( who: Who ) => Promise< APIRequestContext >;
	/** Absolute URL of a REST route, e.g. url( '/switchboard/v1/overview' ). */
	url: ( route: string, query?: Record< string, string | number > ) => string;
	/** Whether the site runs WooCommerce (its REST namespace wc/v3 exists). */
	wooCommerceActive: () => Promise< boolean >;
	/**
	 * Skips the calling test with "skipped: WooCommerce not installed" when the site has no
	 * WooCommerce (bin/test.sh prints that line for every such test).
	 */
	requiresWooCommerce: () => Promise< void >;
}

/**
 * The REST root as the site advertises it (`Link: <…/wp-json/>; rel="https://api.w.org/"`).
 *
 * @param baseURL Site URL.
 */
async function discoverRestRoot( baseURL: string ): Promise< string > {
	const context = await request.newContext( { baseURL } );
	try {
		const response = await context.head( '/' );
		const link = response.headers().link ?? '';
		const match = link.match(
			/<([^>]+)>;\s*rel="https:\/\/api\.w\.org\/"/
		);
		return match
			? match[ 1 ]
			: `${ baseURL.replace( /\/$/, '' ) }/wp-json/`;
	} finally {
		await context.dispose();
	}
}

/**
 * Logs `username` in through wp-login.php and returns a context carrying its cookies and nonce.
 *
 * @param baseURL  Site URL.
 * @param username Login.
 */
export async function loginContext(
	baseURL: string,
	username: string
): Promise< APIRequestContext > {
	const login = await request.newContext( { baseURL } );
	try {
		// Sets wordpress_test_cookie, which wp-login.php insists on.
		await login.get( '/wp-login.php' );
		const response = await login.post( '/wp-login.php', {
			form: {
				log: username,
				pwd: PASSWORD,
				rememberme: 'forever',
				'wp-submit': 'Log In',
				testcookie: '1',
				redirect_to: `${ baseURL }/wp-admin/`,
			},
			maxRedirects: 0,
		} );
		const state = await login.storageState();
		if (
			response.status() !== 302 ||
			! state.cookies.some( ( c ) =>
				c.name.startsWith( 'wordpress_logged_in_' )
			)
		) {
			throw new Error(
				`Could not log in as ${ username }: HTTP ${ response.status() }`
			);
		}

		const nonceResponse = await login.get(
			'/wp-admin/admin-ajax.php?action=rest-nonce'
		);
		const nonce = ( await nonceResponse.text() ).trim();
		if ( ! nonceResponse.ok() || ! /^[0-9a-f]{10}$/.test( nonce ) ) {
			throw new Error(
				`No REST nonce for ${ username }: HTTP ${ nonceResponse.status() } "${ nonce }"`
			);
		}

		await fs.mkdir( STORAGE_DIR, { recursive: true } );
		const storageStatePath = path.join( STORAGE_DIR, `${ username }.json` );
		await login.storageState( { path: storageStatePath } );

		return await request.newContext( {
			baseURL,
			storageState: storageStatePath,
			extraHTTPHeaders: { 'X-WP-Nonce': nonce },
		} );
	} finally {
		await login.dispose();
	}
}

export const test = base.extend< {}, { api: Api } >( {
	api: [
		async ( {}, use, workerInfo ) => {
			const baseURL =
				workerInfo.project.use.baseURL ||
				process.env.WP_BASE_URL ||
				'http://localhost:8889';
			const root = await discoverRestRoot( baseURL );
			const contexts = new Map< Who, Promise< APIRequestContext > >();
			let wooCommerce: Promise< boolean > | undefined;
			const wooCommerceActive = () => {
				wooCommerce ??= request
					.newContext( { baseURL } )
					.then( async ( context ) => {
						try {
							const index = await context.get( root );
							const body = await index.json();
							return (
								Array.isArray( body.namespaces ) &&
								body.namespaces.includes( 'wc/v3' )
							);
						} finally {
							await context.dispose();
						}
					} );
				return wooCommerce;
			};

			await use( {
				as: ( who ) => {
					let context = contexts.get( who );
					if ( ! context ) {
						context =
							who === 'guest'
								? request.newContext( { baseURL } )
								: loginContext( baseURL, who );
						contexts.set( who, context );
					}
					return context;
				},
				url: ( route, query = {} ) => {
					const url = new URL( root );
					const trimmed = route.replace( /^\//, '' );
					if ( url.searchParams.has( 'rest_route' ) ) {
						url.searchParams.set( 'rest_route', `/${ trimmed }` );
					} else {
						url.pathname =
							url.pathname.replace( /\/?$/, '/' ) + trimmed;
					}
					for ( const [ key, value ] of Object.entries( query ) ) {
						url.searchParams.set( key, String( value ) );
					}
					return url.toString();
				},
				wooCommerceActive,
				requiresWooCommerce: async () => {
					base.skip(
						! ( await wooCommerceActive() ),
						'skipped: WooCommerce not installed'
					);
				},
			} );

			for ( const context of contexts.values() ) {
				await ( await context ).dispose();
			}
		},
		{ scope: 'worker' },
	],
} );

export { expect };

/**
 * Asserts a REST error: the status, and the `{ code, message, data: { status } }` body every
 * Switchboard error has. Returns the body.
 *
 * @param response The response.
 * @param status   Expected HTTP status.
 * @param code     Expected error code, when it is part of the contract.
 */
export async function expectRestError(
	response: APIResponse,
	status: number,
	code?: string
): Promise< { code: string; message: string; data: { status: number } } > {
	const body = await response.json();
	expect( response.status(), JSON.stringify( body ) ).toBe( status );
	expect( body ).toEqual(
		expect.objectContaining( {
			code: expect.any( String ),
			message: expect.any( String ),
			data: expect.objectContaining( { status } ),
		} )
	);
	if ( code !== undefined ) {
		expect( body.code ).toBe( code );
	}
	return body;
}
