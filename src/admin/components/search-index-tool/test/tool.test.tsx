/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import SearchIndexTool from '..';
import { coreStore } from '../../../store';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

function overview( manage: boolean ) {
	return {
		plugin_version: '1',
		woocommerce_active: false,
		user: { id: 1, display_name: 'Admin', avatar: '' },
		capabilities: { agent: true, manage },
	};
}

describe( 'SearchIndexTool', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
		// The overview is known (as after the app's first load): no request for it.
		dispatch( coreStore ).finishResolution( 'getOverview', [] );
	} );

	it( 'shows nothing to an agent who does not manage the helpdesk', () => {
		dispatch( coreStore ).receiveOverview( overview( false ) as never );
		const { container } = render( <SearchIndexTool /> );
		expect( container ).toBeEmptyDOMElement();
		expect( mockedApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'tells a manager how many articles are missing and rebuilds', async () => {
		dispatch( coreStore ).receiveOverview( overview( true ) as never );
		mockedApiFetch.mockResolvedValueOnce( {
			tables: [],
			articles: { published: 12, indexed: 9 },
		} );
		render( <SearchIndexTool /> );

		expect(
			await screen.findByText(
				'9 of 12 published help articles are in the search index.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Some articles are missing from search. Rebuild the search index.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();

		mockedApiFetch.mockResolvedValueOnce( {
			tables: [],
			articles: { published: 12, indexed: 12 },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Rebuild search index' } )
		);
		expect(
			await screen.findByText(
				'12 of 12 published help articles are in the search index.'
			)
		).toBeInTheDocument();
		expect(
			screen.queryByText(
				'Some articles are missing from search. Rebuild the search index.',
				{ selector: '.components-notice__content' }
			)
		).toBeNull();
	} );
} );
