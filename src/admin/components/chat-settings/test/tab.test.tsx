/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import ChatSettingsTab from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const settings = {
	enabled: true,
	color: '#2271b1',
	greeting: 'Hi!',
	position: 'right',
	show_on: 'all',
	page_ids: [],
	bot_enabled: false,
	hours_enabled: true,
	hours: [ '', '09:00-17:00', '', '', '', '', '' ],
};

describe( 'ChatSettingsTab', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'loads the settings and sends only what changed', async () => {
		mockedApiFetch.mockResolvedValueOnce( settings );
		render( <ChatSettingsTab /> );

		const monday = ( await screen.findByLabelText(
			'Monday'
		) ) as HTMLInputElement;
		expect( monday.value ).toBe( '09:00-17:00' );
		expect(
			( screen.getByLabelText( 'Colour (hex)' ) as HTMLInputElement )
				.value
		).toBe( '#2271b1' );

		fireEvent.change( screen.getByLabelText( 'Tuesday' ), {
			target: { value: ' 10:00-12:00 ' },
		} );
		fireEvent.change( screen.getByLabelText( 'Colour (hex)' ), {
			target: { value: '#ff0000' },
		} );
		mockedApiFetch.mockResolvedValueOnce( {
			...settings,
			color: '#ff0000',
			hours: [ '', '09:00-17:00', '10:00-12:00', '', '', '', '' ],
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save chat settings' } )
		);

		expect(
			await screen.findByText( 'Chat settings saved.' )
		).toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: '/switchboard/v1/chat/settings',
			method: 'PATCH',
			data: {
				color: '#ff0000',
				hours: [ '', '09:00-17:00', '10:00-12:00', '', '', '', '' ],
			},
		} );
	} );
} );
