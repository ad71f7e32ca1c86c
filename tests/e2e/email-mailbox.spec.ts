/**
 * A store connects a real mailbox and runs its support by email from the Switchboard inbox.
 *
 * The admin adds a mailbox in Settings → Mailboxes pointing at the project's own Dovecot
 * (bin/lib-mail/dovecot.sh; a folder of its own per run), sees a wrong password refused with the
 * server's error, tests the connection, saves. A customer's mail is APPENDed into Dovecot; "Check
 * now" imports it; the ticket is in the inbox; the admin replies in the real composer; the test
 * site's mail goes to this runtime's SMTP sink (bin/lib-mail/smtp.sh, via the runtime mu-plugin)
 * and the captured reply carries the threading headers; the customer's answer to it threads onto
 * the same ticket. A message without a usable sender lands in the quarantine, where Retry and
 * Download work.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { request } from '@playwright/test';

/**
 * Internal dependencies
 */
import { WorkspacePage } from './pages/workspace-page';
import {
	IMAP_HOST,
	IMAP_PASSWORD,
	IMAP_PORT,
	IMAP_USER,
	header,
	imap,
	sinkMark,
	startMailServers,
	sunkMail,
} from './mail/servers';

const RUN = Date.now().toString( 36 );
const FOLDER = `e2e-${ RUN }`;
const ADDRESS = `help-${ RUN }@shop.test`;
const CUSTOMER = `nora-${ RUN }@example.com`;
const SUBJECT = `Parcel never arrived ${ RUN }`;
const CUSTOMER_MSGID = `<nora-${ RUN }@mail.example.com>`;
const BROKEN_SUBJECT = `Nobody sent this ${ RUN }`;
const NS = '/switchboard/v1';
// The ticket takes the mail's Date: "now", so the new ticket is on the inbox's first page
// whatever else the run created before it.
const NOW = new Date().toUTCString().replace( 'GMT', '+0000' );

const customerMail = [
	`From: Nora Buyer <${ CUSTOMER }>`,
	`To: Shop Support <${ ADDRESS }>`,
	`Subject: ${ SUBJECT }`,
	`Message-ID: ${ CUSTOMER_MSGID }`,
	`Date: ${ NOW }`,
	'MIME-Version: 1.0',
	'Content-Type: text/plain; charset=utf-8',
	'Content-Transfer-Encoding: 8bit',
	'',
	`My parcel (order 1042) never arrived. Can you check? ${ RUN }`,
	'',
].join( '\r\n' );

// No From, Sender or Reply-To: nobody to answer, so the importer quarantines it.
const brokenMail = [
	`To: ${ ADDRESS }`,
	`Subject: ${ BROKEN_SUBJECT }`,
	`Message-ID: <broken-${ RUN }@mail.example.com>`,
	'Date: Mon, 23 Nov 2026 08:01:00 +0000',
	'',
	'Who am I?',
	'',
].join( '\r\n' );

test.describe( 'Email channel with a real mailbox', () => {
	test.beforeAll( async () => {
		startMailServers();
		await imap( [ `CREATE "${ FOLDER }"` ] );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		// Leave no mailbox behind for the background poller of later runs.
		const mailboxes = await requestUtils.rest<
			Array< { id: number; address: string } >
		>( {
			path: `${ NS }/email/mailboxes`,
		} );
		for ( const mailbox of mailboxes.filter(
			( m ) => m.address === ADDRESS
		) ) {
			await requestUtils.rest( {
				path: `${ NS }/email/mailboxes/${ mailbox.id }`,
				method: 'DELETE',
			} );
		}
	} );

	test( 'connect, import, reply by email, thread the answer, quarantine', async ( {
		page,
		requestUtils,
	} ) => {
		const workspace = new WorkspacePage( page );
		await workspace.open( '&screen=settings&tab=mailboxes' );
		await workspace.root.getByRole( 'tab', { name: 'Mailboxes' } ).click();
		const settings = workspace.root.locator( '.switchboard-mailboxes' );

		// Add the mailbox; a wrong password is refused with the server's answer.
		await settings.getByRole( 'button', { name: 'Add mailbox' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add mailbox' } );
		await form.getByLabel( 'Email address' ).fill( ADDRESS );
		await form.getByLabel( 'Sender name' ).fill( 'Shop Support' );
		await form.getByLabel( 'IMAP host' ).fill( IMAP_HOST );
		await form.getByLabel( 'IMAP port' ).fill( String( IMAP_PORT ) );
		await form
			.getByLabel( 'IMAP security' )
			.selectOption( { label: 'None (local servers only)' } );
		await form.getByLabel( 'IMAP user' ).fill( IMAP_USER );
		await form.getByLabel( 'IMAP password' ).fill( 'not-the-password' );
		await form.getByLabel( 'Folder', { exact: true } ).fill( FOLDER );
		await form
			.getByLabel( 'Default tags' )
			.fill( `email-e2e, run-${ RUN }` );
		await form.getByRole( 'button', { name: 'Test connection' } ).click();
		// A generic answer: the server's own words go to the debug log only.
		await expect( form.getByRole( 'alert' ) ).toContainText(
			'Could not connect or log in; check the host, port and credentials.'
		);
		await expect( form.getByRole( 'alert' ) ).not.toContainText(
			/AUTHENTICATIONFAILED|Dovecot/i
		);

		await form.getByLabel( 'IMAP password' ).fill( IMAP_PASSWORD );
		await form.getByRole( 'button', { name: 'Test connection' } ).click();
		await expect( form.getByRole( 'status' ) ).toContainText(
			'Connection works'
		);
		await form.getByRole( 'button', { name: 'Save mailbox' } ).click();
		await expect( form ).toBeHidden();
		const row = settings.locator( `tr[data-mailbox="${ ADDRESS }"]` );
		await expect( row ).toContainText( `${ IMAP_HOST }:${ IMAP_PORT }` );
		await expect( row ).toContainText( FOLDER );

		// The password is stored, never echoed back.
		const listed = await requestUtils.rest<
			Array< Record< string, unknown > >
		>( {
			path: `${ NS }/email/mailboxes`,
		} );
		const saved = listed.find( ( m ) => m.address === ADDRESS );
		expect( saved?.imap_password_set ).toBe( true );
		expect( JSON.stringify( listed ) ).not.toContain( IMAP_PASSWORD + '"' );
		expect( saved ).not.toHaveProperty( 'imap_password' );

		// Editing without typing a password keeps the stored one (the test still logs in).
		await row.getByRole( 'button', { name: 'Edit' } ).click();
		const edit = page.getByRole( 'dialog', { name: 'Edit mailbox' } );
		await expect( edit.getByLabel( 'IMAP password' ) ).toHaveValue( '' );
		await expect( edit ).toContainText( 'A password is stored' );
		await edit.getByRole( 'button', { name: 'Test connection' } ).click();
		await expect( edit.getByRole( 'status' ) ).toContainText(
			'Connection works'
		);
		await edit.getByRole( 'button', { name: 'Cancel' } ).click();

		// The customer writes; a message nobody can answer arrives too.
		await imap( [
			{ append: FOLDER, message: customerMail },
			{ append: FOLDER, message: brokenMail },
		] );
		await row.getByRole( 'button', { name: 'Check now' } ).click();
		await workspace.snackbar( 'imported' );
		await expect( row ).not.toContainText( 'Last checked: never' );
		await expect( row ).not.toContainText( 'Last error' );

		// Quarantine: the broken message with its reason; retry and download work.
		const quarantine = settings.locator(
			'.switchboard-mailboxes__quarantine'
		);
		const broken = quarantine.locator( 'tr', { hasText: BROKEN_SUBJECT } );
		await expect( broken ).toContainText( 'no usable sender address' );
		await expect( broken ).toContainText( '1 attempt' );
		await broken.getByRole( 'button', { name: 'Retry' } ).click();
		// A warning that stays (not a snackbar): the message is still in quarantine.
		await expect( page.locator( '.switchboard-notices' ) ).toContainText(
			'Still quarantined: no usable sender address'
		);
		await expect( broken ).toContainText( '2 attempts' );
		const downloading = page.waitForEvent( 'download' );
		await broken.getByRole( 'button', { name: 'Download' } ).click();
		const download = await downloading;
		expect( download.suggestedFilename() ).toMatch( /^inbound-\d+\.eml$/ );
		const raw = await fs.readFile(
			( await download.path() ) as string,
			'utf8'
		);
		expect( raw ).toBe( brokenMail );

		// The customer's mail is a ticket in the inbox.
		await workspace.open( '&view=all' );
		await expect( workspace.ticketRow( SUBJECT ) ).toBeVisible();
		await workspace.ticketRow( SUBJECT ).getByRole( 'link' ).click();
		await expect(
			workspace.root.getByRole( 'heading', { name: SUBJECT } )
		).toBeVisible();
		await expect( workspace.timeline ).toContainText(
			'My parcel (order 1042) never arrived.'
		);
		const ticketId = Number(
			new URL( page.url() ).searchParams.get( 'ticket' )
		);
		expect( ticketId ).toBeGreaterThan( 0 );

		// The admin replies in the composer; the mail leaves through the SMTP sink.
		const mark = sinkMark();
		await workspace.composerBox.fill(
			`A new parcel is on its way, tracking follows. ${ RUN }`
		);
		await workspace.composer
			.getByRole( 'button', { name: 'Send reply' } )
			.click();
		await workspace.snackbar( 'Reply sent.' );
		let sent: ReturnType< typeof sunkMail >[ number ] | undefined;
		await expect
			.poll(
				() => {
					sent = sunkMail( mark ).find( ( m ) =>
						m.envelope.rcpt_to.some( ( to ) =>
							to.includes( CUSTOMER )
						)
					);
					return !! sent;
				},
				{ message: 'the reply reached the SMTP sink', timeout: 20_000 }
			)
			.toBe( true );
		const reply = ( sent as NonNullable< typeof sent > ).raw;
		expect( header( reply, 'To' ) ).toContain( CUSTOMER );
		expect( header( reply, 'From' ) ).toContain( ADDRESS );
		expect( header( reply, 'In-Reply-To' ) ).toBe( CUSTOMER_MSGID );
		expect( header( reply, 'References' ) ).toContain( CUSTOMER_MSGID );
		expect( header( reply, 'Subject' ) ).toMatch(
			new RegExp( `^Re: ${ SUBJECT } \\[#${ ticketId }-[0-9a-z]+\\]$` )
		);
		const [ local, domain ] = ADDRESS.split( '@' );
		const replyTo = header( reply, 'Reply-To' );
		expect( replyTo ).toMatch(
			new RegExp( `${ local }\\+${ ticketId }\\.[0-9a-z]+@${ domain }` )
		);
		const messageId = header( reply, 'Message-ID' );
		expect( messageId ).toMatch( /^<[^<>@\s]+@[^<>\s]+>$/ );
		expect( reply ).toContain( 'A new parcel is on its way' );
		await expect(
			workspace.timeline.locator(
				'.switchboard-timeline__delivery.is-sent'
			)
		).toHaveCount( 1 );

		// The customer answers (Gmail-style quote); it threads onto the same ticket.
		const answer = [
			`From: Nora Buyer <${ CUSTOMER }>`,
			`To: ${ replyTo.replace( /^.*<|>.*$/g, '' ) }`,
			`Subject: Re: ${ SUBJECT }`,
			`Message-ID: <nora-answer-${ RUN }@mail.example.com>`,
			`In-Reply-To: ${ messageId }`,
			`References: ${ CUSTOMER_MSGID } ${ messageId }`,
			'Date: Mon, 23 Nov 2026 09:00:00 +0000',
			'Content-Type: text/plain; charset=utf-8',
			'',
			`Thank you, got the tracking number. ${ RUN }`,
			'',
			`On Mon, Nov 23, 2026 at 8:30 AM Shop Support <${ ADDRESS }> wrote:`,
			'> A new parcel is on its way, tracking follows.',
			'',
		].join( '\r\n' );
		await imap( [ { append: FOLDER, message: answer } ] );
		await workspace.open( '&screen=settings&tab=mailboxes' );
		await workspace.root.getByRole( 'tab', { name: 'Mailboxes' } ).click();
		await row.getByRole( 'button', { name: 'Check now' } ).click();
		await workspace.snackbar( 'imported' );
		const tickets = await requestUtils.rest< Array< { id: number } > >( {
			path: `${ NS }/tickets`,
			params: { search: RUN, per_page: 20 },
		} );
		expect( tickets.map( ( t ) => t.id ) ).toEqual( [ ticketId ] );
		await workspace.open( `&ticket=${ ticketId }` );
		await expect( workspace.timeline ).toContainText(
			'Thank you, got the tracking number.'
		);
		// The quoted history is stripped from what the agent sees.
		await expect(
			workspace.timeline.getByRole( 'article' ).last()
		).not.toContainText( '> A new parcel' );
	} );

	test( 'a manager sets a webhook secret; a signed raw message becomes a ticket', async ( {
		page,
		requestUtils,
	} ) => {
		const secret = `e2e-${ RUN }-${ crypto
			.randomBytes( 6 )
			.toString( 'hex' ) }`;
		const workspace = new WorkspacePage( page );
		await workspace.open( '&screen=settings&tab=mailboxes' );
		await workspace.root.getByRole( 'tab', { name: 'Mailboxes' } ).click();
		const raw = workspace.root.locator( 'fieldset[data-provider="raw"]' );
		await expect( raw ).toContainText( '/email/inbound/raw' );
		await raw.getByLabel( 'Shared secret' ).fill( secret );
		await workspace.root
			.getByRole( 'button', { name: 'Save webhook credentials' } )
			.click();
		await workspace.snackbar( 'Webhook credentials saved.' );
		await expect( raw.locator( 'legend' ) ).toContainText( 'set up' );
		await expect( raw.getByLabel( 'Shared secret' ) ).toHaveValue( '' );

		const subject = `Webhook from the relay ${ RUN }`;
		const body = [
			`From: Rita Relay <rita-${ RUN }@example.com>`,
			'To: support@shop.test',
			`Subject: ${ subject }`,
			`Message-ID: <rita-${ RUN }@example.com>`,
			'',
			'Posted by our MTA.',
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
		const tickets = await requestUtils.rest< Array< { subject: string } > >(
			{
				path: `${ NS }/tickets`,
				params: { search: RUN, per_page: 20 },
			}
		);
		expect( tickets.map( ( t ) => t.subject ) ).toContain( subject );
	} );
} );
