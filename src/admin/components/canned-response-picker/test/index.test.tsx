/**
 * Internal dependencies
 */
import { filterCannedResponses } from '..';
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
