/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import Composer from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockedApiFetch = apiFetch as unknown as jest.Mock;

const agents = [
	{ id: 1, name: 'Site Admin', login: 'admin', avatar: '' },
	{ id: 3, name: 'Agnes Agent', login: 'agent', avatar: '' },
];

function setup() {
	const onSend = jest.fn().mockResolvedValue( undefined );
	const onError = jest.fn();
	const onTyping = jest.fn();
	render(
		<Composer
			ticketId={ 42 }
			channel="email"
			agents={ agents }
			onSend={ onSend }
			onError={ onError }
			onTyping={ onTyping }
		/>
	);
	return { onSend, onError, onTyping };
}

describe( 'Composer', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'sends a reply as escaped HTML with Ctrl+Enter and clears', async () => {
		const { onSend, onTyping } = setup();
		const box = screen.getByRole( 'textbox', {
			name: 'Reply to the customer (sent via Email)',
		} );
		fireEvent.change( box, { target: { value: 'Hi <Ann>\nOn its way.' } } );
		expect( onTyping ).toHaveBeenLastCalledWith( true );
		await act( async () => {
			fireEvent.keyDown( box, { key: 'Enter', ctrlKey: true } );
		} );
		expect( onSend ).toHaveBeenCalledWith( {
			body: '<p>Hi &lt;Ann&gt;<br>On its way.</p>',
			isPrivate: false,
			attachments: [],
		} );
		expect( box ).toHaveValue( '' );
	} );

	it( 'switches to a private note and completes @mentions', async () => {
		const { onSend } = setup();
		fireEvent.click( screen.getByRole( 'button', { name: 'Note' } ) );
		const box = screen.getByRole( 'textbox', { name: /Private note/ } );
		fireEvent.change( box, {
			target: { value: 'Can you check, @ad', selectionStart: 18 },
		} );
		const option = screen.getByRole( 'option', { name: /Site Admin/ } );
		fireEvent.mouseDown( option );
		expect( box ).toHaveValue( 'Can you check, @admin ' );
		await act( async () => {
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Add note' } )
			);
		} );
		expect( onSend ).toHaveBeenCalledWith(
			expect.objectContaining( {
				isPrivate: true,
				body: '<p>Can you check, @admin</p>',
			} )
		);
	} );

	it( 'inserts a canned response with its placeholders filled by the server', async () => {
		setup();
		mockedApiFetch.mockImplementation(
			( options: { path: string; method?: string } ) => {
				if (
					options.path.startsWith(
						'/switchboard/v1/canned-responses?'
					)
				) {
					return Promise.resolve( [
						{
							id: 7,
							title: 'Where is my order',
							body: 'Order {order.number} is {order.status}.',
							shortcut: 'wismo',
							owner_id: 0,
							shared: true,
							usage_count: 0,
							created_at: '',
							updated_at: '',
						},
					] );
				}
				if (
					options.path === '/switchboard/v1/canned-responses/7/render'
				) {
					return Promise.resolve( {
						id: 7,
						title: 'Where is my order',
						body: 'Order 1234 is Completed.',
						missing: [],
					} );
				}
				return Promise.reject( new Error( options.path ) );
			}
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Canned responses' } )
		);
		fireEvent.click(
			await screen.findByRole( 'menuitem', { name: /Where is my order/ } )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: /Reply to the customer/ } )
			).toHaveValue( 'Order 1234 is Completed.' )
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/canned-responses/7/render',
			method: 'POST',
			data: { ticket_id: 42 },
		} );
	} );

	it( 'does not send an empty message', () => {
		const { onSend } = setup();
		expect(
			screen.getByRole( 'button', { name: 'Send reply' } )
		).toBeDisabled();
		fireEvent.keyDown( screen.getByRole( 'textbox' ), {
			key: 'Enter',
			metaKey: true,
		} );
		expect( onSend ).not.toHaveBeenCalled();
	} );
} );
