/**
 * Internal dependencies
 */
import type {
	ApiError,
	Customer,
	CustomerOrders,
	Ticket,
} from '../../../shared/types';
import type { CustomersState } from './types';

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
