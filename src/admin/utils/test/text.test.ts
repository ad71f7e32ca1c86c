/**
 * Internal dependencies
 */
import { mentionAt, textToHtml } from '../text';
import { shortDuration } from '../time';

describe( 'textToHtml', () => {
	it( 'escapes and keeps paragraphs and line breaks', () => {
		expect( textToHtml( 'Hi <b>Ann</b>,\nthanks.\n\nBye & cheers' ) ).toBe(
			'<p>Hi &lt;b&gt;Ann&lt;/b&gt;,<br>thanks.</p><p>Bye &amp; cheers</p>'
		);
	} );
} );

describe( 'mentionAt', () => {
	it( 'finds the @login being typed', () => {
		expect( mentionAt( 'ping @ad', 8 ) ).toEqual( {
			start: 5,
			query: 'ad',
		} );
		expect( mentionAt( 'mail me at a@b', 14 ) ).toBeNull();
		expect( mentionAt( '@', 1 ) ).toEqual( { start: 0, query: '' } );
	} );
} );

describe( 'shortDuration', () => {
	it( 'is compact', () => {
		const now = new Date( '2026-11-23T12:00:00Z' );
		expect( shortDuration( new Date( '2026-11-23T11:59:30Z' ), now ) ).toBe(
			'now'
		);
		expect( shortDuration( new Date( '2026-11-23T11:55:00Z' ), now ) ).toBe(
			'5 min'
		);
		expect( shortDuration( new Date( '2026-11-23T09:00:00Z' ), now ) ).toBe(
			'3 h'
		);
		expect( shortDuration( new Date( '2026-11-20T12:00:00Z' ), now ) ).toBe(
			'3 d'
		);
	} );
} );
