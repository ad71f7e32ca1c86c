/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { announcePresence, leavePresence } from '../../shared/api/presence';
import type { PresenceEntry } from '../../shared/types';
import { pollInterval } from './use-polling';

/**
 * Collision detection: tells the server this agent views (or replies to) the ticket every few
 * seconds and returns the other agents who do. Leaves when the ticket closes.
 *
 * @param ticketId Ticket.
 * @param replying Whether the agent is typing a reply/note.
 */
export function usePresence(
	ticketId: number,
	replying: boolean
): PresenceEntry[] {
	const [ others, setOthers ] = useState< PresenceEntry[] >( [] );
	const replyingRef = useRef( replying );
	replyingRef.current = replying;
	const beatRef = useRef< () => void >( () => undefined );

	useEffect( () => {
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		const every = pollInterval( 15_000 );

		const beat = async () => {
			clearTimeout( timer );
			try {
				const entries = await announcePresence(
					ticketId,
					replyingRef.current ? 'replying' : 'viewing'
				);
				if ( ! stopped ) {
					setOthers( Array.isArray( entries ) ? entries : [] );
				}
			} catch {
				// Presence is best effort: the next beat tries again.
			}
			if ( ! stopped ) {
				timer = setTimeout( beat, document.hidden ? every * 4 : every );
			}
		};
		beatRef.current = beat;
		beat();

		const leave = () => {
			leavePresence( ticketId ).catch( () => undefined );
		};
		window.addEventListener( 'pagehide', leave );
		return () => {
			stopped = true;
			clearTimeout( timer );
			window.removeEventListener( 'pagehide', leave );
			leave();
		};
	}, [ ticketId ] );

	// Say "replying" (or back to "viewing") at once, not at the next beat.
	useEffect( () => {
		beatRef.current();
	}, [ replying ] );

	return others;
}
