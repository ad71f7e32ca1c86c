/**
 * `switchboard/core`: who is signed in (overview), the team, tags, and the notices every screen shows.
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
import { STORE_NAME, type CoreState, type Notice } from './types';

export {
	actions,
	DEFAULT_STATE,
	plainActions,
	reducer,
	resolvers,
	selectors,
	STORE_NAME,
};
export type { CoreState, Notice };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
