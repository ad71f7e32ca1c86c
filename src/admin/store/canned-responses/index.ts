/**
 * `switchboard/canned-responses`: the agent's own and the shared canned responses —
 * the entity pattern (`../entities`) with aliases named after them.
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
import { STORE_NAME, type CannedState } from './types';

export {
	actions,
	DEFAULT_STATE,
	plainActions,
	reducer,
	resolvers,
	selectors,
	STORE_NAME,
};
export type { CannedState };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
