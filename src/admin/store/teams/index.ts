/**
 * `switchboard/teams`: the teams (routing groups of agents) for the pickers, the inbox filter
 * and Settings → Team — the entity pattern (`../entities`) with team-named aliases.
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
import { STORE_NAME, type TeamsState } from './types';

export {
	actions,
	DEFAULT_STATE,
	plainActions,
	reducer,
	resolvers,
	selectors,
	STORE_NAME,
};
export type { TeamsState };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
