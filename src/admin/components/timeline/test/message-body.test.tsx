/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import MessageBody from '../message-body';
import { safeMessageHtml } from '../safe-html';

const ORIGIN = 'http://localhost';

describe( 'safeMessageHtml', () => {
	it( 'drops script, handlers, styles, classes and script URLs', () => {
		const { html } = safeMessageHtml(
			'<p class="notice" style="position:fixed;inset:0" onclick="x()">Hi</p>' +
				'<script>alert(1)</script><style>body{display:none}</style>' +
				'<a href=" java\tscript:alert(1)">a</a><a href="data:text/html,x">b</a>' +
				'<svg onload="alert(1)"></svg><iframe src="https://evil"></iframe>' +
				'<img src="x" onerror="alert(1)">',
			true,
			ORIGIN
		);
		expect( html ).not.toMatch(
			/script|onclick|onerror|onload|style|class|iframe|svg|data:/i
		);
		expect( html ).toContain( 'Hi' );
		expect( html ).toContain( 'rel="noopener noreferrer nofollow"' );
	} );

	it( 'holds remote images back and keeps this site’s images', () => {
		const source =
			'<img src="https://tracker.example/p.gif" alt="pixel">' +
			'<img src="http://localhost/wp-json/switchboard/v1/attachments/3/download" alt="own">';
		const blocked = safeMessageHtml( source, false, ORIGIN );
		expect( blocked.blocked ).toBe( 1 );
		expect( blocked.html ).not.toContain( ' src="https://tracker.example' );
		expect( blocked.html ).toContain(
			'data-switchboard-src="https://tracker.example/p.gif"'
		);
		expect( blocked.html ).toContain(
			'src="http://localhost/wp-json/switchboard/v1/attachments/3/download"'
		);

		const shown = safeMessageHtml( source, true, ORIGIN );
		expect( shown.blocked ).toBe( 0 );
		expect( shown.html ).toContain(
			' src="https://tracker.example/p.gif"'
		);
		expect( shown.html ).not.toContain( 'data-switchboard-src' );
	} );
} );

describe( 'MessageBody', () => {
	it( 'renders text as text, never as HTML', () => {
		const { container } = render(
			<MessageBody
				message={ {
					body_html: '',
					body_text: '<img src=x onerror="window.__pwned=1">',
				} }
			/>
		);
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( container.textContent ).toContain( '<img src=x onerror=' );
	} );

	it( 'shows remote images only after “Show images”', () => {
		const { container } = render(
			<MessageBody
				message={ {
					body_html:
						'<p>Look</p><img src="https://cdn.example/photo.jpg" alt="photo">',
					body_text: 'Look',
				} }
			/>
		);
		const image = container.querySelector( 'img' );
		expect( image?.getAttribute( 'src' ) ).toBeNull();
		expect(
			screen.getByText( /1 remote image was blocked/ )
		).toBeInTheDocument();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Show images' } )
		);
		expect( container.querySelector( 'img' )?.getAttribute( 'src' ) ).toBe(
			'https://cdn.example/photo.jpg'
		);
		expect( screen.queryByText( /remote image/ ) ).toBeNull();
	} );
} );
