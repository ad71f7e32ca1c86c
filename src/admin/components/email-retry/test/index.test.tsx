/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import Timeline from '../../timeline';
import type { Message } from '../../../../shared/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

function reply( overrides: Partial< Message > ): Message {
	return {
		id: 7,
		ticket_id: 1,
		direction: 'out',
		author: { type: 'agent', id: 3, name: 'Agnes Agent', avatar: '' },
		channel: 'email',
		is_private: false,
		body_html: '<p>Your parcel left today.</p>',
		body_text: 'Your parcel left today.',
		created_at: '2026-11-23T07:30:00Z',
		delivery_status: 'failed',
		delivery_error: 'SMTP Error: Could not connect to SMTP host.',
		attachments: [],
		...overrides,
	};
}

describe( 'Retry sending', () => {
	beforeEach( () => ( apiFetch as unknown as jest.Mock ).mockReset() );

	it( 'is offered on failed replies sent by email (email, web form, My Account) only', () => {
		render(
			<Timeline
				agents={ [] }
				onDeliveryRetried={ jest.fn() }
				items={ [
					{ kind: 'message', message: reply( {} ) },
					{
						kind: 'message',
						message: reply( {
							id: 8,
							delivery_status: 'sent',
							delivery_error: '',
						} ),
					},
					{
						kind: 'message',
						message: reply( {
							id: 9,
							channel: 'chat',
							delivery_error: '',
						} ),
					},
					{
						kind: 'message',
						message: reply( {
							id: 11,
							channel: 'web',
							delivery_error: '',
						} ),
					},
					{
						kind: 'message',
						message: reply( {
							id: 12,
							channel: 'account',
							delivery_error: '',
						} ),
					},
					{
						kind: 'message',
						message: reply( {
							id: 10,
							direction: 'in',
							delivery_error: '',
						} ),
					},
				] }
			/>
		);
		expect(
			screen.getByText( 'SMTP Error: Could not connect to SMTP host.' )
		).toBeInTheDocument();
		expect( screen.getAllByText( 'Failed to send' ) ).toHaveLength( 5 );
		expect(
			screen.getAllByRole( 'button', { name: 'Retry sending' } )
		).toHaveLength( 3 );
	} );

	it( 'posts the retry and reloads the ticket', async () => {
		( apiFetch as unknown as jest.Mock ).mockResolvedValue( {
			id: 7,
			delivery_status: 'sent',
			delivery_error: '',
			delivery_attempts: 2,
		} );
		const reload = jest.fn();
		render(
			<Timeline
				agents={ [] }
				onDeliveryRetried={ reload }
				items={ [ { kind: 'message', message: reply( {} ) } ] }
			/>
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Retry sending' } )
		);
		await waitFor( () => expect( reload ).toHaveBeenCalledTimes( 1 ) );
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/switchboard/v1/email/messages/7/retry',
				method: 'POST',
			} )
		);
	} );
} );
