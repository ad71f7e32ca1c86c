/**
 * Helpers for the chat specs: a visitor (no cookies, a chat token) talking to /switchboard/v1/chat.
 */

/**
 * External dependencies
 */
import { request, type APIRequestContext } from '@playwright/test';

export const TOKEN_HEADER = 'X-Switchboard-Chat-Token';

export interface Visitor {
	token: string;
	context: APIRequestContext;
	get: ( path: string ) => Promise< any >;
	post: ( path: string, data?: Record< string, unknown > ) => Promise< any >;
	raw: (
		method: 'GET' | 'POST',
		path: string,
		data?: Record< string, unknown >
	) => ReturnType< APIRequestContext[ 'get' ] >;
	dispose: () => Promise< void >;
}

/**
 * Starts a guest chat and returns a visitor bound to its token.
 *
 * @param url   Builds REST URLs (api.url).
 * @param email Visitor email.
 * @param name  Visitor name.
 */
export async function startVisitor(
	url: ( route: string, query?: Record< string, string > ) => string,
	email: string,
	name = 'Vera Visitor'
): Promise< Visitor > {
	const context = await request.newContext();
	const start = await context.post( url( '/switchboard/v1/chat/session' ), {
		data: { name, email },
	} );
	if ( start.status() !== 201 ) {
		throw new Error(
			`chat start: HTTP ${ start.status() } ${ await start.text() }`
		);
	}
	const { token } = await start.json();
	const raw = ( method: 'GET' | 'POST', path: string, data?: object ) => {
		const [ route, query = '' ] = path.split( '?' );
		return context.fetch(
			url(
				'/switchboard/v1/chat' + route,
				Object.fromEntries( new URLSearchParams( query ) )
			),
			{
				method,
				headers: { [ TOKEN_HEADER ]: token },
				data,
			}
		);
	};
	return {
		token,
		context,
		raw,
		get: async ( path ) => ( await raw( 'GET', path ) ).json(),
		post: async ( path, data = {} ) =>
			( await raw( 'POST', path, data ) ).json(),
		dispose: () => context.dispose(),
	};
}

/**
 * A unique suffix for per-run data.
 */
export function unique(): string {
	return `${ Date.now().toString( 36 ) }${ Math.random()
		.toString( 36 )
		.slice( 2, 6 ) }`;
}

/**
 * Forgets this window's "new chats per IP" counters (every spec starts chats from loopback).
 */
export function resetChatLimits(): void {
	// eslint-disable-next-line @typescript-eslint/no-var-requires
	const { execFileSync } = require( 'node:child_process' );
	const root = require( 'node:path' ).join( __dirname, '..', '..' );
	execFileSync(
		'bash',
		[
			'bin/wp-php.sh',
			'test',
			'bin/lib-chat/chat-fixture.php',
			'reset-limits',
		],
		{ cwd: root, stdio: 'ignore' }
	);
}
