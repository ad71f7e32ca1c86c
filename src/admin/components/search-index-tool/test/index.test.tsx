/**
 * Internal dependencies
 */
import { missingArticles } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'missingArticles', () => {
	it( 'counts published articles the index lacks, never below zero', () => {
		const state = ( published: number, indexed: number ) => ( {
			tables: [],
			articles: { published, indexed },
		} );
		expect( missingArticles( state( 12, 9 ) ) ).toBe( 3 );
		expect( missingArticles( state( 12, 12 ) ) ).toBe( 0 );
		// Rows of articles published a moment ago, or not yet cleaned up: not "missing".
		expect( missingArticles( state( 4, 6 ) ) ).toBe( 0 );
	} );
} );
