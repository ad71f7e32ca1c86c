/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import CannedResponsePicker, { filterCannedResponses } from '..';
import type { CannedResponse } from '../../../../shared/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const item = (
	id: number,
	title: string,
	shortcut = '',
	body = ''
): CannedResponse => ( {
	id,
	title,
	shortcut,
	body,
	owner_id: 0,
	shared: true,
	usage_count: 0,
	created_at: '',
	updated_at: '',
} );

describe( 'filterCannedResponses', () => {
	it( 'matches title, shortcut and text, case-insensitively', () => {
		const items = [
			item( 1, 'Where is my order', 'wismo' ),
			item( 2, 'Refund', '', 'money back' ),
		];
		expect( filterCannedResponses( items, '' ) ).toHaveLength( 2 );
		expect(
			filterCannedResponses( items, 'WISMO' ).map( ( i ) => i.id )
		).toEqual( [ 1 ] );
		expect(
			filterCannedResponses( items, 'money' ).map( ( i ) => i.id )
		).toEqual( [ 2 ] );
	} );
} );

describe( 'CannedResponsePicker', () => {
	it( 'opens, lists the canned responses from the server, filters and picks one', async () => {
		( apiFetch as unknown as jest.Mock ).mockImplementation( () =>
			Promise.resolve( [
				item( 1, 'Where is my parcel', 'parcel', 'Tracking: …' ),
				item( 2, 'Refund issued', 'refund', 'We refunded …' ),
			] )
		);
		const onPick = jest.fn();
		render( <CannedResponsePicker onPick={ onPick } /> );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Canned responses' } )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'menuitem', { name: /Refund issued/ } )
			).toBeInTheDocument()
		);
		fireEvent.change(
			screen.getByRole( 'searchbox', {
				name: 'Search canned responses',
			} ),
			{ target: { value: 'parcel' } }
		);
		expect(
			screen.queryByRole( 'menuitem', { name: /Refund issued/ } )
		).toBeNull();
		fireEvent.click(
			screen.getByRole( 'menuitem', { name: /Where is my parcel/ } )
		);
		expect( onPick ).toHaveBeenCalledWith(
			expect.objectContaining( { id: 1 } )
		);
	} );
} );
