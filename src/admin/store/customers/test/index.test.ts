/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

describe( 'customers store', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'loads her orders per linked order and keeps errors apart', async () => {
		const registry = createRegistry();
		registry.register( store );
		mockedApiFetch.mockResolvedValueOnce( {
			orders: [],
			order_count: 3,
			lifetime_value: '30.00',
			lifetime_value_formatted: '$30.00',
			currency: 'USD',
			linked_order: null,
		} );

		const orders = await registry
			.resolveSelect( store )
			.getCustomerOrders( 5, 77 );

		expect( orders?.order_count ).toBe( 3 );
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/customers/5/orders?per_page=10&linked_order=77',
		} );
		// Another linked order is another entry (checked without triggering its resolver).
		expect(
			registry.select( store ).getCustomerOrdersError( 5, 0 )
		).toBeNull();
	} );

	it( 'shows a 404 for WooCommerce being inactive as an error, not as data', async () => {
		const registry = createRegistry();
		registry.register( store );
		mockedApiFetch.mockRejectedValueOnce( {
			code: 'switchboard_woocommerce_inactive',
			message: 'WooCommerce is not active',
			data: { status: 404 },
		} );

		await registry.resolveSelect( store ).getCustomerOrders( 5 );

		expect( registry.select( store ).getCustomerOrders( 5 ) ).toBeNull();
		expect(
			registry.select( store ).getCustomerOrdersError( 5 )?.code
		).toBe( 'switchboard_woocommerce_inactive' );
	} );
} );
