/**
 * External dependencies
 */
import { act, renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { buildSearch, navigate, parseRoute, useRoute } from '..';
import { ticketQueryFor } from '../../views';

describe( 'router', () => {
	beforeEach( () =>
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=switchboard'
		)
	);

	it( 'parses views, tickets and screens', () => {
		expect( parseRoute( '?page=switchboard' ) ).toMatchObject( {
			screen: 'inbox',
			view: 'mine',
			ticket: null,
		} );
		expect(
			parseRoute( '?page=switchboard&view=unassigned&ticket=123' )
		).toMatchObject( {
			screen: 'ticket',
			view: 'unassigned',
			ticket: 123,
		} );
		expect(
			parseRoute( '?page=switchboard&screen=settings&tab=tags' )
		).toMatchObject( {
			screen: 'settings',
			params: { screen: 'settings', tab: 'tags' },
		} );
		expect(
			parseRoute( '?page=switchboard&ticket=abc' ).ticket
		).toBeNull();
	} );

	it( 'builds linkable URLs that keep the admin page', () => {
		expect( buildSearch( { view: 'mine', ticket: '123' } ) ).toBe(
			'?page=switchboard&view=mine&ticket=123'
		);
		expect( buildSearch( { s: '' } ) ).toBe( '?page=switchboard' );
	} );

	it( 'pushes history entries, and back/forward re-render subscribers', () => {
		const { result } = renderHook( () => useRoute() );
		expect( result.current.screen ).toBe( 'inbox' );

		act( () => navigate( { view: 'all', ticket: '7' } ) );
		expect( window.location.search ).toBe(
			'?page=switchboard&view=all&ticket=7'
		);
		expect( result.current ).toMatchObject( {
			screen: 'ticket',
			ticket: 7,
			view: 'all',
		} );

		act( () => navigate( { ticket: undefined }, { merge: true } ) );
		expect( result.current ).toMatchObject( {
			screen: 'inbox',
			view: 'all',
		} );

		act( () => {
			window.history.replaceState(
				null,
				'',
				'/wp-admin/admin.php?page=switchboard&view=pending'
			);
			window.dispatchEvent( new PopStateEvent( 'popstate' ) );
		} );
		expect( result.current.view ).toBe( 'pending' );
	} );
} );

describe( 'ticketQueryFor', () => {
	it( 'passes the team filter from the URL', () => {
		const route = parseRoute( '?page=switchboard&view=all&team=7' );
		expect( route.params.team ).toBe( '7' );
		expect( ticketQueryFor( route.view, route.params ) ).toMatchObject( {
			team: '7',
			status: 'new,open,pending,on-hold',
		} );
		expect( ticketQueryFor( 'all', {} ) ).not.toHaveProperty( 'team' );
		expect( buildSearch( { view: 'all', team: 'mine' } ) ).toBe(
			'?page=switchboard&view=all&team=mine'
		);
	} );

	it( 'starts from the view and lets URL filters override it', () => {
		expect( ticketQueryFor( 'mine', {} ) ).toMatchObject( {
			assignee: 'me',
			status: 'new,open,pending,on-hold',
			orderby: 'last_message_at',
			order: 'desc',
			page: 1,
		} );
		expect(
			ticketQueryFor( 'channel:email', {
				status: 'solved',
				s: '#12',
				paged: '3',
				after: '2026-11-01',
			} )
		).toMatchObject( {
			channel: 'email',
			status: 'solved',
			search: '#12',
			page: 3,
			after: '2026-11-01T00:00:00Z',
		} );
	} );
} );
