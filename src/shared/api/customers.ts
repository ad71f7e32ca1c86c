/**
 * Typed calls for customers and, with WooCommerce, their orders.
 */

/**
 * Internal dependencies
 */
import { get, getPage, send, type Page } from './client';
import type { Customer, CustomerOrders, Ticket } from '../types';

export function fetchCustomer( id: number ): Promise< Customer > {
	return get< Customer >( `/customers/${ id }` );
}

export function searchCustomers(
	search: string,
	perPage = 10
): Promise< Page< Customer > > {
	return getPage< Customer >( '/customers', { search, per_page: perPage } );
}

export function fetchCustomerTickets(
	id: number,
	perPage = 20
): Promise< Page< Ticket > > {
	return getPage< Ticket >( `/customers/${ id }/tickets`, {
		per_page: perPage,
	} );
}

export function mergeCustomers(
	targetId: number,
	sourceId: number
): Promise< Customer > {
	return send< Customer >( 'POST', `/customers/${ targetId }/merge`, {
		source_id: sourceId,
	} );
}

/**
 * The customer's WooCommerce orders (404 `switchboard_woocommerce_inactive` without WooCommerce).
 *
 * @param id            Customer id.
 * @param linkedOrderId The ticket's order, sent back as `linked_order` when not among the latest.
 * @param limit         How many recent orders.
 */
export function fetchCustomerOrders(
	id: number,
	linkedOrderId = 0,
	limit = 10
): Promise< CustomerOrders > {
	return get< CustomerOrders >( `/customers/${ id }/orders`, {
		per_page: limit,
		...( linkedOrderId ? { linked_order: linkedOrderId } : {} ),
	} );
}
