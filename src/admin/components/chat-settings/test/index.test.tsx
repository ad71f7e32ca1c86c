/**
 * Internal dependencies
 */
import { parsePageIds } from '..';

describe( 'parsePageIds', () => {
	it( 'reads comma- or space-separated positive ids', () => {
		expect( parsePageIds( '12, 34 56,,7' ) ).toEqual( [ 12, 34, 56, 7 ] );
		expect( parsePageIds( '' ) ).toEqual( [] );
		expect( parsePageIds( 'abc, -3, 4.5, 0, 9' ) ).toEqual( [ 9 ] );
	} );
} );
