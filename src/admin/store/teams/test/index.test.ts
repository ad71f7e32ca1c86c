/**
 * Internal dependencies
 */
import { DEFAULT_STATE, plainActions, reducer, selectors } from '..';
import type { Team } from '../../../../shared/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

function team( id: number, name: string, memberIds: number[] = [] ): Team {
	return {
		id,
		name,
		description: '',
		member_ids: memberIds,
		members: [],
		created_at: '2026-11-23T07:30:00Z',
		updated_at: '2026-11-23T07:30:00Z',
	};
}

describe( 'teams reducer', () => {
	it( 'keeps the teams sorted by name through add, rename and delete', () => {
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTeams( [
				team( 1, 'Shipping' ),
				team( 2, 'Billing' ),
			] )
		);
		expect( selectors.getTeams( state )?.map( ( t ) => t.name ) ).toEqual( [
			'Billing',
			'Shipping',
		] );

		state = reducer(
			state,
			plainActions.upsertTeam( team( 3, 'Returns' ) )
		);
		state = reducer(
			state,
			plainActions.upsertTeam( team( 1, 'Carriers', [ 4 ] ) )
		);
		expect(
			selectors.getTeams( state )?.map( ( t ) => [ t.id, t.name ] )
		).toEqual( [
			[ 2, 'Billing' ],
			[ 1, 'Carriers' ],
			[ 3, 'Returns' ],
		] );
		expect( selectors.getTeams( state )?.[ 1 ].member_ids ).toEqual( [
			4,
		] );

		state = reducer( state, plainActions.removeTeam( 2 ) );
		expect( selectors.getTeams( state )?.map( ( t ) => t.id ) ).toEqual( [
			1, 3,
		] );
	} );

	it( 'keeps the list when a refresh fails, and clears the error on success', () => {
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTeams( [ team( 1, 'Billing' ) ] )
		);
		state = reducer(
			state,
			plainActions.receiveTeamsError( {
				code: 'switchboard_forbidden',
				message: 'No',
			} )
		);
		expect( selectors.getTeams( state ) ).toHaveLength( 1 );
		expect( selectors.getTeamsError( state )?.code ).toBe(
			'switchboard_forbidden'
		);
		state = reducer( state, plainActions.receiveTeams( [] ) );
		expect( selectors.getTeamsError( state ) ).toBeNull();
	} );
} );
