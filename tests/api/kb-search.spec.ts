/**
 * Knowledge base over REST, black-box: search (English and Japanese), internal articles, votes,
 * missing-article log, deflection records.
 */

/**
 * External dependencies
 */
import { request, type APIRequestContext } from '@playwright/test';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError, type Api } from './fixtures';

/**
 * A context with no cookies at all. (The fixtures' `guest` context inherits the project's
 * storageState — the admin's cookies — for page requests; REST ignores cookies without a nonce,
 * pages do not.)
 */
function anonymous(): Promise< APIRequestContext > {
	return request.newContext( {
		baseURL: process.env.WP_BASE_URL || 'http://localhost:8889',
		storageState: { cookies: [], origins: [] },
	} );
}

const RUN = Date.now().toString( 36 );
const created: number[] = [];
let categoryId = 0;
let returnsId = 0;
let shippingId = 0;
let internalId = 0;

async function createArticle(
	api: Api,
	data: Record< string, unknown >
): Promise< number > {
	const admin = await api.as( 'admin' );
	const response = await admin.post(
		api.url( '/wp/v2/switchboard-articles' ),
		{ data: { status: 'publish', ...data } }
	);
	const body = await response.json();
	expect( response.status(), JSON.stringify( body ) ).toBe( 201 );
	created.push( body.id );
	return body.id;
}

test.describe( 'knowledge base REST', () => {
	test.beforeAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const category = await admin.post(
			api.url( '/wp/v2/switchboard-kb-categories' ),
			{
				data: {
					name: `API shipping ${ RUN }`,
					slug: `api-shipping-${ RUN }`,
				},
			}
		);
		categoryId = ( await category.json() ).id;
		returnsId = await createArticle( api, {
			title: `返品ポリシー ${ RUN }`,
			content: '<p>商品到着後30日以内であれば返品できます。</p>',
		} );
		shippingId = await createArticle( api, {
			title: `Shipping to Japan ${ RUN }`,
			content: '<p>Parcels to Japan take 7 days.</p>',
			excerpt: 'Seven days by air mail.',
			'switchboard-kb-categories': [ categoryId ],
		} );
		internalId = await createArticle( api, {
			title: `Refund override ${ RUN }`,
			content: '<p>Agents may refund above the limit.</p>',
			meta: { _switchboard_internal: true },
		} );
	} );

	test.afterAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		for ( const id of created ) {
			await admin.delete(
				api.url( `/wp/v2/switchboard-articles/${ id }`, {
					force: 'true',
				} )
			);
		}
		if ( categoryId ) {
			await admin.delete(
				api.url( `/wp/v2/switchboard-kb-categories/${ categoryId }`, {
					force: 'true',
				} )
			);
		}
	} );

	test( 'a guest finds 返品ポリシー by searching 返品', async ( { api } ) => {
		const guest = await api.as( 'guest' );
		const response = await guest.get(
			api.url( '/switchboard/v1/kb/search', { q: '返品' } )
		);
		const body = await response.json();
		expect( response.status(), JSON.stringify( body ) ).toBe( 200 );
		expect( body.map( ( r: { id: number } ) => r.id ) ).toContain(
			returnsId
		);
		const hit = body.find( ( r: { id: number } ) => r.id === returnsId );
		expect( hit.title ).toBe( `返品ポリシー ${ RUN }` );
		expect( hit.url ).toMatch( /^http/ );
		expect( response.headers()[ 'x-wp-total' ] ).toBe(
			String( body.length )
		);
	} );

	test( 'English search, with category filter', async ( { api } ) => {
		const guest = await api.as( 'guest' );
		const response = await guest.get(
			api.url( '/switchboard/v1/kb/search', {
				q: `japan ${ RUN }`,
				category: `api-shipping-${ RUN }`,
			} )
		);
		const body = await response.json();
		expect( body.map( ( r: { id: number } ) => r.id ) ).toEqual( [
			shippingId,
		] );
		expect( body[ 0 ].excerpt ).toBe( 'Seven days by air mail.' );
		expect( body[ 0 ].categories[ 0 ].slug ).toBe(
			`api-shipping-${ RUN }`
		);
	} );

	test( 'internal articles: agents only', async ( { api } ) => {
		const query = { q: `refund ${ RUN }` };
		for ( const who of [ 'guest', 'alice' ] as const ) {
			const context = await api.as( who );
			const body = await (
				await context.get(
					api.url( '/switchboard/v1/kb/search', query )
				)
			).json();
			expect( body.map( ( r: { id: number } ) => r.id ) ).not.toContain(
				internalId
			);
			const single = await context.get(
				api.url( `/wp/v2/switchboard-articles/${ internalId }` )
			);
			expect( single.status() ).toBe( 404 );
		}
		const agent = await api.as( 'agent' );
		const body = await (
			await agent.get( api.url( '/switchboard/v1/kb/search', query ) )
		).json();
		const hit = body.find( ( r: { id: number } ) => r.id === internalId );
		expect( hit?.internal ).toBe( true );
	} );

	test( 'internal article page is a 404 for guests', async ( { api } ) => {
		const guest = await anonymous();
		const response = await guest.get(
			`/?post_type=switchboard_article&p=${ internalId }`
		);
		expect( response.status() ).toBe( 404 );
		expect( await response.text() ).not.toContain( 'Agents may refund' );
		await guest.dispose();
		void api;
	} );

	test( 'helpful votes: one per visitor, can change', async ( { api } ) => {
		const bob = await api.as( 'bob' );
		const route = `/switchboard/v1/kb/articles/${ shippingId }/vote`;
		const first = await bob.post( api.url( route ), {
			data: { value: 'up' },
		} );
		expect( first.status() ).toBe( 201 );
		expect( await first.json() ).toEqual(
			expect.objectContaining( { value: 'up', up: 1, down: 0 } )
		);
		const again = await bob.post( api.url( route ), {
			data: { value: 'up' },
		} );
		expect( again.status() ).toBe( 200 );
		expect( ( await again.json() ).up ).toBe( 1 );
		const changed = await bob.post( api.url( route ), {
			data: { value: 'down' },
		} );
		expect( await changed.json() ).toEqual(
			expect.objectContaining( { up: 0, down: 1 } )
		);
		await expectRestError(
			await bob.post(
				api.url( `/switchboard/v1/kb/articles/${ internalId }/vote` ),
				{ data: { value: 'up' } }
			),
			404,
			'switchboard_kb_article_not_found'
		);
	} );

	test( 'searches without results become missing articles for agents', async ( {
		api,
	} ) => {
		const query = `zzqx nothing ${ RUN }`;
		const guest = await api.as( 'guest' );
		await guest.get( api.url( '/switchboard/v1/kb/search', { q: query } ) );

		await expectRestError(
			await guest.get( api.url( '/switchboard/v1/kb/missing' ) ),
			401
		);
		await expectRestError(
			await (
				await api.as( 'alice' )
			).get( api.url( '/switchboard/v1/kb/missing' ) ),
			403,
			'switchboard_forbidden'
		);
		const agent = await api.as( 'agent' );
		const response = await agent.get(
			api.url( '/switchboard/v1/kb/missing', {
				orderby: 'last',
				per_page: 50,
			} )
		);
		expect( response.status() ).toBe( 200 );
		const rows = await response.json();
		const row = rows.find( ( r: { query: string } ) => r.query === query );
		expect( row ).toEqual( expect.objectContaining( { hits: 1, query } ) );
		await agent.delete(
			api.url( `/switchboard/v1/kb/missing/${ row.id }` )
		);
	} );

	test( 'opened suggestions are recorded as deflections', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		const session = Array.from( { length: 32 }, () =>
			Math.floor( Math.random() * 16 ).toString( 16 )
		).join( '' );
		const response = await guest.post(
			api.url( '/switchboard/v1/kb/deflections' ),
			{
				data: {
					session,
					article_id: shippingId,
					query: 'shipping japan',
					source: 'contact',
				},
			}
		);
		expect( response.status() ).toBe( 201 );
		const agent = await api.as( 'agent' );
		const summary = await (
			await agent.get(
				api.url( '/switchboard/v1/kb/deflections/summary', { days: 1 } )
			)
		).json();
		expect( summary.deflected ).toBeGreaterThanOrEqual( 1 );
	} );
} );
