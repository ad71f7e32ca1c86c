/**
 * A mailbox that sends through its own SMTP server, and a reply that fails to send.
 *
 * A second SMTP sink (bin/lib-mail/smtp.sh with SWITCHBOARD_SMTP_SINK_NAME, its own port, and
 * SMTP AUTH required) plays the mailbox's SMTP server. The manager enters it in Settings →
 * Mailboxes: "Test SMTP" refuses a wrong password (a generic answer, the server's in the debug log) and accepts the right
 * one. A customer's mail arrives (signed raw webhook); the server goes down; the agent's reply
 * shows "Failed to send" with the error in the timeline; the server comes back; "Retry sending"
 * delivers it — authenticated, with the signature in the plain-text and the HTML part.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { request } from '@playwright/test';

/**
 * Internal dependencies
 */
import { WorkspacePage } from './pages/workspace-page';
import { REPO, RUNTIME_DIR, header, startMailServers } from './mail/servers';

const RUN = Date.now().toString( 36 );
const ADDRESS = `orders-${ RUN }@shop.test`;
const CUSTOMER = `otto-${ RUN }@example.com`;
const SUBJECT = `Wrong size delivered ${ RUN }`;
const NS = '/switchboard/v1';
const SINK = 'smtp-sink-e2e';
const SINK_DIR = path.join( RUNTIME_DIR, SINK );
const SMTP_PORT = Number( process.env.SWITCHBOARD_SMTP_PORT || 10025 ) + 2;
const SMTP_USER = 'orders-smtp';
const SMTP_PASSWORD = `pw-${ RUN }`;

function sink( action: 'start' | 'stop' ): void {
	execFileSync( 'bash', [ 'bin/lib-mail/smtp.sh', action ], {
		cwd: REPO,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		env: {
			...process.env,
			SWITCHBOARD_SMTP_SINK_NAME: SINK,
			SWITCHBOARD_SMTP_PORT: String( SMTP_PORT ),
			SWITCHBOARD_SMTP_AUTH: `${ SMTP_USER }:${ SMTP_PASSWORD }`,
		},
	} );
}

/**
 * What the mailbox's server received for this run's customer.
 */
function received(): Array< {
	raw: string;
	envelope: { auth: string; rcpt_to: string[] };
} > {
	if ( ! fs.existsSync( SINK_DIR ) ) {
		return [];
	}
	return fs
		.readdirSync( SINK_DIR )
		.filter( ( name ) => /^\d+\.json$/.test( name ) )
		.map( ( name ) => ( {
			raw: fs.readFileSync(
				path.join( SINK_DIR, name.replace( '.json', '.eml' ) ),
				'utf8'
			),
			envelope: JSON.parse(
				fs.readFileSync( path.join( SINK_DIR, name ), 'utf8' )
			),
		} ) )
		.filter( ( mail ) => mail.envelope.rcpt_to.includes( CUSTOMER ) );
}

test.describe( 'Email replies through the mailbox SMTP server', () => {
	test.beforeAll( () => {
		startMailServers();
		sink( 'start' );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		sink( 'stop' );
		const mailboxes = await requestUtils.rest<
			Array< { id: number; address: string } >
		>( { path: `${ NS }/email/mailboxes` } );
		for ( const mailbox of mailboxes.filter(
			( m ) => m.address === ADDRESS
		) ) {
			await requestUtils.rest( {
				path: `${ NS }/email/mailboxes/${ mailbox.id }`,
				method: 'DELETE',
			} );
		}
	} );

	test( 'SMTP settings, a failed reply shown with its error, retried by hand', async ( {
		page,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			path: `${ NS }/email/mailboxes`,
			method: 'POST',
			data: {
				address: ADDRESS,
				name: 'Shop Orders',
				is_active: false,
			},
		} );

		// The manager enters the mailbox's SMTP server.
		const workspace = new WorkspacePage( page );
		await workspace.open( '&screen=settings&tab=mailboxes' );
		await workspace.root.getByRole( 'tab', { name: 'Mailboxes' } ).click();
		const row = workspace.root.locator( `tr[data-mailbox="${ ADDRESS }"]` );
		await row.getByRole( 'button', { name: 'Edit' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Edit mailbox' } );
		await form
			.getByLabel( 'Signature' )
			.fill( `Otto's helpers\nShop Orders ${ RUN }` );
		await form.getByLabel( 'SMTP host' ).fill( '127.0.0.1' );
		await form.getByLabel( 'SMTP port' ).fill( String( SMTP_PORT ) );
		await form
			.getByLabel( 'SMTP security' )
			.selectOption( { label: 'None (local servers only)' } );
		await form.getByLabel( 'SMTP user' ).fill( SMTP_USER );
		await form.getByLabel( 'SMTP password' ).fill( 'not-the-password' );
		await form.getByRole( 'button', { name: 'Test SMTP' } ).click();
		// A generic answer: the server's own words go to the debug log only.
		await expect( form.getByRole( 'alert' ) ).toContainText(
			'Could not connect or log in; check the host, port and credentials.'
		);
		await form.getByLabel( 'SMTP password' ).fill( SMTP_PASSWORD );
		await form.getByRole( 'button', { name: 'Test SMTP' } ).click();
		await expect( form.getByRole( 'status' ) ).toContainText(
			'SMTP works'
		);
		await form.getByRole( 'button', { name: 'Save mailbox' } ).click();
		await expect( form ).toBeHidden();
		const listed = await requestUtils.rest<
			Array< Record< string, unknown > >
		>( { path: `${ NS }/email/mailboxes` } );
		const saved = listed.find( ( m ) => m.address === ADDRESS );
		expect( saved?.smtp_password_set ).toBe( true );
		expect( saved ).not.toHaveProperty( 'smtp_password' );
		expect( JSON.stringify( listed ) ).not.toContain( SMTP_PASSWORD );
		expect( received() ).toEqual( [] );

		// A customer writes (signed raw webhook).
		const secret = `e2e-smtp-${ crypto
			.randomBytes( 6 )
			.toString( 'hex' ) }`;
		await requestUtils.rest( {
			path: `${ NS }/email/webhooks`,
			method: 'PUT',
			data: { raw_secret: secret },
		} );
		const body = [
			`From: Otto Buyer <${ CUSTOMER }>`,
			`To: ${ ADDRESS }`,
			`Subject: ${ SUBJECT }`,
			`Message-ID: <otto-${ RUN }@example.com>`,
			'Date: Mon, 23 Nov 2026 08:00:00 +0000',
			'',
			'I ordered M and got XL.',
			'',
		].join( '\r\n' );
		const ts = String( Math.floor( Date.now() / 1000 ) );
		const guest = await request.newContext();
		try {
			const response = await guest.post(
				`${ process.env.WP_BASE_URL }/wp-json/switchboard/v1/email/inbound/raw`,
				{
					headers: {
						'Content-Type': 'message/rfc822',
						'X-Switchboard-Timestamp': ts,
						'X-Switchboard-Signature': crypto
							.createHmac( 'sha256', secret )
							.update( `${ ts }.${ body }` )
							.digest( 'hex' ),
					},
					data: body,
				}
			);
			expect( response.status(), await response.text() ).toBe( 200 );
		} finally {
			await guest.dispose();
		}
		const tickets = await requestUtils.rest< Array< { id: number } > >( {
			path: `${ NS }/tickets`,
			params: { search: RUN, per_page: 20 },
		} );
		expect( tickets ).toHaveLength( 1 );

		// The server is down: the reply fails, and the timeline says so with the error.
		sink( 'stop' );
		await workspace.open( `&ticket=${ tickets[ 0 ].id }` );
		await expect( workspace.timeline ).toContainText( 'I ordered M' );
		await workspace.composerBox.fill(
			`Sorry! An M is on its way. ${ RUN }`
		);
		await workspace.composer
			.getByRole( 'button', { name: 'Send reply' } )
			.click();
		const failed = workspace.timeline
			.getByRole( 'article' )
			.filter( { hasText: 'An M is on its way' } );
		await expect( failed ).toContainText( 'Failed to send' );
		await expect(
			failed.locator( '.switchboard-timeline__delivery-error' )
		).toContainText( /connect/i );

		// Back up: "Retry sending" delivers it.
		sink( 'start' );
		await failed.getByRole( 'button', { name: 'Retry sending' } ).click();
		await workspace.snackbar( 'The email was sent.' );
		await expect( failed.locator( '.is-sent' ) ).toBeVisible();
		await expect(
			failed.getByRole( 'button', { name: 'Retry sending' } )
		).toHaveCount( 0 );
		await expect(
			failed.locator( '.switchboard-timeline__delivery-error' )
		).toHaveCount( 0 );

		const mails = received();
		expect( mails ).toHaveLength( 1 );
		expect( mails[ 0 ].envelope.auth ).toBe( SMTP_USER );
		expect( header( mails[ 0 ].raw, 'From' ) ).toContain( ADDRESS );
		expect( header( mails[ 0 ].raw, 'Content-Type' ) ).toMatch(
			/^multipart\/alternative/
		);
		expect( mails[ 0 ].raw ).toMatch( /^Content-Type: text\/plain/m );
		expect( mails[ 0 ].raw ).toMatch( /^Content-Type: text\/html/m );
	} );
} );
