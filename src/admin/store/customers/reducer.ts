/**
 * Internal dependencies
 */
import type { Action, CustomersState, Loaded } from './types';

export const DEFAULT_STATE: CustomersState = {
	customers: {},
	tickets: {},
	orders: {},
};

export function reducer(
	state: CustomersState = DEFAULT_STATE,
	action: Action
): CustomersState {
	switch ( action.type ) {
		case 'RECEIVE':
			return {
				...state,
				[ action.slice ]: {
					...state[ action.slice ],
					[ action.id ]: { data: action.data, error: null },
				},
			};
		case 'RECEIVE_ERROR':
			return {
				...state,
				[ action.slice ]: {
					...state[ action.slice ],
					[ action.id ]: {
						data:
							(
								state[ action.slice ] as Record<
									string,
									Loaded< unknown >
								>
							 )[ action.id ]?.data ?? null,
						error: action.error,
					},
				},
			};
		default:
			return state;
	}
}
