/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/customers';
import { toApiError } from '../../../shared/api/errors';
import type { Slice, ThunkArgs } from './types';

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

export const loadCustomer = loader( 'customers', api.fetchCustomer );
export const loadTickets = loader(
	'tickets',
	async ( id ) => ( await api.fetchCustomerTickets( id ) ).items
);
export const loadOrders =
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

export const resolvers = {
	getCustomer: loadCustomer,
	getCustomerTickets: loadTickets,
	getCustomerOrders: loadOrders,
};
