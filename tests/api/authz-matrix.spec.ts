/**
 * The authorization matrix: every route of the ticket core under /switchboard/v1 × admin, agent,
 * alice (customer A), bob (customer B) and a guest.
 *
 * - The route list comes from the site (`GET /wp-json/switchboard/v1` as admin), so a route added
 *   later without a matrix entry fails this test instead of being missed.
 * - Fixtures are made through the API: alice uploads a file and opens a ticket with it
 *   (POST /attachments, POST /me/tickets); the agent adds a private note with its own file and a
 *   public reply. Bob then tries everything of alice's, by id and by guessing ids.
 * - Probes never change data they do not own: writes by allowed users carry an unknown field
 *   (`authz_probe`) and are answered 400 by the route itself — proving that the permission check
 *   let them through — or use a harmless invalid target (merging a ticket into itself).
 *
 * Expectations: '2xx', an exact status, or 'pass' (the permission check let the request through:
 * the route answered, with any status except 401/403 — 400 validation, 404 target missing, 409,
 * 429 rate limit).
 */

/**
 * External dependencies
 */
import type { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError, type Who, type Api } from './fixtures';

const NS = '/switchboard/v1';
const WHO: Who[] = [ 'admin', 'agent', 'alice', 'bob', 'guest' ];
const FIXTURE_SUBJECT = 'Authz matrix fixture: broken mug';
const WRONG_TOKEN = '0123456789abcdef0123456789abcdef';

type Expect = '2xx' | 'pass' | 401 | 403 | 404 | 409;

interface Fixtures {
	/** Alice's ticket. */
	ticket: number;
	/** Alice's customer record. */
	aliceCustomer: number;
	/** Bob's customer record. */
	bobCustomer: number;
	/** Alice's file, on her public first message. */
	aliceFile: number;
	/** The agent's file, on a private note. */
	noteFile: number;
	/** Body text of the agent's private note (must never reach a customer). */
	noteText: string;
}

interface Probe {
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	path: ( f: Fixtures ) => string;
	query?: Record< string, string | number >;
	data?: ( f: Fixtures ) => Record< string, unknown >;
	/** Send an empty multipart body (uploads without a file). */
	multipart?: boolean;
	expect: Record< Who, Expect >;
}

const AGENT_ONLY: Record< Who, Expect > = {
	admin: '2xx',
	agent: '2xx',
	alice: 403,
	bob: 403,
	guest: 401,
};
const AGENT_PASS: Record< Who, Expect > = {
	admin: 'pass',
	agent: 'pass',
	alice: 403,
	bob: 403,
	guest: 401,
};
const MANAGER_PASS: Record< Who, Expect > = {
	admin: 'pass',
	agent: 403,
	alice: 403,
	bob: 403,
	guest: 401,
};

/**
 * The matrix, keyed by "<methods> <route>" exactly as the REST index lists them.
 */
const MATRIX: Record< string, Probe > = {
	[ `GET ${ NS }` ]: {
		method: 'GET',
		path: () => NS,
		expect: {
			admin: '2xx',
			agent: '2xx',
			alice: '2xx',
			bob: '2xx',
			guest: '2xx',
		},
	},
	[ `GET ${ NS }/overview` ]: {
		method: 'GET',
		path: () => `${ NS }/overview`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/tickets` ]: {
		method: 'GET',
		path: () => `${ NS }/tickets`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/tickets` ]: {
		method: 'POST',
		path: () => `${ NS }/tickets`,
		data: ( f ) => ( {
			subject: 'authz probe',
			customer_id: f.aliceCustomer,
			authz_probe: 1,
		} ),
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/tickets/bulk` ]: {
		method: 'POST',
		path: () => `${ NS }/tickets/bulk`,
		data: ( f ) => ( {
			ids: [ f.ticket ],
			priority: 'normal',
			authz_probe: 1,
		} ),
		expect: AGENT_PASS,
	},
	[ `GET ${ NS }/tickets/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }`,
		expect: AGENT_ONLY,
	},
	[ `POST|PUT|PATCH ${ NS }/tickets/(?P<id>[\\d]+)` ]: {
		method: 'PATCH',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }`,
		data: () => ( { priority: 'normal', authz_probe: 1 } ),
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/tickets/(?P<id>[\\d]+)/merge` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/merge`,
		// Into itself: refused by the route (400) once the permission check passed.
		data: ( f ) => ( { source_id: f.ticket } ),
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/tickets/(?P<id>[\\d]+)/split` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/split`,
		data: () => ( { message_id: 2147483000 } ),
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/tickets/(?P<id>[\\d]+)/revoke-links` ]: {
		method: 'POST',
		// A ticket that does not exist: 404 once the permission check passed (revoking the
		// fixture's links would break the signed-link probes).
		path: () => `${ NS }/tickets/2147483000/revoke-links`,
		expect: AGENT_PASS,
	},
	[ `GET ${ NS }/tickets/(?P<id>[\\d]+)/timeline` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/timeline`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/tickets/(?P<ticket_id>[\\d]+)/messages` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/messages`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/tickets/(?P<ticket_id>[\\d]+)/messages` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/messages`,
		data: () => ( { body: 'authz probe', authz_probe: 1 } ),
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/attachments` ]: {
		method: 'POST',
		path: () => `${ NS }/attachments`,
		// No file: 400 switchboard_no_file from the route for every logged-in user.
		multipart: true,
		expect: {
			admin: 'pass',
			agent: 'pass',
			alice: 'pass',
			bob: 'pass',
			guest: 401,
		},
	},
	[ `GET ${ NS }/attachments/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/attachments/${ f.aliceFile }`,
		expect: {
			admin: '2xx',
			agent: '2xx',
			alice: '2xx',
			bob: 404,
			guest: 401,
		},
	},
	[ `GET ${ NS }/customers` ]: {
		method: 'GET',
		path: () => `${ NS }/customers`,
		query: { search: 'alice' },
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/customers/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/customers/${ f.aliceCustomer }`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/customers/(?P<id>[\\d]+)/tickets` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/customers/${ f.aliceCustomer }/tickets`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/customers/(?P<id>[\\d]+)/timeline` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/customers/${ f.aliceCustomer }/timeline`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/customers/(?P<id>[\\d]+)/merge` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/customers/${ f.aliceCustomer }/merge`,
		// Into itself: refused by the route once the permission check passed.
		data: ( f ) => ( { source_id: f.aliceCustomer } ),
		expect: MANAGER_PASS,
	},
	[ `GET ${ NS }/queues` ]: {
		method: 'GET',
		path: () => `${ NS }/queues`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/agents` ]: {
		method: 'GET',
		path: () => `${ NS }/agents`,
		expect: AGENT_ONLY,
	},
	[ `GET ${ NS }/tags` ]: {
		method: 'GET',
		path: () => `${ NS }/tags`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/tags` ]: {
		method: 'POST',
		path: () => `${ NS }/tags`,
		// Tags are found or created by name: repeating this changes nothing.
		data: () => ( { name: 'authz-matrix' } ),
		expect: MANAGER_PASS,
	},
	// Teams: agents read them (pickers, the inbox filter), managers write them. Writes by allowed
	// users carry an unknown field (400 from the route); the id probes use a team that does not
	// exist (404 from the route), so nothing is changed or deleted.
	[ `GET ${ NS }/teams` ]: {
		method: 'GET',
		path: () => `${ NS }/teams`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/teams` ]: {
		method: 'POST',
		path: () => `${ NS }/teams`,
		data: () => ( { name: 'authz probe team', authz_probe: 1 } ),
		expect: MANAGER_PASS,
	},
	[ `GET ${ NS }/teams/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: () => `${ NS }/teams/2147483000`,
		expect: AGENT_PASS,
	},
	[ `POST|PUT|PATCH ${ NS }/teams/(?P<id>[\\d]+)` ]: {
		method: 'PATCH',
		path: () => `${ NS }/teams/2147483000`,
		data: () => ( { name: 'authz probe team' } ),
		expect: MANAGER_PASS,
	},
	[ `DELETE ${ NS }/teams/(?P<id>[\\d]+)` ]: {
		method: 'DELETE',
		path: () => `${ NS }/teams/2147483000`,
		expect: MANAGER_PASS,
	},
	// Agent workspace: canned responses (personal for agents, shared ones for managers), presence
	// (collision detection), the customer's WooCommerce orders (404 without WooCommerce).
	[ `GET ${ NS }/canned-responses` ]: {
		method: 'GET',
		path: () => `${ NS }/canned-responses`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/canned-responses` ]: {
		method: 'POST',
		path: () => `${ NS }/canned-responses`,
		// Empty title and body: 400 from the route once the permission check passed.
		data: () => ( { title: '', body: '' } ),
		expect: AGENT_PASS,
	},
	[ `GET ${ NS }/canned-responses/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: () => `${ NS }/canned-responses/2147483000`,
		expect: AGENT_PASS,
	},
	[ `POST|PUT|PATCH ${ NS }/canned-responses/(?P<id>[\\d]+)` ]: {
		method: 'PATCH',
		path: () => `${ NS }/canned-responses/2147483000`,
		data: () => ( { title: 'authz probe' } ),
		expect: AGENT_PASS,
	},
	[ `DELETE ${ NS }/canned-responses/(?P<id>[\\d]+)` ]: {
		method: 'DELETE',
		path: () => `${ NS }/canned-responses/2147483000`,
		expect: AGENT_PASS,
	},
	[ `POST ${ NS }/canned-responses/(?P<id>[\\d]+)/render` ]: {
		method: 'POST',
		path: () => `${ NS }/canned-responses/2147483000/render`,
		data: ( f ) => ( { ticket_id: f.ticket } ),
		expect: AGENT_PASS,
	},
	[ `GET ${ NS }/tickets/(?P<id>[\\d]+)/presence` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/presence`,
		expect: AGENT_ONLY,
	},
	[ `POST ${ NS }/tickets/(?P<id>[\\d]+)/presence` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/presence`,
		// A valid body: WordPress validates arguments before the permission callback, so an invalid
		// one would answer 400 to customers too. Marking "viewing" only sets a 45-second transient.
		data: () => ( { state: 'viewing' } ),
		expect: AGENT_ONLY,
	},
	[ `DELETE ${ NS }/tickets/(?P<id>[\\d]+)/presence` ]: {
		method: 'DELETE',
		path: ( f ) => `${ NS }/tickets/${ f.ticket }/presence`,
		expect: AGENT_ONLY,
	},
	// Self-service: the support page setting (managers only; a page id that is no page answers 400).
	[ `GET ${ NS }/settings/support-page` ]: {
		method: 'GET',
		path: () => `${ NS }/settings/support-page`,
		expect: { ...MANAGER_PASS, admin: '2xx' },
	},
	[ `POST|PUT|PATCH ${ NS }/settings/support-page` ]: {
		method: 'POST',
		path: () => `${ NS }/settings/support-page`,
		data: () => ( { page_id: 2147483000 } ),
		expect: MANAGER_PASS,
	},
	// Search maintenance: index state and rebuild (managers only; an unknown field answers 400
	// before anything is rebuilt).
	[ `GET ${ NS }/settings/search-index` ]: {
		method: 'GET',
		path: () => `${ NS }/settings/search-index`,
		expect: { ...MANAGER_PASS, admin: '2xx' },
	},
	[ `POST ${ NS }/settings/search-index` ]: {
		method: 'POST',
		path: () => `${ NS }/settings/search-index`,
		data: () => ( { force: true } ),
		expect: MANAGER_PASS,
	},
	[ `GET ${ NS }/customers/(?P<id>[\\d]+)/orders` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/customers/${ f.aliceCustomer }/orders`,
		expect: AGENT_PASS,
	},
	[ `GET ${ NS }/me/tickets` ]: {
		method: 'GET',
		path: () => `${ NS }/me/tickets`,
		expect: {
			admin: '2xx',
			agent: '2xx',
			alice: '2xx',
			bob: '2xx',
			guest: 401,
		},
	},
	[ `POST ${ NS }/me/tickets` ]: {
		method: 'POST',
		path: () => `${ NS }/me/tickets`,
		data: () => ( {
			subject: 'authz probe',
			body: 'authz probe',
			authz_probe: 1,
		} ),
		expect: {
			admin: 'pass',
			agent: 'pass',
			alice: 'pass',
			bob: 'pass',
			guest: 401,
		},
	},
	[ `GET ${ NS }/me/tickets/(?P<id>[\\d]+)` ]: {
		method: 'GET',
		path: ( f ) => `${ NS }/me/tickets/${ f.ticket }`,
		// Someone else's ticket answers 404, like one that does not exist — agents included:
		// /me is the customer view.
		expect: { admin: 404, agent: 404, alice: '2xx', bob: 404, guest: 401 },
	},
	[ `POST ${ NS }/me/tickets/(?P<id>[\\d]+)/messages` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/me/tickets/${ f.ticket }/messages`,
		data: () => ( { body: 'Any news? (authz matrix)' } ),
		expect: { admin: 404, agent: 404, alice: 'pass', bob: 404, guest: 401 },
	},
	[ `POST ${ NS }/me/tickets/(?P<id>[\\d]+)/rating` ]: {
		method: 'POST',
		path: ( f ) => `${ NS }/me/tickets/${ f.ticket }/rating`,
		// Alice's ticket is not solved: 409 from the route, after the permission check.
		data: () => ( { score: 5 } ),
		expect: { admin: 404, agent: 404, alice: 409, bob: 404, guest: 401 },
	},
};

/**
 * Routes of other areas (channels, knowledge base, storefront forms). They have their own
 * authorization tests; listing them here keeps this test honest about covering *every* route:
 * a route in neither list fails it. `public` routes are meant for visitors (rate-limited); for the
 * others, a guest's GET (where one exists) must be refused.
 */
const OTHER_AREAS: Record< string, { owner: string; public?: boolean } > = {
	'chat/': { owner: 'live chat', public: true },
	'email/': { owner: 'email channel (every route: email-authz.spec.ts)' },
	'email/inbound/(?P<provider>': { owner: 'email webhooks', public: true },
	'kb/search': { owner: 'knowledge base', public: true },
	'kb/articles/': { owner: 'knowledge base', public: true },
	'kb/deflections': { owner: 'knowledge base', public: true },
	'kb/missing': { owner: 'knowledge base' },
	'kb/deflections/summary': { owner: 'knowledge base' },
	contact: { owner: 'storefront contact form', public: true },
	'canned-responses': { owner: 'agent workspace' },
	presence: { owner: 'agent workspace' },
	'customers/(?P<id>[\\d]+)/orders': { owner: 'WooCommerce bridge' },
	'tickets/(?P<id>[\\d]+)/order': { owner: 'WooCommerce bridge' },
	'orders/': { owner: 'WooCommerce bridge' },
	'woo/': { owner: 'WooCommerce bridge' },
};

/**
 * The most specific OTHER_AREAS entry for a route (path after the namespace).
 *
 * @param sub Route without "/switchboard/v1/".
 */
function otherArea( sub: string ) {
	const keys = Object.keys( OTHER_AREAS )
		.filter( ( prefix ) => sub.startsWith( prefix ) )
		.sort( ( a, b ) => b.length - a.length );
	return keys.length ? OTHER_AREAS[ keys[ 0 ] ] : undefined;
}

/**
 * Sends one probe as a user.
 *
 * @param api     API fixture.
 * @param context Request context of the user.
 * @param probe   The probe.
 * @param f       Fixtures.
 */
async function send(
	api: Api,
	context: APIRequestContext,
	probe: Probe,
	f: Fixtures
): Promise< APIResponse > {
	const url = api.url( probe.path( f ), probe.query );
	if ( probe.multipart ) {
		return context.post( url, { multipart: { note: 'no file' } } );
	}
	const data = probe.data ? probe.data( f ) : undefined;
	return context.fetch( url, { method: probe.method, data } );
}

/**
 * Asserts the `{ code, message, data.status }` shape of an error response.
 *
 * @param response Response.
 * @param label    For failure messages.
 */
async function expectErrorShape( response: APIResponse, label: string ) {
	const text = await response.text();
	let body: {
		code?: unknown;
		message?: unknown;
		data?: { status?: unknown };
	};
	try {
		body = JSON.parse( text );
	} catch {
		throw new Error(
			`${ label }: error body is not JSON: ${ text.slice( 0, 200 ) }`
		);
	}
	expect( typeof body.code, `${ label }: code in ${ text }` ).toBe(
		'string'
	);
	expect( typeof body.message, `${ label }: message in ${ text }` ).toBe(
		'string'
	);
	expect( body.data?.status, `${ label }: data.status in ${ text }` ).toBe(
		response.status()
	);
	return body as { code: string; message: string; data: { status: number } };
}

const DENIAL_CODES = [
	'switchboard_forbidden',
	'switchboard_not_logged_in',
	'rest_forbidden',
	'rest_cookie_invalid_nonce',
];

test.describe( 'authorization matrix', () => {
	let f: Fixtures;

	test.beforeAll( async ( { api } ) => {
		const alice = await api.as( 'alice' );
		const agent = await api.as( 'agent' );

		// Alice's ticket with her file: reused across runs (uploads and new tickets are
		// rate-limited per customer and hour).
		const mine = await alice.get(
			api.url( `${ NS }/me/tickets`, { per_page: 50 } )
		);
		expect( mine.status(), await mine.text() ).toBe( 200 );
		const existing = (
			( await mine.json() ) as Array< { id: number; subject: string } >
		 ).find( ( t ) => t.subject === FIXTURE_SUBJECT );
		let ticket = existing?.id ?? 0;
		let aliceFile = 0;
		if ( ticket ) {
			const detail = await (
				await alice.get( api.url( `${ NS }/me/tickets/${ ticket }` ) )
			).json();
			aliceFile = detail.messages?.[ 0 ]?.attachments?.[ 0 ]?.id ?? 0;
		}
		if ( ! ticket || ! aliceFile ) {
			const upload = await alice.post( api.url( `${ NS }/attachments` ), {
				multipart: {
					file: {
						name: 'broken-mug.png',
						mimeType: 'image/png',
						buffer: Buffer.from(
							'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
							'base64'
						),
					},
				},
			} );
			expect( upload.status(), await upload.text() ).toBe( 201 );
			aliceFile = ( await upload.json() ).id;
			const created = await alice.post( api.url( `${ NS }/me/tickets` ), {
				data: {
					subject: FIXTURE_SUBJECT,
					body: 'My mug arrived broken, photo attached.',
					attachments: [ aliceFile ],
				},
			} );
			expect( created.status(), await created.text() ).toBe( 201 );
			ticket = ( await created.json() ).id;
		}

		// The agent: a private note with a file, and a public reply.
		const noteUpload = await agent.post( api.url( `${ NS }/attachments` ), {
			multipart: {
				file: {
					name: 'internal-notes.txt',
					mimeType: 'text/plain',
					buffer: Buffer.from(
						'Supplier credit note #4411 — internal only.'
					),
				},
			},
		} );
		expect( noteUpload.status(), await noteUpload.text() ).toBe( 201 );
		const noteFile = ( await noteUpload.json() ).id;
		const noteText = `Internal: supplier owes us for this one ${ Date.now() }`;
		const note = await agent.post(
			api.url( `${ NS }/tickets/${ ticket }/messages` ),
			{
				data: {
					body: `<p>${ noteText }</p>`,
					is_private: true,
					attachments: [ noteFile ],
				},
			}
		);
		expect( note.status(), await note.text() ).toBe( 201 );
		const reply = await agent.post(
			api.url( `${ NS }/tickets/${ ticket }/messages` ),
			{
				data: {
					body: '<p>Sorry about that — a replacement is on its way.</p>',
				},
			}
		);
		expect( reply.status(), await reply.text() ).toBe( 201 );

		const agentView = await (
			await agent.get( api.url( `${ NS }/tickets/${ ticket }` ) )
		).json();
		const aliceCustomer = agentView.customer.id;

		// Bob's customer record (created on first use of /me).
		const bob = await api.as( 'bob' );
		await bob.get( api.url( `${ NS }/me/tickets` ) );
		const found = await (
			await agent.get(
				api.url( `${ NS }/customers`, { search: 'bob@example.com' } )
			)
		).json();
		const bobCustomer =
			Array.isArray( found ) && found.length ? found[ 0 ].id : 0;

		f = {
			ticket,
			aliceCustomer,
			bobCustomer,
			aliceFile,
			noteFile,
			noteText,
		};
	} );

	test( 'every route of the namespace has a matrix entry', async ( {
		api,
	} ) => {
		const admin = await api.as( 'admin' );
		const index = await admin.get( api.url( NS ) );
		expect( index.status() ).toBe( 200 );
		const routes = ( await index.json() ).routes as Record<
			string,
			{ endpoints: Array< { methods: string[] } > }
		>;
		const missing: string[] = [];
		const guest = await api.as( 'guest' );
		for ( const [ route, info ] of Object.entries( routes ) ) {
			const sub = route.slice( NS.length + 1 );
			for ( const endpoint of info.endpoints ) {
				const key = `${ endpoint.methods.join( '|' ) } ${ route }`;
				if ( MATRIX[ key ] ) {
					continue;
				}
				const other = otherArea( sub );
				if ( ! other ) {
					missing.push( key );
					continue;
				}
				// Another area's route: a guest's parameterless GET of a non-public one is refused.
				if (
					! other.public &&
					endpoint.methods.includes( 'GET' ) &&
					! route.includes( '(?P<' )
				) {
					const response = await guest.get( api.url( route ) );
					expect(
						[ 401, 403 ],
						`guest GET ${ route } (${ other.owner })`
					).toContain( response.status() );
					await expectErrorShape( response, `guest GET ${ route }` );
				}
			}
		}
		expect(
			missing,
			'routes without an authorization matrix entry'
		).toEqual( [] );
	} );

	for ( const [ key, probe ] of Object.entries( MATRIX ) ) {
		test( key, async ( { api } ) => {
			for ( const who of WHO ) {
				const context = await api.as( who );
				const response = await send( api, context, probe, f );
				const expected = probe.expect[ who ];
				const status = response.status();
				const label = `${ who }: ${ probe.method } ${ probe.path(
					f
				) } → ${ status }`;
				if ( expected === '2xx' ) {
					expect(
						status,
						`${ label } ${
							status >= 300 ? await response.text() : ''
						}`
					).toBeGreaterThanOrEqual( 200 );
					expect( status, label ).toBeLessThan( 300 );
				} else if ( expected === 'pass' ) {
					expect(
						[ 401, 403 ],
						`${ label } ${ await response.text() }`
					).not.toContain( status );
					if ( status >= 400 ) {
						const body = await expectErrorShape( response, label );
						expect( DENIAL_CODES, label ).not.toContain(
							body.code
						);
					}
				} else {
					expect(
						status,
						`${ label } ${ await response.text() }`
					).toBe( expected );
				}
				if ( status >= 400 ) {
					await expectErrorShape( response, label );
				}
			}
		} );
	}

	test( "bob can never reach alice's ticket, messages, rating, files or customer record", async ( {
		api,
	} ) => {
		const bob = await api.as( 'bob' );
		const paths = [
			`${ NS }/me/tickets/${ f.ticket }`,
			`${ NS }/attachments/${ f.aliceFile }`,
			`${ NS }/attachments/${ f.noteFile }`,
		];
		for ( const path of paths ) {
			await expectRestError( await bob.get( api.url( path ) ), 404 );
		}
		await expectRestError(
			await bob.post(
				api.url( `${ NS }/me/tickets/${ f.ticket }/messages` ),
				{
					data: { body: 'let me in' },
				}
			),
			404
		);
		await expectRestError(
			await bob.post(
				api.url( `${ NS }/me/tickets/${ f.ticket }/rating` ),
				{
					data: { score: 1 },
				}
			),
			404
		);
		for ( const path of [
			`${ NS }/tickets/${ f.ticket }`,
			`${ NS }/tickets/${ f.ticket }/messages`,
			`${ NS }/tickets/${ f.ticket }/timeline`,
			`${ NS }/customers/${ f.aliceCustomer }`,
			`${ NS }/customers/${ f.aliceCustomer }/tickets`,
			`${ NS }/customers/${ f.aliceCustomer }/timeline`,
		] ) {
			await expectRestError( await bob.get( api.url( path ) ), 403 );
		}

		// Bob's own list never shows alice's ticket.
		const list = await (
			await bob.get( api.url( `${ NS }/me/tickets`, { per_page: 50 } ) )
		).json();
		expect(
			( list as Array< { id: number } > ).map( ( t ) => t.id )
		).not.toContain( f.ticket );

		// Guessing ids around alice's: only bob's own tickets ever answer.
		const own = new Set(
			( list as Array< { id: number } > ).map( ( t ) => t.id )
		);
		for ( let id = Math.max( 1, f.ticket - 6 ); id <= f.ticket + 6; id++ ) {
			const response = await bob.get(
				api.url( `${ NS }/me/tickets/${ id }` )
			);
			if ( own.has( id ) ) {
				expect( response.status() ).toBe( 200 );
			} else {
				await expectRestError( response, 404 );
			}
		}
		for (
			let id = Math.max( 1, f.aliceFile - 3 );
			id <= f.aliceFile + 3;
			id++
		) {
			const response = await bob.get(
				api.url( `${ NS }/attachments/${ id }` )
			);
			expect( [ 200, 404 ] ).toContain( response.status() );
			if ( response.status() === 200 ) {
				// Only a file bob uploaded himself could answer; alice's and the note's never.
				expect( [ f.aliceFile, f.noteFile ] ).not.toContain( id );
			}
		}
	} );

	test( 'alice sees her ticket without the private note or its file', async ( {
		api,
	} ) => {
		const alice = await api.as( 'alice' );
		const response = await alice.get(
			api.url( `${ NS }/me/tickets/${ f.ticket }` )
		);
		const text = await response.text();
		expect( response.status(), text ).toBe( 200 );
		expect( text ).not.toContain( f.noteText );
		expect( text ).not.toContain( 'is_private' );
		const body = JSON.parse( text );
		const files = body.messages.flatMap(
			( m: { attachments: Array< { id: number } > } ) =>
				m.attachments.map( ( a ) => a.id )
		);
		expect( files ).toContain( f.aliceFile );
		expect( files ).not.toContain( f.noteFile );
		await expectRestError(
			await alice.get( api.url( `${ NS }/attachments/${ f.noteFile }` ) ),
			404
		);
		const download = await alice.get(
			api.url( `${ NS }/attachments/${ f.aliceFile }` )
		);
		expect( download.status() ).toBe( 200 );
		expect( download.headers()[ 'x-content-type-options' ] ).toBe(
			'nosniff'
		);
	} );

	test( 'guests need a login, and a wrong token opens nothing', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		await expectRestError(
			await guest.get( api.url( `${ NS }/me/tickets/${ f.ticket }` ) ),
			401
		);
		await expectRestError(
			await guest.get(
				api.url( `${ NS }/me/tickets/${ f.ticket }`, {
					token: WRONG_TOKEN,
				} )
			),
			404
		);
		await expectRestError(
			await guest.post(
				api.url( `${ NS }/me/tickets/${ f.ticket }/messages`, {
					token: WRONG_TOKEN,
				} ),
				{
					data: { body: 'hello' },
				}
			),
			404
		);
		await expectRestError(
			await guest.get(
				api.url( `${ NS }/attachments/${ f.aliceFile }`, {
					token: WRONG_TOKEN,
				} )
			),
			404
		);
		await expectRestError(
			await guest.get(
				api.url( `${ NS }/attachments/${ f.aliceFile }` )
			),
			401
		);
	} );

	test( 'unknown fields are rejected, naming the field', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const response = await agent.patch(
			api.url( `${ NS }/tickets/${ f.ticket }` ),
			{
				data: { priority: 'normal', prioritty: 'high' },
			}
		);
		const body = await expectRestError(
			response,
			400,
			'rest_invalid_param'
		);
		expect( body.message ).toContain( 'prioritty' );
		expect(
			( body.data as unknown as { params: Record< string, string > } )
				.params
		).toHaveProperty( 'prioritty' );

		const alice = await api.as( 'alice' );
		const mine = await expectRestError(
			await alice.post( api.url( `${ NS }/me/tickets` ), {
				data: { subject: 'x', body: 'y', assignee_id: 1 },
			} ),
			400,
			'rest_invalid_param'
		);
		expect( mine.message ).toContain( 'assignee_id' );
	} );

	test( 'a validation error names the field', async ( { api } ) => {
		const agent = await api.as( 'agent' );
		const bad = await expectRestError(
			await agent.post( api.url( `${ NS }/tickets` ), {
				data: {
					subject: 'Phone call',
					customer_id: f.aliceCustomer,
					priority: 'sky-high',
				},
			} ),
			400,
			'rest_invalid_param'
		);
		expect(
			( bad.data as unknown as { params: Record< string, string > } )
				.params
		).toHaveProperty( 'priority' );
		const missing = await expectRestError(
			await agent.post( api.url( `${ NS }/tickets` ), {
				data: { customer_id: f.aliceCustomer },
			} ),
			400,
			'rest_missing_callback_param'
		);
		expect(
			( missing.data as unknown as { params: string[] } ).params
		).toContain( 'subject' );
	} );

	test( 'two agents replying at once both land, in order', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const admin = await api.as( 'admin' );
		const created = await agent.post( api.url( `${ NS }/tickets` ), {
			data: {
				subject: 'Concurrent replies',
				customer: {
					email: 'concurrency@example.test',
					name: 'Concurrent Customer',
				},
				message: { body: 'Where is my parcel?' },
			},
		} );
		expect( created.status(), await created.text() ).toBe( 201 );
		const ticket = ( await created.json() ).id;
		const before = (
			await (
				await agent.get( api.url( `${ NS }/tickets/${ ticket }` ) )
			).json()
		).message_count;

		const stamp = Date.now();
		const [ a, b ] = await Promise.all( [
			agent.post( api.url( `${ NS }/tickets/${ ticket }/messages` ), {
				data: { body: `<p>Agent reply ${ stamp }</p>` },
			} ),
			admin.post( api.url( `${ NS }/tickets/${ ticket }/messages` ), {
				data: { body: `<p>Admin reply ${ stamp }</p>` },
			} ),
		] );
		expect( a.status(), await a.text() ).toBe( 201 );
		expect( b.status(), await b.text() ).toBe( 201 );
		const ids = [ ( await a.json() ).id, ( await b.json() ).id ];

		const messages = ( await (
			await agent.get( api.url( `${ NS }/tickets/${ ticket }/messages` ) )
		).json() ) as Array< {
			id: number;
			body_text: string;
			created_at: string;
		} >;
		const landed = messages.filter( ( m ) => ids.includes( m.id ) );
		expect( landed ).toHaveLength( 2 );
		// Listed in id order, and time never goes backwards.
		const listed = messages.map( ( m ) => m.id );
		expect( listed ).toEqual( [ ...listed ].sort( ( x, y ) => x - y ) );
		const times = messages.map( ( m ) => m.created_at );
		expect( times ).toEqual( [ ...times ].sort() );
		expect( landed.map( ( m ) => m.body_text ).join( ' ' ) ).toContain(
			`Agent reply ${ stamp }`
		);
		expect( landed.map( ( m ) => m.body_text ).join( ' ' ) ).toContain(
			`Admin reply ${ stamp }`
		);

		const after = await (
			await agent.get( api.url( `${ NS }/tickets/${ ticket }` ) )
		).json();
		expect( after.message_count ).toBe( before + 2 );
	} );
} );
