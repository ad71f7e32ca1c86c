/**
 * Keeps an open ticket fresh: polls its timeline, faster while it changes, slower when it rests.
 */

/**
 * WordPress dependencies
 */
import { useDispatch, useRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { ticketsStore } from '../../store';
import { usePolling, pollInterval } from '../../hooks/use-polling';

export function useTicketPolling( id: number ): void {
	const registry = useRegistry();
	const { refreshTicket } = useDispatch( ticketsStore );
	usePolling(
		async () => {
			const before = registry.select( ticketsStore ).getTimeline( id );
			await refreshTicket( id );
			return (
				registry.select( ticketsStore ).getTimeline( id )?.length !==
				before?.length
			);
		},
		{ minDelay: pollInterval( 10_000 ), maxDelay: 60_000 }
	);
}
