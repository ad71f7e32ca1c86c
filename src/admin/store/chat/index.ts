/**
 * `switchboard/chat`: the agent's chat presence, the open-chat queue and the sessions of the
 * chat tickets open in the panel. Registered by the chat chunks only (header status, inbox strip,
 * chat panel), so the initial bundle does not carry it.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { actions, newlyWaiting, plainActions, sessionKey } from './actions';
import { DEFAULT_STATE, reducer } from './reducer';
import { resolvers } from './resolvers';
import { selectors } from './selectors';
import { STORE_NAME, type ChatState } from './types';

export {
	actions,
	DEFAULT_STATE,
	newlyWaiting,
	plainActions,
	reducer,
	resolvers,
	selectors,
	sessionKey,
	STORE_NAME,
};
export type { ChatState };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
