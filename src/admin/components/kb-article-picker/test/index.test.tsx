/**
 * External dependencies
 */
import { act, fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import KbArticlePicker, { articleLink } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const articles = [
	{
		id: 11,
		title: 'Returns policy',
		excerpt: 'Within 30 days.',
		url: 'https://shop.test/help/returns/',
		internal: false,
	},
	{
		id: 12,
		title: 'How we handle chargebacks',
		excerpt: 'Team only.',
		url: 'https://shop.test/help/chargebacks/',
		internal: true,
	},
];

describe( 'KbArticlePicker', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		mockedApiFetch.mockReset();
	} );
	afterEach( () => jest.useRealTimers() );

	it( 'searches once the typing pauses, marks internal articles and hands the pick over', async () => {
		mockedApiFetch.mockResolvedValue( articles );
		const onPick = jest.fn();
		render( <KbArticlePicker onPick={ onPick } wait={ 250 } /> );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Help articles' } )
		);
		const search = screen.getByRole( 'searchbox', {
			name: 'Search help articles',
		} );
		fireEvent.change( search, { target: { value: 'r' } } );
		fireEvent.change( search, { target: { value: 're' } } );
		fireEvent.change( search, { target: { value: 'ret' } } );
		expect( mockedApiFetch ).not.toHaveBeenCalled();
		await act( async () => {
			jest.advanceTimersByTime( 300 );
		} );

		expect( mockedApiFetch ).toHaveBeenCalledTimes( 1 );
		const { path } = mockedApiFetch.mock.calls[ 0 ][ 0 ];
		expect( path ).toContain( '/switchboard/v1/kb/search?' );
		expect( path ).toContain( 'q=ret' );
		expect( path ).toContain( 'source=composer' );
		expect( path ).toContain( 'include_internal=true' );

		const internal = await screen.findByRole( 'menuitem', {
			name: /How we handle chargebacks/,
		} );
		expect( internal ).toHaveTextContent( 'Internal' );
		expect(
			screen.getByRole( 'menuitem', { name: /Returns policy/ } )
		).not.toHaveTextContent( 'Internal' );

		fireEvent.click(
			screen.getByRole( 'menuitem', { name: /Returns policy/ } )
		);
		expect( onPick ).toHaveBeenCalledWith( articles[ 0 ] );
	} );

	it( 'does not search for a single character', async () => {
		render( <KbArticlePicker onPick={ jest.fn() } wait={ 10 } /> );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Help articles' } )
		);
		fireEvent.change(
			screen.getByRole( 'searchbox', { name: 'Search help articles' } ),
			{ target: { value: 'r' } }
		);
		await act( async () => {
			jest.advanceTimersByTime( 100 );
		} );
		expect( mockedApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'inserts the title and the link', () => {
		expect( articleLink( articles[ 0 ] ) ).toBe(
			'Returns policy: https://shop.test/help/returns/'
		);
	} );
} );
