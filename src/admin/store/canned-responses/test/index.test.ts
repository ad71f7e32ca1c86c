/**
 * Internal dependencies
 */
import { DEFAULT_STATE, plainActions, reducer, selectors } from '..';
import type { CannedResponse } from '../../../../shared/types';

function canned( id: number, title: string ): CannedResponse {
	return {
		id,
		title,
		body: 'Hi {customer.first_name}',
		shortcut: '',
		owner_id: 0,
		shared: true,
		usage_count: 0,
		created_at: '2026-11-23T07:30:00Z',
		updated_at: '2026-11-23T07:30:00Z',
	};
}

describe( 'canned responses reducer', () => {
	it( 'keeps the list sorted by title through add, edit and delete', () => {
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveCannedResponses( [
				canned( 1, 'Shipping' ),
				canned( 2, 'Apology' ),
			] )
		);
		expect(
			selectors.getCannedResponses( state )?.map( ( c ) => c.title )
		).toEqual( [ 'Apology', 'Shipping' ] );

		state = reducer(
			state,
			plainActions.upsertCannedResponse( canned( 3, 'Refund' ) )
		);
		state = reducer(
			state,
			plainActions.upsertCannedResponse(
				canned( 1, 'Where is my order' )
			)
		);
		expect(
			selectors.getCannedResponses( state )?.map( ( c ) => c.title )
		).toEqual( [ 'Apology', 'Refund', 'Where is my order' ] );

		state = reducer( state, plainActions.removeCannedResponse( 2 ) );
		expect(
			selectors.getCannedResponses( state )?.map( ( c ) => c.id )
		).toEqual( [ 3, 1 ] );
	} );
} );
