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
import * as api from '../../../shared/api/customers';
import { toApiError } from '../../../shared/api/errors';
import type {
	ApiError,
	Customer,
	CustomerOrders,
	Ticket,
} from '../../../shared/types';

export const STORE_NAME = 'switchboard/customers';

interface Loaded< T > {
	data: T | null;
	error: ApiError | null;
}

export interface CustomersState {
	customers: Record< number, Loaded< Customer > >;
	tickets: Record< number, Loaded< Ticket[] > >;
	/** Keyed `<customer id>:<linked order id>`. */
	orders: Record< string, Loaded< CustomerOrders > >;
}

export const DEFAULT_STATE: CustomersState = {
	customers: {},
	tickets: {},
	orders: {},
};

type Slice = keyof CustomersState;

type Action =
	| { type: 'RECEIVE'; slice: Slice; id: number | string; data: unknown }
	| {
			type: 'RECEIVE_ERROR';
			slice: Slice;
			id: number | string;
			error: ApiError;
	  };

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

export const selectors = {
	getCustomer: ( state: CustomersState, id: number ): Customer | null =>
		state.customers[ id ]?.data ?? null,
	getCustomerError: ( state: CustomersState, id: number ): ApiError | null =>
		state.customers[ id ]?.error ?? null,
	getCustomerTickets: (
		state: CustomersState,
		id: number
	): Ticket[] | null => state.tickets[ id ]?.data ?? null,
	getCustomerTicketsError: (
		state: CustomersState,
		id: number
	): ApiError | null => state.tickets[ id ]?.error ?? null,
	getCustomerOrders: (
		state: CustomersState,
		id: number,
		linkedOrderId: number = 0
	): CustomerOrders | null =>
		state.orders[ `${ id }:${ linkedOrderId }` ]?.data ?? null,
	getCustomerOrdersError: (
		state: CustomersState,
		id: number,
		linkedOrderId: number = 0
	): ApiError | null =>
		state.orders[ `${ id }:${ linkedOrderId }` ]?.error ?? null,
};

interface ThunkArgs {
	dispatch: typeof plainActions;
}

function loader< T >( slice: Slice, fetcher: ( id: number ) => Promise< T > ) {
	return ( id: number ) =>
		async ( { dispatch }: ThunkArgs ) => {
			try {
				dispatch.receive( slice, id, await fetcher( id ) );
			} catch ( error ) {
				dispatch.receiveError( slice, id, toApiError( error ) );
			}
		};
}

const loadCustomer = loader( 'customers', api.fetchCustomer );
const loadTickets = loader(
	'tickets',
	async ( id ) => ( await api.fetchCustomerTickets( id ) ).items
);
const loadOrders =
	( id: number, linkedOrderId: number = 0 ) =>
	async ( { dispatch }: ThunkArgs ) => {
		const key = `${ id }:${ linkedOrderId }`;
		try {
			dispatch.receive(
				'orders',
				key,
				await api.fetchCustomerOrders( id, linkedOrderId )
			);
		} catch ( error ) {
			dispatch.receiveError( 'orders', key, toApiError( error ) );
		}
	};

export const actions = {
	...plainActions,
	refreshCustomer: loadCustomer,
	refreshCustomerTickets: loadTickets,
	refreshCustomerOrders: loadOrders,
};

export const resolvers = {
	getCustomer: loadCustomer,
	getCustomerTickets: loadTickets,
	getCustomerOrders: loadOrders,
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
