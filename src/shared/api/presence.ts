/**
 * Typed calls for collision detection: who else views or replies to a ticket.
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';
import type { PresenceEntry, PresenceState } from '../types';

/**
 * Says "I am here" and returns the other agents on the ticket.
 *
 * @param ticketId Ticket.
 * @param state    What the current agent does.
 */
export function announcePresence(
	ticketId: number,
	state: PresenceState
): Promise< PresenceEntry[] > {
	return send< PresenceEntry[] >( 'POST', `/tickets/${ ticketId }/presence`, {
		state,
	} );
}

export function fetchPresence( ticketId: number ): Promise< PresenceEntry[] > {
	return get< PresenceEntry[] >( `/tickets/${ ticketId }/presence` );
}

export function leavePresence( ticketId: number ): Promise< unknown > {
	return send( 'DELETE', `/tickets/${ ticketId }/presence` );
}
