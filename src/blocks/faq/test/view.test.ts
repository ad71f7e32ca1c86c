/**
 * Internal dependencies
 */
import { filterItems } from '../view';
import { fold } from '../../shared/rest';

function item( text: string ): HTMLElement {
	const details = document.createElement( 'details' );
	details.textContent = text;
	return details;
}

describe( 'FAQ filter', () => {
	it( 'keeps items containing every word, folded like the server', () => {
		const items = [
			item( 'Do you ship abroad? Yes.' ),
			item( '返品ポリシー 30日以内' ),
			item( 'ｻｲｽﾞ交換' ),
		];
		expect( filterItems( items, 'SHIP abroad' ) ).toBe( 1 );
		expect( items.map( ( i ) => i.hidden ) ).toEqual( [
			false,
			true,
			true,
		] );
		expect( filterItems( items, '返品' ) ).toBe( 1 );
		expect( filterItems( items, 'サイズ' ) ).toBe( 1 );
		expect( filterItems( items, '' ) ).toBe( 3 );
	} );

	it( 'folds full-width text', () => {
		expect( fold( 'ＡＢＣ' ) ).toBe( 'abc' );
	} );
} );
