/**
 * GET /switchboard/v1/overview as each kind of user.
 */

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

const ROUTE = '/switchboard/v1/overview';

test.describe( 'GET /switchboard/v1/overview', () => {
	test( 'admin gets the overview', async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const response = await admin.get( api.url( ROUTE ) );
		const body = await response.json();

		expect( response.status(), JSON.stringify( body ) ).toBe( 200 );
		expect( body ).toEqual(
			expect.objectContaining( {
				plugin_version: expect.stringMatching( /^\d+\.\d+\.\d+/ ),
				woocommerce_active: expect.any( Boolean ),
				user: expect.objectContaining( {
					id: expect.any( Number ),
					display_name: expect.any( String ),
				} ),
			} )
		);
	} );

	test( 'agent gets the overview with their own name', async ( { api } ) => {
		const agent = await api.as( 'agent' );
		const response = await agent.get( api.url( ROUTE ) );
		const body = await response.json();

		expect( response.status(), JSON.stringify( body ) ).toBe( 200 );
		expect( body.user.display_name ).toBe( 'Agnes Agent' );
	} );

	test( 'says whether WooCommerce is active', async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const body = await ( await admin.get( api.url( ROUTE ) ) ).json();

		expect( body.woocommerce_active ).toBe( await api.wooCommerceActive() );
	} );

	test( 'a customer is forbidden', async ( { api } ) => {
		const alice = await api.as( 'alice' );
		const response = await alice.get( api.url( ROUTE ) );

		const error = await expectRestError( response, 403 );
		expect( error.code ).toMatch( /forbidden/ );
	} );

	test( 'a guest must log in', async ( { api } ) => {
		const guest = await api.as( 'guest' );
		const response = await guest.get( api.url( ROUTE ) );

		await expectRestError( response, 401 );
	} );

	test( 'a bad nonce is rejected, not treated as a guest', async ( {
		api,
	} ) => {
		const bob = await api.as( 'bob' );
		const response = await bob.get( api.url( ROUTE ), {
			headers: { 'X-WP-Nonce': 'not-a-nonce' },
		} );

		await expectRestError( response, 403, 'rest_cookie_invalid_nonce' );
	} );
} );
