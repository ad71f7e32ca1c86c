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
import BulkActions from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockedApiFetch = apiFetch as unknown as jest.Mock;

describe( 'BulkActions', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
		mockedApiFetch.mockImplementation( ( { path }: { path: string } ) =>
			Promise.resolve(
				path.startsWith( '/switchboard/v1/teams' )
					? [
							{
								id: 4,
								name: 'Billing',
								description: '',
								member_ids: [],
								members: [],
								created_at: null,
								updated_at: null,
							},
					  ]
					: []
			)
		);
	} );

	it( 'moves the selected tickets to a team, or out of their team', async () => {
		const onApply = jest.fn().mockResolvedValue( undefined );
		await act( async () => {
			render(
				<BulkActions
					count={ 2 }
					onApply={ onApply }
					onClear={ jest.fn() }
				/>
			);
		} );
		const select = await screen.findByRole( 'combobox', {
			name: 'Move to team',
		} );
		expect(
			await screen.findByRole( 'option', { name: 'Billing' } )
		).toBeInTheDocument();
		fireEvent.change( select, { target: { value: '4' } } );
		await act( async () => {
			fireEvent.click( screen.getByRole( 'button', { name: 'Apply' } ) );
		} );
		expect( onApply ).toHaveBeenLastCalledWith( { team_id: 4 } );

		fireEvent.change( select, { target: { value: '0' } } );
		await act( async () => {
			fireEvent.click( screen.getByRole( 'button', { name: 'Apply' } ) );
		} );
		expect( onApply ).toHaveBeenLastCalledWith( { team_id: 0 } );
	} );
} );
