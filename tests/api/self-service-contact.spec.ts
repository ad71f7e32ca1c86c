/**
 * Contact form over REST as a guest (field errors, then success), and bob refused alice's
 * tickets through the customer routes the screens use.
 */

/**
 * External dependencies
 */
import { request, type APIRequestContext } from '@playwright/test';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

let pageId = 0;
let pageUrl = '';

function anonymous(): Promise< APIRequestContext > {
	return request.newContext( {
		baseURL: process.env.WP_BASE_URL || 'http://localhost:8889',
		storageState: { cookies: [], origins: [] },
	} );
}

async function formFields(
	guest: APIRequestContext
): Promise< Record< string, string > > {
	const html = await ( await guest.get( pageUrl ) ).text();
	const value = ( name: string ) =>
		html.match( new RegExp( `name="${ name }" value="([^"]*)"` ) )?.[ 1 ] ??
		'';
	return {
		sb_nonce: value( 'sb_nonce' ),
		ts: value( 'ts' ),
		session: value( 'session' ),
		page: pageUrl,
		website: '',
	};
}

test.describe( 'contact form (guest)', () => {
	test.beforeAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const response = await admin.post( api.url( '/wp/v2/pages' ), {
			data: {
				status: 'publish',
				title: 'Contact API test',
				content: '<!-- wp:switchboard/contact /-->',
			},
		} );
		const body = await response.json();
		pageId = body.id;
		pageUrl = body.link;
	} );

	test.afterAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		await admin.delete(
			api.url( `/wp/v2/pages/${ pageId }`, { force: 'true' } )
		);
	} );

	test( 'field errors, then success', async ( { api } ) => {
		const guest = await anonymous();
		const fields = await formFields( guest );
		expect( fields.sb_nonce ).toMatch( /^[0-9a-f]{10}$/ );
		await new Promise( ( resolve ) => setTimeout( resolve, 2100 ) );

		const invalid = await guest.post(
			api.url( '/switchboard/v1/contact' ),
			{
				multipart: {
					...fields,
					name: '',
					email: 'not-an-email',
					subject: '',
					message: 'x',
				},
			}
		);
		const error = await expectRestError(
			invalid,
			422,
			'switchboard_contact_invalid'
		);
		expect(
			Object.keys(
				( error.data as unknown as { fields: object } ).fields
			)
		).toEqual( [ 'name', 'email', 'subject', 'message' ] );

		const ok = await guest.post( api.url( '/switchboard/v1/contact' ), {
			multipart: {
				...fields,
				name: 'Gina Guest',
				email: `gina.${ Date.now() }@example.test`,
				subject: 'Parcel not arrived',
				message: 'My parcel has not arrived yet, can you check?',
				attachments: {
					name: 'note.txt',
					mimeType: 'text/plain',
					buffer: Buffer.from( 'tracking 123' ),
				},
			},
		} );
		const body = await ok.json();
		expect( ok.status(), JSON.stringify( body ) ).toBe( 201 );
		expect( body.ticket_id ).toBeGreaterThan( 0 );

		const agent = await api.as( 'agent' );
		const ticket = await (
			await agent.get(
				api.url( `/switchboard/v1/tickets/${ body.ticket_id }` )
			)
		).json();
		expect( ticket.subject ).toBe( 'Parcel not arrived' );
		expect( ticket.channel ).toBe( 'web' );
		await guest.dispose();
	} );

	test( 'bad nonce is refused', async ( { api } ) => {
		const guest = await anonymous();
		await expectRestError(
			await guest.post( api.url( '/switchboard/v1/contact' ), {
				multipart: { sb_nonce: 'deadbeef00', name: 'x' },
			} ),
			403,
			'switchboard_contact_expired'
		);
		await guest.dispose();
	} );
} );

test.describe( 'bob and alice', () => {
	test( "bob cannot read or answer alice's ticket", async ( { api } ) => {
		const alice = await api.as( 'alice' );
		const created = await alice.post(
			api.url( '/switchboard/v1/me/tickets' ),
			{
				data: {
					subject: 'Alice private question',
					body: 'Only for me',
				},
			}
		);
		const ticket = await created.json();
		expect( created.status(), JSON.stringify( ticket ) ).toBe( 201 );

		const bob = await api.as( 'bob' );
		await expectRestError(
			await bob.get(
				api.url( `/switchboard/v1/me/tickets/${ ticket.id }` )
			),
			404
		);
		await expectRestError(
			await bob.post(
				api.url( `/switchboard/v1/me/tickets/${ ticket.id }/messages` ),
				{ data: { body: 'bob was here' } }
			),
			404
		);
		const list = await (
			await bob.get( api.url( '/switchboard/v1/me/tickets' ) )
		).json();
		expect( list.map( ( t: { id: number } ) => t.id ) ).not.toContain(
			ticket.id
		);
	} );
} );
