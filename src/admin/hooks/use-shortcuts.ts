/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

export type ShortcutMap = Partial<
	Record< string, ( event: KeyboardEvent ) => void >
>;

function isTyping( target: EventTarget | null ): boolean {
	if ( ! ( target instanceof HTMLElement ) ) {
		return false;
	}
	if ( target.isContentEditable ) {
		return true;
	}
	const tag = target.tagName;
	if ( tag === 'TEXTAREA' || tag === 'SELECT' ) {
		return true;
	}
	if ( tag === 'INPUT' ) {
		const type = ( target as HTMLInputElement ).type;
		return ! [ 'checkbox', 'radio', 'button', 'submit' ].includes( type );
	}
	return false;
}

/**
 * Single-key shortcuts (j, k, r, n, ?, Enter, Escape) while the agent is not typing and no
 * modal is open. Keys are KeyboardEvent.key values.
 *
 * @param map     Key → handler.
 * @param enabled Whether to listen.
 */
export function useShortcuts( map: ShortcutMap, enabled = true ): void {
	const mapRef = useRef( map );
	mapRef.current = map;

	useEffect( () => {
		if ( ! enabled ) {
			return undefined;
		}
		const onKeyDown = ( event: KeyboardEvent ) => {
			if (
				event.defaultPrevented ||
				event.ctrlKey ||
				event.metaKey ||
				event.altKey ||
				isTyping( event.target ) ||
				document.querySelector( '.components-modal__screen-overlay' )
			) {
				return;
			}
			// Enter on a focused button/link must keep doing what it does.
			if (
				event.key === 'Enter' &&
				event.target instanceof HTMLElement &&
				event.target.closest( 'button, a, [role="checkbox"]' )
			) {
				return;
			}
			const handler = mapRef.current[ event.key ];
			if ( handler ) {
				event.preventDefault();
				handler( event );
			}
		};
		document.addEventListener( 'keydown', onKeyDown );
		return () => document.removeEventListener( 'keydown', onKeyDown );
	}, [ enabled ] );
}

/**
 * Whether a keyboard event is Ctrl+Enter / Cmd+Enter.
 * @param event
 * @param event.key
 * @param event.ctrlKey
 * @param event.metaKey
 */
export function isSendShortcut( event: {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
} ): boolean {
	return event.key === 'Enter' && ( event.ctrlKey || event.metaKey );
}
