/**
 * The chat's handle in localStorage: the visitor token, the last message seen and the unread
 * count, so a reload or another page picks the conversation up (the server stays the source of
 * truth: the panel refetches on load).
 */

/**
 * Internal dependencies
 */
import type { Saved } from './types';

const KEY = 'switchboard-chat';

export function load(): Saved | null {
	try {
		const raw = window.localStorage.getItem( KEY );
		const saved = raw ? ( JSON.parse( raw ) as Saved ) : null;
		return saved && typeof saved.token === 'string' ? saved : null;
	} catch {
		return null;
	}
}

export function save( saved: Saved | null ): void {
	try {
		if ( saved ) {
			window.localStorage.setItem( KEY, JSON.stringify( saved ) );
		} else {
			window.localStorage.removeItem( KEY );
		}
	} catch {
		// Private mode without storage: the chat still works for this page.
	}
}
