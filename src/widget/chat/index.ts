/**
 * The storefront chat launcher: a button and an unread badge, nothing else. The chat panel
 * (./panel) loads on first click, or when the browser is idle and a conversation is under way
 * (so replies that arrived while the visitor browsed show up as unread).
 */

/**
 * Internal dependencies
 */
import { load } from './storage';
import type { ChatConfig } from './types';

declare global {
	interface Window {
		switchboardChat?: ChatConfig;
	}
}

type PanelModule = typeof import('./panel');

function boot( config: ChatConfig ): void {
	const button = document.createElement( 'button' );
	button.type = 'button';
	button.className = 'switchboard-chat__launcher';
	button.setAttribute( 'aria-label', config.strings.open );
	button.setAttribute( 'aria-expanded', 'false' );
	button.style.cssText = `position:fixed;bottom:20px;${
		config.position === 'left' ? 'left' : 'right'
	}:20px;z-index:99999;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;box-shadow:0 2px 12px rgba(0,0,0,.25);color:#fff;background:${
		config.color
	}`;
	button.innerHTML =
		'<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

	const badge = document.createElement( 'span' );
	badge.className = 'switchboard-chat__badge';
	badge.style.cssText =
		'position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#d63638;color:#fff;font:600 12px/20px sans-serif;padding:0 5px;display:none';
	button.appendChild( badge );
	document.body.appendChild( button );

	const showBadge = ( unread: number ) => {
		badge.textContent = unread > 9 ? '9+' : String( unread );
		badge.style.display = unread > 0 ? 'block' : 'none';
		badge.setAttribute(
			'aria-label',
			`${ unread } ${ config.strings.unread }`
		);
	};
	const saved = load();
	showBadge( saved?.unread ?? 0 );

	let panel: Promise< PanelModule > | null = null;
	const loadPanel = () => {
		panel ??= import( /* webpackChunkName: "chat-panel" */ './panel' ).then(
			( module ) => {
				module.mount( config, button, showBadge );
				return module;
			}
		);
		return panel;
	};

	button.addEventListener( 'click', () => {
		loadPanel().then( ( module ) => module.toggle() );
	} );

	// A conversation under way: resume polling once the page is idle.
	if ( saved ) {
		const idle =
			window.requestIdleCallback ||
			( ( cb: () => void ) => window.setTimeout( cb, 1500 ) );
		idle( () => {
			loadPanel().then( ( module ) => {
				if ( saved.open ) {
					module.open();
				}
			} );
		} );
	}
}

if ( window.switchboardChat ) {
	const config = window.switchboardChat;
	if ( document.readyState === 'loading' ) {
		document.addEventListener( 'DOMContentLoaded', () => boot( config ) );
	} else {
		boot( config );
	}
}
