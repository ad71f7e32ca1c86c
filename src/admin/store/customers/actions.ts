/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import { loadCustomer, loadOrders, loadTickets } from './resolvers';
import type { Action, Slice } from './types';

export const plainActions = {
	receive: ( slice: Slice, id: number | string, data: unknown ): Action => ( {
		type: 'RECEIVE',
		slice,
		id,
		data,
	} ),
	receiveError: (
		slice: Slice,
		id: number | string,
		error: ApiError
	): Action => ( {
		type: 'RECEIVE_ERROR',
		slice,
		id,
		error,
	} ),
};

export const actions = {
	...plainActions,
	refreshCustomer: loadCustomer,
	refreshCustomerTickets: loadTickets,
	refreshCustomerOrders: loadOrders,
};
