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
	tags: [],
	signature: '',
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
