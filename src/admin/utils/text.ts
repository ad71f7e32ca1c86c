/**
 * Plain text from the composer → the HTML body the REST API expects.
 */

export function escapeHtml( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' );
}

/**
 * Paragraphs on blank lines, <br> on single newlines, everything escaped.
 *
 * @param text What the agent typed.
 */
export function textToHtml( text: string ): string {
	return text
		.trim()
		.split( /\n{2,}/ )
		.map(
			( paragraph ) =>
				`<p>${ escapeHtml( paragraph ).replace( /\n/g, '<br>' ) }</p>`
		)
		.join( '' );
}

/**
 * HTML from the server (a rendered canned response) → text for the composer.
 *
 * @param html HTML.
 */
export function htmlToText( html: string ): string {
	const doc = new window.DOMParser().parseFromString(
		html
			.replace( /<br\s*\/?>/gi, '\n' )
			.replace( /<\/p>\s*<p[^>]*>/gi, '\n\n' ),
		'text/html'
	);
	return ( doc.body.textContent ?? '' ).trim();
}

/**
 * The `@login` being typed at the caret, if any.
 *
 * @param text  Text.
 * @param caret Caret position.
 */
export function mentionAt(
	text: string,
	caret: number
): { start: number; query: string } | null {
	const before = text.slice( 0, caret );
	const match = before.match( /(^|\s)@([\w.-]*)$/ );
	if ( ! match ) {
		return null;
	}
	return { start: caret - match[ 2 ].length - 1, query: match[ 2 ] };
}

export function formatBytes( bytes: number ): string {
	if ( bytes < 1024 ) {
		return `${ bytes } B`;
	}
	if ( bytes < 1024 * 1024 ) {
		return `${ Math.round( bytes / 1024 ) } KB`;
	}
	return `${ ( bytes / 1024 / 1024 ).toFixed( 1 ) } MB`;
}
