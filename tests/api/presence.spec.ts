/**
 * /switchboard/v1/tickets/<id>/presence: collision detection between agents.
 */

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

const NS = '/switchboard/v1';

test.describe( 'ticket presence', () => {
	let ticket = 0;

	test.beforeAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const response = await admin.post( api.url( `${ NS }/tickets` ), {
			data: {
				subject: `Presence test ${ Date.now() }`,
				customer: {
					name: 'Pat Present',
					email: `pat-${ Date.now() }@example.com`,
				},
				message: { body: '<p>Hello?</p>' },
			},
		} );
		const body = await response.json();
		expect( response.status(), JSON.stringify( body ) ).toBe( 201 );
		ticket = body.id;
	} );

	test( 'agents see each other viewing and replying, and leaving', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const admin = await api.as( 'admin' );
		const route = api.url( `${ NS }/tickets/${ ticket }/presence` );

		const alone = await agent.post( route, { data: { state: 'viewing' } } );
		expect( alone.status() ).toBe( 200 );
		expect( await alone.json() ).toEqual( [] );

		const seen = await (
			await admin.post( route, { data: { state: 'viewing' } } )
		).json();
		expect( seen ).toEqual( [
			expect.objectContaining( {
				name: 'Agnes Agent',
				state: 'viewing',
				seen_at: expect.stringMatching( /Z$/ ),
			} ),
		] );

		await agent.post( route, { data: { state: 'replying' } } );
		const replying = await ( await admin.get( route ) ).json();
		expect( replying ).toEqual( [
			expect.objectContaining( {
				name: 'Agnes Agent',
				state: 'replying',
			} ),
		] );

		// The agent sees the admin, not herself.
		const forAgent = await ( await agent.get( route ) ).json();
		expect(
			forAgent.map( ( e: { name: string } ) => e.name )
		).not.toContain( 'Agnes Agent' );
		expect( forAgent ).toHaveLength( 1 );

		expect( ( await agent.delete( route ) ).status() ).toBe( 200 );
		expect( await ( await admin.get( route ) ).json() ).toEqual( [] );
		await admin.delete( route );
	} );

	test( 'validates the state and the ticket', async ( { api } ) => {
		const agent = await api.as( 'agent' );
		await expectRestError(
			await agent.post(
				api.url( `${ NS }/tickets/${ ticket }/presence` ),
				{ data: { state: 'typing-loudly' } }
			),
			400,
			'rest_invalid_param'
		);
		await expectRestError(
			await agent.post(
				api.url( `${ NS }/tickets/2147483000/presence` ),
				{ data: { state: 'viewing' } }
			),
			404,
			'switchboard_ticket_not_found'
		);
	} );

	test( 'customers and guests are refused', async ( { api } ) => {
		const route = api.url( `${ NS }/tickets/${ ticket }/presence` );
		await expectRestError(
			await (
				await api.as( 'alice' )
			).post( route, { data: { state: 'viewing' } } ),
			403
		);
		await expectRestError(
			await ( await api.as( 'guest' ) ).get( route ),
			401
		);
	} );
} );
