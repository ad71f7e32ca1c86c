/**
 * Alice's support journey in the browser: My Account → Support (or, without WooCommerce, a page
 * holding the `switchboard/account` block) → a new request about one of HER orders and one of its items →
 * an agent's reply (sent over REST) appears, the agent's private note does not → she replies with
 * an attachment → the agent solves it → she rates it, and the agent sees the rating over REST.
 * Then bob tries alice's ticket, attachment and orders, and is refused everywhere.
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
	SupportScreens,
	browserAs,
	deletePage,
	fixture,
	publishPage,
	rest,
	unique,
	wooCommerceActive,
} from './pages/self-service';

test.use( { storageState: { cookies: [], origins: [] } } );
test.describe.configure( { mode: 'serial' } );

let admin: APIRequestContext;
let agent: APIRequestContext;
let woo = false;
let supportUrl = '';
let pageId = 0;

// What alice's journey leaves for bob's test.
const alice = {
	ticketId: 0,
	attachmentUrl: '',
	attachmentId: 0,
	orderId: 0,
	ticketUrl: '',
};

test.beforeAll( async () => {
	fixture( 'reset-limits' );
	admin = await loginContext( BASE, 'admin' );
	agent = await loginContext( BASE, 'agent' );
	woo = await wooCommerceActive( admin );
	if ( woo ) {
		supportUrl = `${ BASE }/my-account/support/`;
	} else {
		const created = await publishPage(
			admin,
			'Support (e2e)',
			// The block here; the shortcode in self-service-kb.spec.ts.
			'<!-- wp:switchboard/account /-->'
		);
		pageId = created.id;
		supportUrl = created.link;
	}
} );

test.afterAll( async () => {
	await deletePage( admin, pageId );
	await admin.dispose();
	await agent.dispose();
} );

test( 'alice: new request about her order → agent reply → her reply with a file → solved → rating', async ( {
	browser,
} ) => {
	const marker = unique();
	const context = await browserAs( browser, 'alice' );
	const page = await context.newPage();
	const screens = new SupportScreens( page, supportUrl );

	if ( woo ) {
		// The real My Account menu leads to the Support tab.
		await page.goto( `${ BASE }/my-account/` );
		await page
			.locator( '.woocommerce-MyAccount-navigation' )
			.getByRole( 'link', { name: 'Support' } )
			.click();
		await expect( page ).toHaveURL( /\/my-account\/support\/?$/ );
	} else {
		await page.goto( supportUrl );
	}
	await page.getByRole( 'link', { name: 'New request' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'New request' } )
	).toBeVisible();

	let itemName = '';
	let productName = '';
	let orderLabel = '';
	const orderSelect = page.getByLabel( 'Which order is it about?' );
	if ( woo ) {
		// Only her own orders are offered; pick the first one and one of its items.
		const own = await (
			await agent.get(
				rest( `/customers/${ await customerOf( 'alice' ) }/orders` )
			)
		).json();
		const ownIds: number[] = ( own.orders ?? own ).map(
			( o: { id: number } ) => o.id
		);
		const offered = (
			await orderSelect
				.locator( 'option' )
				.evaluateAll( ( options ) =>
					options.map( ( o ) =>
						Number( ( o as HTMLOptionElement ).value )
					)
				)
		).filter( ( id ) => id > 0 );
		expect( offered.length ).toBeGreaterThan( 0 );
		expect( ownIds ).toEqual( expect.arrayContaining( offered ) );

		alice.orderId = offered[ 0 ];
		await orderSelect.selectOption( String( alice.orderId ) );
		orderLabel = (
			await orderSelect.locator( 'option:checked' ).innerText()
		).trim();
		const itemSelect = page.getByLabel( 'Which item? (optional)' );
		await expect( itemSelect ).toBeEnabled();
		// Only the chosen order's lines are offered.
		const group = itemSelect.locator(
			`optgroup[data-order="${ alice.orderId }"]`
		);
		const lines = await group.locator( 'option' ).allInnerTexts();
		expect( lines.length ).toBeGreaterThan( 0 );
		itemName = lines[ 0 ].trim();
		// "Mug ×2" in the list; the ticket names the product.
		productName = itemName.replace( / ×\d+$/, '' );
		await itemSelect.selectOption( { label: itemName } );
		await expect(
			itemSelect.locator( 'optgroup:not([hidden])' )
		).toHaveCount( 1 );
	} else {
		await expect( orderSelect ).toHaveCount( 0 );
		// eslint-disable-next-line no-console
		console.log(
			'skipped: WooCommerce not installed (order and item picker, order link, bob and her orders)'
		);
	}

	const subject = `Where is my parcel ${ marker }`;
	await page.getByLabel( 'Subject' ).fill( subject );
	await page
		.getByLabel( 'Message' )
		.fill( `It has been a week. ${ marker }` );
	await page.getByRole( 'button', { name: 'Send request' } ).click();

	await expect( screens.notice( 'Your request was sent.' ) ).toBeVisible();
	await expect(
		page.locator( '.switchboard-account__subject' )
	).toContainText( subject );
	alice.ticketId = await screens.ticketId();
	alice.ticketUrl = page.url();
	expect( alice.ticketId ).toBeGreaterThan( 0 );

	const asAgent = await (
		await agent.get( rest( `/tickets/${ alice.ticketId }` ) )
	).json();
	expect( asAgent.channel ).toBe( 'account' );
	if ( woo ) {
		await expect(
			page.locator( '.switchboard-account__meta' )
		).toContainText( orderLabel.split( ' · ' )[ 0 ] );
		await expect( page.locator( '.switchboard-account__item' ) ).toHaveText(
			`About: ${ productName }`
		);
		expect( asAgent.order_id ).toBe( alice.orderId );
		expect( asAgent.order_item?.name ).toBe( productName );
	} else {
		expect( asAgent.order_id ).toBe( 0 );
	}

	// The list shows it with its status and channel.
	await screens.openList();
	const row = page.locator( `tr[data-ticket="${ alice.ticketId }"]` );
	await expect( row ).toContainText( subject );
	await expect( row ).toContainText( 'My account' );

	// Agent answers publicly and leaves a private note.
	const publicReply = `We are checking with the carrier ${ marker }`;
	const privateNote = `Internal: carrier is slow again ${ marker }`;
	expect(
		(
			await agent.post( rest( `/tickets/${ alice.ticketId }/messages` ), {
				data: { body: publicReply },
			} )
		).status()
	).toBe( 201 );
	expect(
		(
			await agent.post( rest( `/tickets/${ alice.ticketId }/messages` ), {
				data: { body: privateNote, is_private: true },
			} )
		).status()
	).toBe( 201 );

	await row.getByRole( 'link' ).click();
	await expect( screens.thread ).toContainText( publicReply );
	await expect( screens.thread ).not.toContainText( 'carrier is slow' );
	await expect( page.locator( 'body' ) ).not.toContainText(
		'carrier is slow'
	);

	// She replies with an attachment.
	await page.getByLabel( 'Your reply' ).fill( `Thank you! ${ marker }` );
	await page.getByLabel( 'Attachments (optional)' ).setInputFiles( {
		name: `receipt-${ marker }.txt`,
		mimeType: 'text/plain',
		buffer: Buffer.from( `receipt ${ marker }` ),
	} );
	await page.getByRole( 'button', { name: 'Send reply' } ).click();
	await expect( screens.notice( 'Your reply was sent.' ) ).toBeVisible();
	const file = screens.thread.getByRole( 'link', {
		name: `receipt-${ marker }.txt`,
	} );
	await expect( file ).toBeVisible();
	alice.attachmentUrl = ( await file.getAttribute( 'href' ) ) ?? '';
	alice.attachmentId = Number(
		alice.attachmentUrl.match( /attachments\/(\d+)/ )?.[ 1 ] ?? 0
	);
	expect( alice.attachmentId ).toBeGreaterThan( 0 );
	// Her own link downloads the file.
	const download = await page.request.get( alice.attachmentUrl );
	expect( download.status() ).toBe( 200 );
	expect( await download.text() ).toBe( `receipt ${ marker }` );

	// No rating form before the ticket is solved.
	await expect( page.getByText( 'How did we do?' ) ).toHaveCount( 0 );
	const solved = await agent.put( rest( `/tickets/${ alice.ticketId }` ), {
		data: { status: 'solved' },
	} );
	expect( solved.status(), await solved.text() ).toBe( 200 );

	await page.reload();
	const rating = page.locator( '#switchboard-rate' );
	await expect( rating.getByText( 'How did we do?' ) ).toBeVisible();
	await rating.getByLabel( '4 stars' ).check();
	await rating
		.getByLabel( 'Comment (optional)' )
		.fill( `Quick and kind ${ marker }` );
	await rating.getByRole( 'button', { name: 'Send rating' } ).click();
	await expect(
		screens.notice( 'Thank you for your rating!' )
	).toBeVisible();
	await expect(
		page.getByText( 'You rated this request 4 out of 5.' )
	).toBeVisible();
	await expect( page.locator( '#switchboard-rate' ) ).toHaveCount( 0 );

	const rated = await (
		await agent.get( rest( `/tickets/${ alice.ticketId }` ) )
	).json();
	expect( rated.rating ).toMatchObject( {
		score: 4,
		comment: `Quick and kind ${ marker }`,
	} );

	await context.close();
} );

test( 'alice: a ticket she started by email with her address is in her list', async ( {
	browser,
} ) => {
	const marker = unique();
	const imported = JSON.parse(
		fixture(
			'email-ticket',
			'alice@example.com',
			`Sent by mail ${ marker }`
		)
	);
	expect( imported.ticket_id ).toBeGreaterThan( 0 );

	const context = await browserAs( browser, 'alice' );
	const page = await context.newPage();
	const screens = new SupportScreens( page, supportUrl );
	await screens.openList();
	const row = page.locator( `tr[data-ticket="${ imported.ticket_id }"]` );
	await expect( row ).toContainText( `Sent by mail ${ marker }` );
	await expect( row ).toContainText( 'E-mail' );
	await row.getByRole( 'link' ).click();
	await expect( screens.thread ).toContainText(
		'Sent by email, not from the account.'
	);
	await context.close();
} );

test( 'bob: alice’s ticket, attachment and orders are refused', async ( {
	browser,
} ) => {
	expect( alice.ticketId, 'the journey above ran' ).toBeGreaterThan( 0 );
	const context = await browserAs( browser, 'bob' );
	const page = await context.newPage();
	const screens = new SupportScreens( page, supportUrl );
	const bob = await loginContext( BASE, 'bob' );

	// The support screens: alice's ticket id in the URL.
	await screens.openTicket( alice.ticketId );
	await expect(
		page.getByText(
			'This ticket does not exist or the link is no longer valid.'
		)
	).toBeVisible();
	await expect( page.locator( '.switchboard-account__thread' ) ).toHaveCount(
		0
	);
	// Her exact URL (as she saw it after creating it).
	await page.goto( alice.ticketUrl );
	await expect( page.locator( 'body' ) ).not.toContainText(
		'Where is my parcel'
	);

	// Bob's list does not have it.
	await screens.openList();
	await expect(
		page.locator( `tr[data-ticket="${ alice.ticketId }"]` )
	).toHaveCount( 0 );

	// The customer REST routes answer 404, as for a ticket that does not exist.
	for ( const [ method, route, data ] of [
		[ 'get', `/me/tickets/${ alice.ticketId }`, undefined ],
		[ 'post', `/me/tickets/${ alice.ticketId }/messages`, { body: 'hi' } ],
		[ 'post', `/me/tickets/${ alice.ticketId }/rating`, { score: 1 } ],
	] as const ) {
		const response = await bob[ method ]( rest( route ), { data } );
		expect( response.status(), `${ method } ${ route }` ).toBe( 404 );
		expect( ( await response.json() ).code ).toBeTruthy();
	}
	const list = await ( await bob.get( rest( '/me/tickets' ) ) ).json();
	expect( list.map( ( t: { id: number } ) => t.id ) ).not.toContain(
		alice.ticketId
	);
	// The agent routes are not for customers.
	expect(
		( await bob.get( rest( `/tickets/${ alice.ticketId }` ) ) ).status()
	).toBe( 403 );

	// Her attachment: her own URL (her nonce) and the same file with bob's session.
	const hers = await page.request.get( alice.attachmentUrl );
	expect( [ 403, 404 ] ).toContain( hers.status() );
	expect( await hers.text() ).not.toContain( 'receipt' );
	const mine = await bob.get(
		rest( `/attachments/${ alice.attachmentId }` )
	);
	expect( [ 403, 404 ] ).toContain( mine.status() );
	expect( await mine.text() ).not.toContain( 'receipt' );

	if ( ! woo ) {
		// eslint-disable-next-line no-console
		console.log(
			'skipped: WooCommerce not installed (bob and alice’s orders)'
		);
	} else {
		// Her order is not offered to bob, cannot be attached to his ticket, and WooCommerce
		// does not show it to him.
		await page.goto( `${ supportUrl }?sb_view=new` );
		await expect(
			page.locator(
				`select[name="order_id"] option[value="${ alice.orderId }"]`
			)
		).toHaveCount( 0 );
		const stolen = await bob.post( rest( '/me/tickets' ), {
			data: {
				subject: 'Not mine',
				body: 'Trying her order',
				order_id: alice.orderId,
			},
		} );
		expect( stolen.status() ).toBe( 400 );
		expect( ( await stolen.json() ).code ).toBe(
			'switchboard_invalid_order'
		);
		await page.goto(
			`${ BASE }/my-account/view-order/${ alice.orderId }/`
		);
		await expect(
			page.locator( '.woocommerce-order-details' )
		).toHaveCount( 0 );
		await expect( page.locator( 'body' ) ).toContainText( 'Invalid order' );
		// The agent's order route is not for customers either.
		expect(
			(
				await bob.get(
					rest( `/customers/${ await customerOf( 'alice' ) }/orders` )
				)
			).status()
		).toBe( 403 );
	}
	await bob.dispose();
	await context.close();
} );

/**
 * The customer id of a demo user, as the agent sees it.
 *
 * @param login User login.
 */
async function customerOf( login: string ): Promise< number > {
	const found = await (
		await agent.get( rest( `/customers?search=${ login }@example.com` ) )
	).json();
	const id = ( found.customers ?? found )[ 0 ]?.id ?? 0;
	expect( id, `customer of ${ login }` ).toBeGreaterThan( 0 );
	return id;
}
