/**
 * `switchboard/tickets`: ticket lists per query, tickets by id, timelines and the inbox counts.
 *
 * Lists keep their previous data while they refresh (polling, after writes), so the inbox never
 * flashes empty; errors are kept per list/ticket so each screen can offer a retry.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { actions, plainActions } from './actions';
import { DEFAULT_STATE, reducer } from './reducer';
import { resolvers } from './resolvers';
import { selectors } from './selectors';
import { STORE_NAME, type TicketList, type TicketsState } from './types';

export {
	actions,
	DEFAULT_STATE,
	plainActions,
	reducer,
	resolvers,
	selectors,
	STORE_NAME,
};
export type { TicketList, TicketsState };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
