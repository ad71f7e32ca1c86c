#!/usr/bin/env node
/**
 * Chat transport load check (prints figures; not a timed test):
 *
 *   node bin/bench-chat.mjs [--visitors 50] [--seconds 60] [--base http://localhost:8889]
 *                           [--sessions file.json]
 *
 * N visitors poll GET /chat/ping every 2 s (the widget's fastest rate) and fetch
 * GET /chat/session?after=<last> when the version moves; each sends a message every ~10 s.
 * The `agent` user answers every chat every ~10 s through POST /tickets/<id>/messages.
 * Delivery latency = agent reply stored (201) → the visitor's poll has it. At the end every
 * transcript is compared with what was sent: nothing may be lost.
 * Sessions are created with bin/lib-chat/chat-fixture.php (the per-IP "new chat" limit would
 * otherwise stop 50 chats from one address), status "active" so the bot stays out of it: by
 * bin/bench.sh in the bench site's database (--sessions, its JSON output), or here through
 * bin/wp-php.sh for the dev (port 8888) or test site.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
	process.argv
		.slice( 2 )
		.reduce(
			( a, v, i, all ) =>
				v.startsWith( '--' )
					? [ ...a, [ v.slice( 2 ), all[ i + 1 ] ] ]
					: a,
			[]
		)
);
const VISITORS = Number( args.visitors ?? 50 );
const SECONDS = Number( args.seconds ?? 60 );
const BASE = (
	args.base ??
	process.env.WP_BASE_URL ??
	'http://localhost:8889'
).replace( /\/$/, '' );
const ENV = BASE.endsWith( ':8888' ) ? 'dev' : 'test';
const REPO = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
const API = `${ BASE }/wp-json/switchboard/v1`;
const sleep = ( ms ) => new Promise( ( r ) => setTimeout( r, ms ) );
const now = () => performance.now();

function pct( list, p ) {
	if ( ! list.length ) {
		return NaN;
	}
	const s = [ ...list ].sort( ( a, b ) => a - b );
	return s[
		Math.min( s.length - 1, Math.ceil( ( p / 100 ) * s.length ) - 1 )
	];
}
const fmt = ( list ) =>
	`n=${ list.length } avg=${ (
		list.reduce( ( a, b ) => a + b, 0 ) / ( list.length || 1 )
	).toFixed( 0 ) }ms p50=${ pct( list, 50 )?.toFixed( 0 ) }ms p95=${ pct(
		list,
		95
	)?.toFixed( 0 ) }ms max=${ Math.max( ...list ).toFixed( 0 ) }ms`;

async function login( user ) {
	const jar = new Map();
	const cookieHeader = () =>
		[ ...jar ].map( ( [ k, v ] ) => `${ k }=${ v }` ).join( '; ' );
	const keep = ( res ) => {
		for ( const c of res.headers.getSetCookie?.() ?? [] ) {
			const [ pair ] = c.split( ';' );
			const [ k, v ] = pair.split( '=' );
			jar.set( k.trim(), v );
		}
	};
	keep( await fetch( `${ BASE }/wp-login.php`, { redirect: 'manual' } ) );
	jar.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
	keep(
		await fetch( `${ BASE }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Cookie: cookieHeader(),
			},
			body: new URLSearchParams( {
				log: user,
				pwd: 'password',
				'wp-submit': 'Log In',
				testcookie: '1',
			} ),
		} )
	);
	const nonce = (
		await (
			await fetch(
				`${ BASE }/wp-admin/admin-ajax.php?action=rest-nonce`,
				{ headers: { Cookie: cookieHeader() } }
			)
		).text()
	).trim();
	return { Cookie: cookieHeader(), 'X-WP-Nonce': nonce };
}

const stats = {
	ping: [],
	session: [],
	send: [],
	reply: [],
	latency: [],
	errors: 0,
	status: {},
};

async function call( kind, url, init ) {
	const t = now();
	const res = await fetch( url, init );
	stats[ kind ]?.push( now() - t );
	if ( ! res.ok ) {
		stats.errors++;
		stats.status[ res.status ] = ( stats.status[ res.status ] ?? 0 ) + 1;
	}
	return res.ok ? res.json() : null;
}

async function main() {
	console.log(
		`bench-chat: ${ VISITORS } visitors, ${ SECONDS } s against ${ BASE }`
	);
	const sessions = JSON.parse(
		args.sessions
			? readFileSync( args.sessions, 'utf8' )
			: execFileSync(
					'bash',
					[
						'bin/wp-php.sh',
						ENV,
						'bin/lib-chat/chat-fixture.php',
						'sessions',
						String( VISITORS ),
						'active',
					],
					{ cwd: REPO }
			  )
					.toString()
					.trim()
					.split( '\n' )
					.pop()
	);
	const agentHeaders = await login( 'agent' );
	const end = Date.now() + SECONDS * 1000;
	const pending = new Map(); // text -> time stored
	const sent = sessions.map( () => new Set() );
	const seen = sessions.map( () => new Set() );
	const tickets = [];

	const visitor = async ( i ) => {
		const h = {
			'X-Switchboard-Chat-Token': sessions[ i ].token,
			'Content-Type': 'application/json',
		};
		let last = 0;
		let version = -1;
		const first = `v${ i } hello ${ Date.now() }`;
		sent[ i ].add( first );
		const state = await call( 'send', `${ API }/chat/messages`, {
			method: 'POST',
			headers: h,
			body: JSON.stringify( { body: first } ),
		} );
		for ( const m of state?.messages ?? [] ) {
			seen[ i ].add( m.text );
			last = Math.max( last, m.id );
		}
		const ticket = await call( 'session', `${ API }/chat/session?after=0`, {
			headers: h,
		} );
		void ticket;
		let nextSend = Date.now() + 5000 + Math.random() * 10000;
		await sleep( Math.random() * 2000 );
		while ( Date.now() < end ) {
			const ping = await call( 'ping', `${ API }/chat/ping`, {
				headers: h,
			} );
			if ( ping && ping.v !== version ) {
				const st = await call(
					'session',
					`${ API }/chat/session?after=${ last }`,
					{ headers: h }
				);
				if ( st ) {
					version = st.version;
					for ( const m of st.messages ) {
						last = Math.max( last, m.id );
						seen[ i ].add( m.text );
						if ( pending.has( m.text ) ) {
							stats.latency.push( now() - pending.get( m.text ) );
							pending.delete( m.text );
						}
					}
				}
			}
			if ( Date.now() > nextSend ) {
				const text = `v${ i } msg ${ Date.now() }`;
				sent[ i ].add( text );
				const st = await call( 'send', `${ API }/chat/messages`, {
					method: 'POST',
					headers: h,
					body: JSON.stringify( { body: text, after: last } ),
				} );
				for ( const m of st?.messages ?? [] ) {
					last = Math.max( last, m.id );
					seen[ i ].add( m.text );
				}
				nextSend = Date.now() + 10000;
			}
			await sleep( 2000 );
		}
	};

	const agent = async () => {
		await sleep( 3000 );
		const queue = await call( 'queue', `${ API }/chat/queue`, {
			headers: agentHeaders,
		} );
		const byEmail = new Map(
			( queue?.chats ?? [] ).map( ( c ) => [
				c.customer.email,
				c.ticket_id,
			] )
		);
		sessions.forEach(
			( s, i ) => ( tickets[ i ] = byEmail.get( s.email ) )
		);
		let n = 0;
		while ( Date.now() < end - 4000 ) {
			const i = n++ % sessions.length;
			if ( tickets[ i ] ) {
				const text = `agent to v${ i } #${ n }`;
				const res = await call(
					'reply',
					`${ API }/tickets/${ tickets[ i ] }/messages`,
					{
						method: 'POST',
						headers: {
							...agentHeaders,
							'Content-Type': 'application/json',
						},
						body: JSON.stringify( { body: text } ),
					}
				);
				if ( res ) {
					pending.set( text, now() );
					sent[ i ].add( text );
				}
			}
			await sleep( 10000 / sessions.length );
		}
	};

	await Promise.all( [
		...sessions.map( ( _, i ) => visitor( i ) ),
		agent(),
	] );

	// Final check: every message sent by either side is in the visitor's transcript.
	let lost = 0;
	for ( let i = 0; i < sessions.length; i++ ) {
		const st = await call( 'final', `${ API }/chat/session?after=0`, {
			headers: { 'X-Switchboard-Chat-Token': sessions[ i ].token },
		} );
		const texts = new Set( ( st?.messages ?? [] ).map( ( m ) => m.text ) );
		for ( const t of sent[ i ] ) {
			if ( ! texts.has( t ) ) {
				lost++;
			}
		}
	}
	const total = sent.reduce( ( a, s ) => a + s.size, 0 );
	console.log( `ping (fast path)      ${ fmt( stats.ping ) }` );
	console.log( `GET /chat/session     ${ fmt( stats.session ) }` );
	console.log( `POST visitor message  ${ fmt( stats.send ) }` );
	console.log( `POST agent reply      ${ fmt( stats.reply ) }` );
	console.log(
		`delivery latency (agent reply stored → visitor has it): ${ fmt(
			stats.latency
		) }`
	);
	console.log(
		`messages sent: ${ total }, lost: ${ lost }, undelivered at end of polling: ${
			pending.size
		}, HTTP errors: ${ stats.errors } ${ JSON.stringify( stats.status ) }`
	);
	process.exit( lost > 0 ? 1 : 0 );
}

main().catch( ( e ) => {
	console.error( e );
	process.exit( 2 );
} );
