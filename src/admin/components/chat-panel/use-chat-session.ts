/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ticketsStore } from '../../store';
import { store as chatStore } from '../../store/chat';
import { pollInterval } from '../../hooks/use-polling';

/**
 * A chat ticket's session from the `switchboard/chat` store, polled every 2 s (10 s once the
 * chat ended, three times slower in a hidden tab, backing off to 30 s on errors); when the store
 * says its message, status or agent changed, the ticket is refetched.
 *
 * @param ticketId Chat ticket.
 */
export function useChatSession( ticketId: number ) {
	const { session, error } = useSelect(
		( select ) => ( {
			session: select( chatStore ).getChatSession( ticketId ),
			error: select( chatStore ).getChatSessionError( ticketId ),
		} ),
		[ ticketId ]
	);
	const { pollChatSession } = useDispatch( chatStore );
	const { refreshTicket } = useDispatch( ticketsStore );

	const reload = useCallback( async () => {
		const { session: next, changed } = await pollChatSession( ticketId );
		// A new message, status or agent: fetch the timeline now, not at the next slow poll.
		if ( changed ) {
			refreshTicket( ticketId );
		}
		return next;
	}, [ ticketId, pollChatSession, refreshTicket ] );

	useEffect( () => {
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		const every = pollInterval( 2_000 );
		let delay = every;
		const tick = async () => {
			try {
				const next = await reload();
				delay = next.status === 'ended' ? every * 5 : every;
			} catch {
				// The store keeps the error for the panel.
				delay = Math.min( delay * 2, 30_000 );
			}
			if ( ! stopped ) {
				timer = setTimeout( tick, document.hidden ? delay * 3 : delay );
			}
		};
		tick();
		return () => {
			stopped = true;
			clearTimeout( timer );
		};
	}, [ reload ] );

	return { session, error, reload };
}
