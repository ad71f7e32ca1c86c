/**
 * Internal dependencies
 */
import type {
	ApiError,
	Customer,
	CustomerOrders,
	Ticket,
} from '../../../shared/types';
import type { plainActions } from './actions';

export const STORE_NAME = 'switchboard/customers';

export interface Loaded< T > {
	data: T | null;
	error: ApiError | null;
}

export interface CustomersState {
	customers: Record< number, Loaded< Customer > >;
	tickets: Record< number, Loaded< Ticket[] > >;
	/** Keyed `<customer id>:<linked order id>`. */
	orders: Record< string, Loaded< CustomerOrders > >;
}

export type Slice = keyof CustomersState;

export type Action =
	| { type: 'RECEIVE'; slice: Slice; id: number | string; data: unknown }
	| {
			type: 'RECEIVE_ERROR';
			slice: Slice;
			id: number | string;
			error: ApiError;
	  };

export interface ThunkArgs {
	dispatch: typeof plainActions;
}
