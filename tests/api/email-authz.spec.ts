/**
 * Authorization of every email REST route × admin, agent, alice, bob and a guest. The route list
 * comes from the site (GET /wp-json/switchboard/v1, the same source as authz-matrix.spec.ts, whose
 * OTHER_AREAS delegates "email/" here), so an email route added later without an entry fails.
 *
 * Probes change nothing: an unknown id (404 after the permission check), an invalid body (400), or
 * a read. Mailbox, webhook-credential and quarantine routes are for managers only; the original of
 * an imported message is for agents who may see its ticket; the inbound webhooks are public and
 * answer a logged-in customer exactly like a guest (401 without a signature).
 */

/**
 * Internal dependencies
 */
import crypto from 'node:crypto';

import { test, expect, type Who } from './fixtures';

const NS = '/switchboard/v1';
const WHO: Who[] = [ 'admin', 'agent', 'alice', 'bob', 'guest' ];
const NO_ID = 987654321;

type Expect = '2xx' | 'pass' | 401 | 403;

interface Probe {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	data?: Record< string, unknown >;
	expect: Record< Who, Expect >;
}

const MANAGER: Record< Who, Expect > = {
	admin: 'pass',
	agent: 403,
	alice: 403,
	bob: 403,
	guest: 401,
};
const MANAGER_READ: Record< Who, Expect > = { ...MANAGER, admin: '2xx' };
const AGENT: Record< Who, Expect > = {
	admin: 'pass',
	agent: 'pass',
	alice: 403,
	bob: 403,
	guest: 401,
};
// Public, signature-checked: nobody gets in without one, logged in or not.
const SIGNED: Record< Who, Expect > = {
	admin: 401,
	agent: 401,
	alice: 401,
	bob: 401,
	guest: 401,
};

const MAILBOXES = `${ NS }/email/mailboxes`;
const MATRIX: Record< string, Probe[] > = {
	[ `GET ${ MAILBOXES }` ]: [
		{ method: 'GET', path: MAILBOXES, expect: MANAGER_READ },
	],
	[ `POST ${ MAILBOXES }` ]: [
		{
			method: 'POST',
			path: MAILBOXES,
			data: { name: 'authz probe without an address' },
			expect: MANAGER,
		},
	],
	[ `GET ${ MAILBOXES }/(?P<id>\\d+)` ]: [
		{ method: 'GET', path: `${ MAILBOXES }/${ NO_ID }`, expect: MANAGER },
	],
	[ `POST|PUT|PATCH ${ MAILBOXES }/(?P<id>\\d+)` ]: [
		{
			method: 'PUT',
			path: `${ MAILBOXES }/${ NO_ID }`,
			data: { name: 'probe' },
			expect: MANAGER,
		},
	],
	[ `DELETE ${ MAILBOXES }/(?P<id>\\d+)` ]: [
		{
			method: 'DELETE',
			path: `${ MAILBOXES }/${ NO_ID }`,
			expect: MANAGER,
		},
	],
	[ `POST ${ MAILBOXES }/(?P<id>\\d+)/test` ]: [
		{
			method: 'POST',
			path: `${ MAILBOXES }/${ NO_ID }/test`,
			expect: MANAGER,
		},
	],
	[ `POST ${ MAILBOXES }/test` ]: [
		{
			method: 'POST',
			path: `${ MAILBOXES }/test`,
			data: {},
			expect: MANAGER,
		},
	],
	[ `POST ${ MAILBOXES }/smtp-test` ]: [
		{
			method: 'POST',
			path: `${ MAILBOXES }/smtp-test`,
			data: {},
			expect: MANAGER,
		},
	],
	[ `POST ${ NS }/email/messages/(?P<id>\\d+)/retry` ]: [
		{
			method: 'POST',
			path: `${ NS }/email/messages/${ NO_ID }/retry`,
			expect: AGENT,
		},
	],
	[ `POST ${ MAILBOXES }/(?P<id>\\d+)/check` ]: [
		{
			method: 'POST',
			path: `${ MAILBOXES }/${ NO_ID }/check`,
			expect: MANAGER,
		},
	],
	[ `GET ${ NS }/email/webhooks` ]: [
		{ method: 'GET', path: `${ NS }/email/webhooks`, expect: MANAGER_READ },
	],
	[ `POST|PUT|PATCH ${ NS }/email/webhooks` ]: [
		{
			method: 'PUT',
			path: `${ NS }/email/webhooks`,
			data: {},
			expect: MANAGER,
		},
	],
	[ `GET ${ NS }/email/inbound` ]: [
		{ method: 'GET', path: `${ NS }/email/inbound`, expect: MANAGER_READ },
	],
	[ `POST ${ NS }/email/inbound/(?P<id>\\d+)/retry` ]: [
		{
			method: 'POST',
			path: `${ NS }/email/inbound/${ NO_ID }/retry`,
			expect: MANAGER,
		},
	],
	[ `GET ${ NS }/email/inbound/(?P<id>\\d+)/raw` ]: [
		{
			method: 'GET',
			path: `${ NS }/email/inbound/${ NO_ID }/raw`,
			expect: MANAGER,
		},
	],
	[ `GET ${ NS }/email/messages/(?P<id>\\d+)/original` ]: [
		{
			method: 'GET',
			path: `${ NS }/email/messages/${ NO_ID }/original`,
			expect: AGENT,
		},
	],
	[ `POST ${ NS }/email/inbound/(?P<provider>raw|mailgun|postmark|sendgrid)(?:/mime)?` ]:
		[ 'raw', 'mailgun', 'mailgun/mime', 'postmark', 'sendgrid' ].map(
			( provider ) => ( {
				method: 'POST' as const,
				path: `${ NS }/email/inbound/${ provider }`,
				data: { probe: 1 },
				expect: SIGNED,
			} )
		),
};

test.describe( 'email routes: authorization', () => {
	// The inbound probes expect "unsigned" (401), which needs every provider set up: on a fresh
	// site they would answer "not set up" (403) instead. Fresh credentials for every run.
	test.beforeAll( async ( { api } ) => {
		const secret = () => crypto.randomBytes( 12 ).toString( 'hex' );
		const admin = await api.as( 'admin' );
		const response = await admin.put( api.url( `${ NS }/email/webhooks` ), {
			data: {
				raw_secret: secret(),
				mailgun_key: secret(),
				postmark_user: 'postmark',
				postmark_password: secret(),
				sendgrid_token: secret(),
			},
		} );
		expect( response.status(), await response.text() ).toBe( 200 );
	} );

	test( 'every email route has an entry', async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const index = await admin.get( api.url( NS ) );
		expect( index.status() ).toBe( 200 );
		const routes = ( await index.json() ).routes as Record<
			string,
			{ endpoints: Array< { methods: string[] } > }
		>;
		const keys: string[] = [];
		for ( const [ route, info ] of Object.entries( routes ) ) {
			if ( ! route.startsWith( `${ NS }/email/` ) ) {
				continue;
			}
			for ( const endpoint of info.endpoints ) {
				keys.push( `${ endpoint.methods.join( '|' ) } ${ route }` );
			}
		}
		expect( keys.length ).toBeGreaterThanOrEqual( 15 );
		expect(
			keys.filter( ( key ) => ! MATRIX[ key ] ),
			'email routes without an entry'
		).toEqual( [] );
		expect(
			Object.keys( MATRIX ).filter( ( key ) => ! keys.includes( key ) ),
			'entries for routes that do not exist'
		).toEqual( [] );
	} );

	for ( const [ key, probes ] of Object.entries( MATRIX ) ) {
		test( key, async ( { api } ) => {
			for ( const probe of probes ) {
				for ( const who of WHO ) {
					const context = await api.as( who );
					const response = await context.fetch(
						api.url( probe.path ),
						{
							method: probe.method,
							data: probe.data,
						}
					);
					const status = response.status();
					const text = await response.text();
					const label = `${ who }: ${ probe.method } ${
						probe.path
					} → ${ status } ${ text.slice( 0, 200 ) }`;
					const expected = probe.expect[ who ];
					if ( expected === '2xx' ) {
						expect( status, label ).toBeGreaterThanOrEqual( 200 );
						expect( status, label ).toBeLessThan( 300 );
					} else if ( expected === 'pass' ) {
						expect( [ 401, 403 ], label ).not.toContain( status );
						expect( status, label ).toBeLessThan( 500 );
					} else {
						expect( status, label ).toBe( expected );
					}
					if ( status >= 400 ) {
						const body = JSON.parse( text );
						expect( typeof body.code, label ).toBe( 'string' );
						expect( typeof body.message, label ).toBe( 'string' );
						expect( body.data?.status, label ).toBe( status );
					}
				}
			}
		} );
	}
} );
