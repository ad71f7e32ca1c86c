/**
 * The last line of defence for foreign HTML in wp-admin.
 *
 * The REST API already sends message HTML cleaned with an allow-list (Tickets\Html::sanitize()
 * after every rewrite). This pass runs in the browser on an inert document (DOMParser never runs
 * scripts or loads images) and:
 *  - drops anything that can run script or overlay the screen, should it ever get through
 *    (script/style/iframe/object/embed/form…, on* handlers, style/class, javascript:/data: URLs);
 *  - blocks remote images (tracking pixels) until the agent asks for them: their address moves to
 *    data-switchboard-src and the caller learns how many were held back. Images served by this
 *    site (attachments, inline cid: images) always show.
 */

const DROP_ELEMENTS =
	'script,style,link,meta,base,iframe,frame,frameset,object,embed,applet,form,input,button,textarea,select,option,svg,math,template,noscript,video,audio,source,track,portal';

const URL_ATTRIBUTES = [ 'href', 'src', 'action', 'formaction', 'xlink:href' ];

export interface SafeHtml {
	html: string;
	/** Remote images held back (0 when `showImages` is true). */
	blocked: number;
}

function isDangerousUrl( value: string ): boolean {
	// Browsers ignore control characters and whitespace inside the scheme.
	// eslint-disable-next-line no-control-regex
	const compact = value
		.replace( /[\u0000-\u0020\u007f]+/g, '' )
		.toLowerCase();
	return /^(javascript|vbscript|data|file|blob):/.test( compact );
}

function isOwnUrl( value: string, origin: string ): boolean {
	try {
		return new URL( value, origin ).origin === origin;
	} catch {
		return false;
	}
}

/**
 * Cleans a message body for rendering.
 *
 * @param html       HTML from the REST API.
 * @param showImages Whether remote images may load.
 * @param origin     This site's origin (images from it always load).
 */
export function safeMessageHtml(
	html: string,
	showImages: boolean,
	origin: string = window.location.origin
): SafeHtml {
	if ( ! html ) {
		return { html: '', blocked: 0 };
	}
	const doc = new window.DOMParser().parseFromString(
		`<!DOCTYPE html><html><body>${ html }</body></html>`,
		'text/html'
	);
	doc.body
		.querySelectorAll( DROP_ELEMENTS )
		.forEach( ( node ) => node.remove() );

	let blocked = 0;
	doc.body.querySelectorAll( '*' ).forEach( ( element ) => {
		for ( const attribute of Array.from( element.attributes ) ) {
			const name = attribute.name.toLowerCase();
			if (
				name.startsWith( 'on' ) ||
				name === 'style' ||
				name === 'class' ||
				name === 'id' ||
				name === 'srcset' ||
				name === 'srcdoc' ||
				name === 'background' ||
				( URL_ATTRIBUTES.includes( name ) &&
					isDangerousUrl( attribute.value ) )
			) {
				element.removeAttribute( attribute.name );
			}
		}
		if ( element.tagName === 'IMG' ) {
			const src = element.getAttribute( 'src' ) ?? '';
			if ( src && ! isOwnUrl( src, origin ) && ! showImages ) {
				element.setAttribute( 'data-switchboard-src', src );
				element.removeAttribute( 'src' );
				blocked++;
			}
		}
		if ( element.tagName === 'A' ) {
			element.setAttribute( 'target', '_blank' );
			element.setAttribute( 'rel', 'noopener noreferrer nofollow' );
		}
	} );
	return { html: doc.body.innerHTML, blocked };
}
