/**
 * `switchboard/customers`: customers, their other tickets and (with WooCommerce) their orders.
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
import { STORE_NAME, type CustomersState } from './types';

export {
	actions,
	DEFAULT_STATE,
	plainActions,
	reducer,
	resolvers,
	selectors,
	STORE_NAME,
};
export type { CustomersState };

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
