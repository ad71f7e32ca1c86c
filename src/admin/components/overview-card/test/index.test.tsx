/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import OverviewCard from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

describe( 'OverviewCard', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'loads the overview from the REST API and shows the signed-in agent', async () => {
		mockedApiFetch.mockResolvedValueOnce( {
			plugin_version: '9.9.9',
			woocommerce_active: false,
			user: { id: 7, display_name: 'Agnes Agent', avatar: '' },
			capabilities: { agent: true, manage: false },
		} );

		render( <OverviewCard /> );

		expect(
			await screen.findByText( 'Signed in as Agnes Agent' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Version 9.9.9' ) ).toBeInTheDocument();
		expect(
			screen.getByText(
				'WooCommerce is not active: order features are hidden.'
			)
		).toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/overview',
		} );
	} );
} );
