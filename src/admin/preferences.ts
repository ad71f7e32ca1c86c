/**
 * Per-agent preferences kept in the browser (they follow the agent's habits, not the site).
 */

export interface Preferences {
	/** Status to set after sending a public reply: '' keeps it. */
	afterReplyStatus: '' | 'pending' | 'solved';
}

const KEY = 'switchboard-preferences';
const DEFAULTS: Preferences = { afterReplyStatus: '' };

export function getPreferences(): Preferences {
	try {
		return {
			...DEFAULTS,
			...JSON.parse( window.localStorage.getItem( KEY ) ?? '{}' ),
		};
	} catch {
		return DEFAULTS;
	}
}

export function setPreferences( next: Partial< Preferences > ): Preferences {
	const merged = { ...getPreferences(), ...next };
	try {
		window.localStorage.setItem( KEY, JSON.stringify( merged ) );
	} catch {
		// Private mode: preferences last for the page.
	}
	return merged;
}
