/**
 * A guest and the contact form in the browser: field errors shown next to each field, then
 * success; the confirmation email (caught by the SMTP sink) carries the signed link; the link
 * shows the ticket and takes a reply; a tampered link is refused.
 */

/**
 * External dependencies
 */
import { test, expect, type APIRequestContext } from '@playwright/test';

/**
 * Internal dependencies
 */
import { loginContext } from '../api/fixtures';
import {
	BASE,
	MAIL_DOMAIN,
	SupportScreens,
	deletePage,
	fixture,
	mailTo,
	publishPage,
	rest,
	startMailSink,
	unique,
	wooCommerceActive,
} from './pages/self-service';

test.use( { storageState: { cookies: [], origins: [] } } );

let admin: APIRequestContext;
let agent: APIRequestContext;
let contact = { id: 0, link: '' };

test.beforeAll( async () => {
	startMailSink();
	fixture( 'reset-limits' );
	admin = await loginContext( BASE, 'admin' );
	agent = await loginContext( BASE, 'agent' );
	contact = await publishPage(
		admin,
		'Contact (e2e)',
		'<!-- wp:shortcode -->[switchboard_contact]<!-- /wp:shortcode -->'
	);
} );

test.afterAll( async () => {
	await deletePage( admin, contact.id );
	await admin.dispose();
	await agent.dispose();
} );

test( 'guest: field errors, success, the signed link from the email, a reply, a tampered link', async ( {
	page,
} ) => {
	const marker = unique();
	const email = `gina-${ marker }@${ MAIL_DOMAIN }`;
	const woo = await wooCommerceActive( agent );

	await page.goto( contact.link );
	const form = page.locator( 'form[data-switchboard-contact]' );
	const field = ( name: string ) =>
		form.locator( `[data-field="${ name }"]` );
	const error = ( name: string ) =>
		field( name ).locator( '.switchboard-form__error' );
	const send = form.getByRole( 'button', { name: 'Send message' } );
	// The form refuses submissions faster than a person could type (signed render time).
	await page.waitForTimeout( 2100 );

	// 1. Everything empty: one message per required field, the first one focused.
	await send.click();
	await expect( error( 'name' ) ).toHaveText( 'Please enter your name.' );
	await expect( error( 'email' ) ).toHaveText(
		'Please enter a valid e-mail address.'
	);
	await expect( error( 'subject' ) ).toHaveText( 'Please enter a subject.' );
	await expect( error( 'message' ) ).toContainText(
		'Please describe your question'
	);
	await expect( form.getByLabel( 'Your name' ) ).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect( form.getByLabel( 'Your name' ) ).toBeFocused();
	await expect( form.locator( '.switchboard-form__notice' ) ).toHaveText(
		'Please correct the highlighted fields.'
	);

	// 2. An invalid address, a subject over the limit (a client that ignores maxlength) and,
	// with WooCommerce, an order number that is not one.
	await form.getByLabel( 'Your name' ).fill( 'Gina Guest' );
	await form.getByLabel( 'E-mail address' ).fill( 'gina-at-example' );
	const subjectInput = form.getByLabel( 'Subject', { exact: true } );
	await subjectInput.evaluate( ( el ) => el.removeAttribute( 'maxlength' ) );
	await subjectInput.fill( 'x'.repeat( 201 ) );
	await form
		.getByLabel( 'Message' )
		.fill( `My parcel has not arrived yet. ${ marker }` );
	if ( woo ) {
		await form.getByLabel( 'Order number (optional)' ).fill( '12 34!' );
	}
	await send.click();
	await expect( error( 'email' ) ).toHaveText(
		'Please enter a valid e-mail address.'
	);
	await expect( error( 'subject' ) ).toHaveText(
		'The subject is too long (200 characters at most).'
	);
	await expect( error( 'name' ) ).toHaveText( '' );
	await expect( error( 'message' ) ).toHaveText( '' );
	await expect( form.getByLabel( 'Your name' ) ).not.toHaveAttribute(
		'aria-invalid',
		'true'
	);
	if ( woo ) {
		await expect( error( 'order' ) ).toHaveText(
			'An order number has only letters, digits and dashes.'
		);

		// 3. A real order number, but not with this address: not linked, and said so.
		const orders = await (
			await admin.get( `${ BASE }/wp-json/wc/v3/orders?per_page=1` )
		).json();
		const someoneElses = String( orders[ 0 ]?.id ?? 1 );
		await form.getByLabel( 'E-mail address' ).fill( email );
		await subjectInput.fill( `Parcel not arrived ${ marker }` );
		await form.getByLabel( 'Order number (optional)' ).fill( someoneElses );
		await send.click();
		await expect( error( 'order' ) ).toContainText(
			'We could not find an order with this number for your e-mail address.'
		);
		await expect( error( 'email' ) ).toHaveText( '' );
		await form.getByLabel( 'Order number (optional)' ).fill( '' );
	} else {
		await expect(
			form.getByLabel( 'Order number (optional)' )
		).toHaveCount( 0 );
		// eslint-disable-next-line no-console
		console.log(
			'skipped: WooCommerce not installed (contact form order number checks)'
		);
	}

	// 4. Success.
	await form.getByLabel( 'E-mail address' ).fill( email );
	await subjectInput.fill( `Parcel not arrived ${ marker }` );
	await send.click();
	const success = page.locator( '.switchboard-contact__success' );
	await expect( success ).toBeVisible();
	await expect( success ).toContainText( 'We received your message' );
	await expect( success ).toBeFocused();
	await expect( form ).toBeHidden();

	// The email carries the signed link.
	const mail = await mailTo( email, marker );
	const link = mail.match(
		/https?:\/\/\S+?sb_ticket=(\d+)&sb_token=([a-f0-9]{32})/
	);
	expect( link, mail ).not.toBeNull();
	const [ url, ticketId, token ] = link as RegExpMatchArray;

	const asAgent = await (
		await agent.get( rest( `/tickets/${ ticketId }` ) )
	).json();
	expect( asAgent.subject ).toBe( `Parcel not arrived ${ marker }` );
	expect( asAgent.channel ).toBe( 'web' );
	// Typed without signing in: unverified for the agent until she answers from the link.
	expect( asAgent.unverified_sender ).toEqual( {
		email: email.toLowerCase(),
		via: 'contact_form',
	} );

	// The link opens the ticket without an account, and takes a reply.
	await page.goto( url );
	const screens = new SupportScreens( page, contact.link );
	await expect(
		page.locator( '.switchboard-account__subject' )
	).toContainText( `Parcel not arrived ${ marker }` );
	await expect( screens.thread ).toContainText(
		`My parcel has not arrived yet. ${ marker }`
	);
	await expect(
		page.getByRole( 'link', { name: '← All my requests' } )
	).toHaveCount( 0 );
	await page
		.getByLabel( 'Your reply' )
		.fill( `It is a birthday present. ${ marker }` );
	await page.getByRole( 'button', { name: 'Send reply' } ).click();
	await expect( screens.notice( 'Your reply was sent.' ) ).toBeVisible();
	await expect( screens.thread ).toContainText(
		`It is a birthday present. ${ marker }`
	);
	expect( page.url() ).toContain( `sb_token=${ token }` );
	const messages = await (
		await agent.get( rest( `/tickets/${ ticketId }/messages` ) )
	).json();
	expect(
		messages.map( ( m: { body_text: string } ) => m.body_text )
	).toContain( `It is a birthday present. ${ marker }` );
	const confirmed = await (
		await agent.get( rest( `/tickets/${ ticketId }` ) )
	).json();
	expect( confirmed.unverified_sender ).toBeNull();

	// The agent's answer reaches the guest by email, with a signed link to the same ticket (a
	// fresh one: links carry their expiry), and the earlier link still works too.
	const answer = `A new parcel left today ${ marker }`;
	expect(
		(
			await agent.post( rest( `/tickets/${ ticketId }/messages` ), {
				data: { body: answer },
			} )
		).status()
	).toBe( 201 );
	const replyMail = await mailTo( email, answer );
	const replyLink = replyMail.match(
		new RegExp(
			`https?://[^\\s"]+?sb_ticket=${ ticketId }&sb_token=[a-f0-9]{32}`
		)
	);
	expect( replyLink, replyMail ).not.toBeNull();
	await page.goto( ( replyLink as RegExpMatchArray )[ 0 ] );
	await expect( screens.thread ).toContainText( answer );
	await page.goto( url );
	await expect( screens.thread ).toContainText( answer );

	// Tampered links: another token, or the same token on another ticket.
	const refused =
		'This ticket does not exist or the link is no longer valid.';
	const flipped =
		token.slice( 0, -1 ) + ( token.endsWith( 'a' ) ? 'b' : 'a' );
	await page.goto( url.replace( token, flipped ) );
	await expect( page.getByText( refused ) ).toBeVisible();
	await expect( page.locator( 'body' ) ).not.toContainText( marker );
	await page.goto(
		url.replace(
			`sb_ticket=${ ticketId }`,
			`sb_ticket=${ Number( ticketId ) - 1 }`
		)
	);
	await expect( page.getByText( refused ) ).toBeVisible();
	const forged = await page.request.get(
		rest( `/me/tickets/${ ticketId }?token=${ flipped }` )
	);
	expect( forged.status() ).toBe( 404 );
} );

test.describe( 'without JavaScript', () => {
	test.use( { javaScriptEnabled: false } );

	test( 'the form posts, the browser gets a confirmation, only the mail carries the link', async ( {
		page,
	} ) => {
		const marker = unique();
		const email = `nojs-${ marker }@${ MAIL_DOMAIN }`;
		// The first test spent most of this address's per-IP allowance.
		fixture( 'reset-limits' );
		await page.goto( contact.link );
		const form = page.locator( 'form[data-switchboard-contact]' );
		await form.getByLabel( 'Your name' ).fill( 'Nora No-Script' );
		await form.getByLabel( 'E-mail address' ).fill( email );
		await form
			.getByLabel( 'Subject', { exact: true } )
			.fill( `Gift wrapping ${ marker }` );
		await form
			.getByLabel( 'Message' )
			.fill( `Can you wrap my order as a gift? ${ marker }` );
		// The signed render time refuses forms sent faster than a person types.
		await page.waitForTimeout( 2100 );
		await form.getByRole( 'button', { name: 'Send message' } ).click();

		// Whoever sent the form sees a confirmation, not the ticket.
		await page.waitForURL( /sb_sent=1/ );
		expect( page.url() ).not.toContain( 'sb_token' );
		await expect(
			page.locator( '.switchboard-contact__success' )
		).toContainText(
			'sent you an e-mail with a link to follow your request'
		);
		await expect( form ).toBeHidden();
		await expect( page.locator( 'body' ) ).not.toContainText(
			`Can you wrap my order as a gift? ${ marker }`
		);

		// The address gets the link, and the link shows the ticket.
		const mail = await mailTo( email, marker );
		const link = mail.match(
			/https?:\/\/\S+?sb_ticket=\d+&sb_token=[a-f0-9]{32}/
		);
		expect( link, mail ).not.toBeNull();
		await page.goto( ( link as RegExpMatchArray )[ 0 ] );
		await expect(
			page.locator( '.switchboard-account__subject' )
		).toContainText( `Gift wrapping ${ marker }` );
	} );
} );
