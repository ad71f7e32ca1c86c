/**
 * External dependencies
 */
import {
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import MailboxesSettings from '..';
import type { Mailbox } from '../../../../shared/api/mailboxes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const mailbox: Mailbox = {
	id: 4,
	name: 'Shop Support',
	address: 'support@shop.test',
	imap_host: 'imap.shop.test',
	imap_port: 993,
	imap_security: 'ssl',
	imap_user: 'support@shop.test',
	imap_password_set: true,
	imap_folder: 'INBOX',
	after_import: 'seen',
	move_folder: '',
	poll_interval: 300,
	is_active: true,
	team_id: 0,
	tags: [ 'vip' ],
	signature: '',
	quote_history: false,
	acknowledge: false,
	ack_subject: '',
	ack_body: '',
	smtp_host: 'smtp.shop.test',
	smtp_port: 587,
	smtp_security: '',
	smtp_user: 'smtp-user',
	smtp_password_set: false,
	failures: 0,
	last_error: 'Login failed',
	last_polled_at: null,
	next_poll_at: null,
};

const webhooks = {
	raw: { url: 'https://shop.test/raw', configured: false },
	mailgun: { url: 'https://shop.test/mailgun', configured: false },
	postmark: { url: 'https://shop.test/pm', user: '', configured: false },
	sendgrid: {
		url: 'https://shop.test/sg',
		configured: false,
		public_key_set: false,
		token_set: false,
	},
};

function serve( options: { path: string; method?: string; data?: unknown } ) {
	const { path, method = 'GET' } = options;
	if ( path.startsWith( '/switchboard/v1/email/inbound' ) ) {
		return Promise.resolve( {
			json: async () => [
				{
					id: 31,
					mailbox_id: 4,
					source: 'imap',
					status: 'quarantined',
					kind: 'customer',
					from: 'bob@example.com',
					subject: 'Broken MIME',
					message_id: '',
					size: 10,
					ticket_id: 0,
					error: 'Unparsable message',
					attempts: 2,
					created_at: '2026-11-23 08:00:00',
				},
			],
			headers: { get: () => null },
		} );
	}
	if ( path === '/switchboard/v1/email/mailboxes/4' && method === 'PATCH' ) {
		return Promise.resolve( { ...mailbox, name: 'Renamed' } );
	}
	if ( path.startsWith( '/switchboard/v1/email/mailboxes' ) ) {
		return Promise.resolve( [ mailbox ] );
	}
	if ( path.startsWith( '/switchboard/v1/email/webhooks' ) ) {
		return Promise.resolve( webhooks );
	}
	if ( path.startsWith( '/switchboard/v1/teams' ) ) {
		return Promise.resolve( [] );
	}
	return Promise.reject( new Error( `unexpected ${ method } ${ path }` ) );
}

describe( 'MailboxesSettings', () => {
	beforeEach( () => {
		mockedApiFetch.mockReset();
		mockedApiFetch.mockImplementation( serve );
	} );

	it( 'lists the mailboxes with their state and the quarantine', async () => {
		render( <MailboxesSettings /> );

		const row = ( await screen.findByText( 'support@shop.test' ) ).closest(
			'tr'
		) as HTMLElement;
		expect( within( row ).getByText( 'imap.shop.test:993' ) ).toBeTruthy();
		expect( within( row ).getByText( 'Active' ) ).toBeTruthy();
		expect(
			within( row ).getByText( 'Last error: Login failed' )
		).toBeTruthy();

		const quarantined = (
			await screen.findByText( 'Broken MIME' )
		).closest( 'tr' ) as HTMLElement;
		expect( quarantined.getAttribute( 'data-inbound' ) ).toBe( '31' );
		expect( within( quarantined ).getByText( '2 attempts' ) ).toBeTruthy();
	} );

	it( 'edits a mailbox in one fieldset per server and sends no untyped password', async () => {
		render( <MailboxesSettings /> );
		const row = ( await screen.findByText( 'support@shop.test' ) ).closest(
			'tr'
		) as HTMLElement;
		fireEvent.click(
			within( row ).getByRole( 'button', { name: 'Edit' } )
		);

		const imap = screen
			.getByText( 'IMAP server' )
			.closest( 'fieldset' ) as HTMLElement;
		expect(
			( within( imap ).getByLabelText( 'IMAP host' ) as HTMLInputElement )
				.value
		).toBe( 'imap.shop.test' );
		expect(
			within( imap ).getByText(
				'A password is stored. Leave empty to keep it.'
			)
		).toBeTruthy();
		expect( within( imap ).getByLabelText( 'Folder' ) ).toBeTruthy();

		const smtp = screen
			.getByText( 'Outgoing mail (SMTP)' )
			.closest( 'fieldset' ) as HTMLElement;
		expect(
			(
				within( smtp ).getByLabelText(
					'SMTP security'
				) as HTMLSelectElement
			 ).value
		).toBe( 'starttls' );
		expect(
			within( smtp ).queryByText(
				'A password is stored. Leave empty to keep it.'
			)
		).toBeNull();

		fireEvent.change( screen.getByLabelText( 'Sender name' ), {
			target: { value: 'Renamed' },
		} );
		fireEvent.change( within( smtp ).getByLabelText( 'SMTP port' ), {
			target: { value: '465' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save mailbox' } )
		);

		await waitFor( () =>
			expect( screen.queryByText( 'IMAP server' ) ).toBeNull()
		);
		const patch = mockedApiFetch.mock.calls
			.map( ( [ options ] ) => options )
			.find( ( options ) => options.method === 'PATCH' );
		expect( patch.path ).toBe( '/switchboard/v1/email/mailboxes/4' );
		expect( patch.data ).toMatchObject( {
			name: 'Renamed',
			smtp_port: 465,
			tags: [ 'vip' ],
		} );
		expect( patch.data ).not.toHaveProperty( 'imap_password' );
		expect( patch.data ).not.toHaveProperty( 'smtp_password' );
		expect( patch.data ).not.toHaveProperty( 'id' );
	} );
} );
