/**
 * Internal dependencies
 */
import { formatUtc, toMailboxInput } from '..';
import type { MailboxInput } from '../../../../shared/api/mailboxes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const form: MailboxInput = {
	name: 'Shop Support',
	address: 'support@shop.test',
	imap_host: 'imap.shop.test',
	imap_port: 993,
	imap_security: 'ssl',
	imap_user: 'support@shop.test',
	imap_folder: 'INBOX',
	after_import: 'seen',
	move_folder: '',
	poll_interval: 300,
	is_active: true,
	team_id: 0,
	tags: [],
	signature: '',
	quote_history: false,
	acknowledge: false,
	ack_subject: '',
	ack_body: '',
	smtp_host: 'smtp.shop.test',
	smtp_port: 587,
	smtp_security: 'starttls',
	smtp_user: 'support@shop.test',
};

describe( 'toMailboxInput', () => {
	it( 'sends the password only when one was typed', () => {
		expect( toMailboxInput( form, '', '' ) ).not.toHaveProperty(
			'imap_password'
		);
		expect(
			toMailboxInput( { ...form, imap_password: 'stale' }, '', '' )
		).not.toHaveProperty( 'imap_password' );
		expect( toMailboxInput( form, '', 's3cret' ).imap_password ).toBe(
			's3cret'
		);
	} );

	it( 'sends the SMTP password only when one was typed', () => {
		expect(
			toMailboxInput( { ...form, smtp_password: 'stale' }, '', '' )
		).not.toHaveProperty( 'smtp_password' );
		const input = toMailboxInput( form, '', '', 'smtp-s3cret' );
		expect( input.smtp_password ).toBe( 'smtp-s3cret' );
		expect( input ).not.toHaveProperty( 'imap_password' );
		expect( input.smtp_host ).toBe( 'smtp.shop.test' );
	} );

	it( 'sends the default team id as picked', () => {
		expect(
			toMailboxInput( { ...form, team_id: 7 }, '', '' ).team_id
		).toBe( 7 );
		expect( toMailboxInput( form, '', '' ).team_id ).toBe( 0 );
	} );

	it( 'splits and trims the default tags', () => {
		expect(
			toMailboxInput( form, ' vip, email ,, returns ', '' ).tags
		).toEqual( [ 'vip', 'email', 'returns' ] );
	} );
} );

describe( 'formatUtc', () => {
	it( 'reads database UTC times and says "never" for none', () => {
		expect( formatUtc( null ) ).toBe( 'never' );
		expect( formatUtc( '2026-11-23 08:00:00' ) ).toBe(
			new Date( Date.UTC( 2026, 10, 23, 8, 0, 0 ) ).toLocaleString()
		);
		expect( formatUtc( 'garbage' ) ).toBe( 'garbage' );
	} );
} );
