/**
 * An agent runs a ticket from the workspace: inbox → filter to a channel → open the ticket →
 * reply with a canned response (order placeholders filled when WooCommerce is active) → private
 * note → assign to the admin → pending (the count changes) → open the customer's order; the admin,
 * in a second browser context, sees that the agent is on the ticket. Screenshots of the inbox and
 * the ticket view go to artifacts/screenshots/ for the README.
 */

/**
 * External dependencies
 */
import path from 'node:path';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { WorkspacePage } from './pages/workspace-page';

const SCREENSHOTS = path.join(
	__dirname,
	'..',
	'..',
	'artifacts',
	'screenshots'
);
const RUN = Date.now().toString( 36 );
const SUBJECT = `My mug arrived broken ${ RUN }`;
const NS = '/switchboard/v1';

interface Setup {
	ticketId: number;
	orderId: number;
	orderNumber: string;
	productName: string;
	woocommerce: boolean;
	adminName: string;
	cannedTitle: string;
}

test.describe( 'Agent workspace', () => {
	// The agent logs in through the form; the admin context uses the saved admin state.
	test.use( { storageState: { cookies: [], origins: [] } } );

	let setup: Setup;

	test.beforeAll( async ( { requestUtils } ) => {
		const rest = < T >( options: {
			path: string;
			method?: string;
			data?: Record< string, unknown >;
		} ) => requestUtils.rest< T >( options );
		const overview = await rest< { woocommerce_active: boolean } >( {
			path: `${ NS }/overview`,
		} );
		const woocommerce = overview.woocommerce_active;
		const email = `mia-${ RUN }@example.com`;

		let orderId = 0;
		let orderNumber = '';
		let productName = '';
		if ( woocommerce ) {
			const [ product ] = await rest<
				Array< { id: number; name: string } >
			>( {
				path: '/wc/v3/products?per_page=1&orderby=id&order=asc',
			} );
			productName = product.name;
			const order = await rest< { id: number; number: string } >( {
				path: '/wc/v3/orders',
				method: 'POST',
				data: {
					status: 'processing',
					billing: { first_name: 'Mia', last_name: 'Mugs', email },
					line_items: [ { product_id: product.id, quantity: 2 } ],
					meta_data: [
						{
							key: '_tracking_number',
							value: `1Z${ RUN.toUpperCase() }`,
						},
					],
				},
			} );
			orderId = order.id;
			orderNumber = String( order.number );
		} else {
			// eslint-disable-next-line no-console
			console.log(
				'skipped: WooCommerce not installed (order placeholders and the order link are not checked)'
			);
		}

		const cannedTitle = `Broken item ${ RUN }`;
		await rest( {
			path: `${ NS }/canned-responses`,
			method: 'POST',
			data: {
				title: cannedTitle,
				shared: true,
				body: woocommerce
					? 'Hi {customer.first_name}, sorry about order {order.number} ({order.status}). A replacement is on its way.'
					: 'Hi {customer.first_name}, sorry about that. A replacement is on its way.',
			},
		} );

		const ticket = await rest< { id: number } >( {
			path: `${ NS }/tickets`,
			method: 'POST',
			data: {
				subject: SUBJECT,
				channel: 'email',
				status: 'open',
				customer: { name: 'Mia Mugs', email },
				message: {
					body: '<p>The mug was in pieces when it arrived.</p>',
				},
				...( orderId ? { order_id: orderId } : {} ),
			},
		} );

		const agents = await rest< Array< { name: string; login: string } > >( {
			path: `${ NS }/agents`,
		} );
		const adminName =
			agents.find( ( a ) => a.login === 'admin' )?.name ?? 'admin';

		setup = {
			ticketId: ticket.id,
			orderId,
			orderNumber,
			productName,
			woocommerce,
			adminName,
			cannedTitle,
		};
	} );

	test( 'an agent answers a ticket while the admin sees the collision', async ( {
		page,
		browser,
	} ) => {
		// Two browser contexts and a dozen steps: on two busy cores this takes most of a minute.
		test.setTimeout( 120_000 );
		const workspace = new WorkspacePage( page );
		await workspace.login( 'agent' );

		// Inbox.
		await workspace.open( '&view=all' );
		await expect(
			workspace.root.getByText( 'Signed in as Agnes Agent' )
		).toBeVisible();
		await expect( workspace.ticketRow( SUBJECT ) ).toBeVisible();
		await page.screenshot( {
			path: path.join( SCREENSHOTS, 'inbox.png' ),
			fullPage: true,
		} );

		// Filter to the email channel: the URL says so, and the ticket is still there.
		await workspace.filter( 'Channel', 'email' );
		await expect( page ).toHaveURL( /channel=email/ );
		await expect( workspace.ticketRow( SUBJECT ) ).toBeVisible();
		for ( const row of await workspace.ticketList
			.locator( 'tbody tr' )
			.all() ) {
			await expect(
				row.locator( '.switchboard-ticket-list__channel' )
			).toContainText( 'Email' );
		}
		const pendingBefore = await workspace.viewCount( 'pending' );

		// Open the ticket.
		await workspace.ticketRow( SUBJECT ).getByRole( 'link' ).click();
		await expect( page ).toHaveURL(
			new RegExp( `ticket=${ setup.ticketId }` )
		);
		await expect(
			workspace.root.getByRole( 'heading', { name: SUBJECT } )
		).toBeVisible();
		await expect( workspace.timeline ).toContainText(
			'The mug was in pieces'
		);

		// The admin opens the same ticket in a second browser and sees the agent on it.
		const adminContext = await browser.newContext( {
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		const adminPage = await adminContext.newPage();
		const adminWorkspace = new WorkspacePage( adminPage );
		await adminWorkspace.open( `&ticket=${ setup.ticketId }` );
		await expect( adminWorkspace.presence ).toContainText(
			'Agnes Agent is viewing this ticket'
		);

		// Reply with the canned response; its placeholders are filled from Mia and her order.
		await workspace.composer
			.getByRole( 'button', { name: 'Canned responses' } )
			.click();
		await page
			.getByRole( 'searchbox', { name: 'Search canned responses' } )
			.fill( RUN );
		await page.getByRole( 'menuitem', { name: setup.cannedTitle } ).click();
		await expect( workspace.composerBox ).toHaveValue(
			/^Hi Mia, sorry about/
		);
		if ( setup.woocommerce ) {
			await expect( workspace.composerBox ).toHaveValue(
				new RegExp( `order ${ setup.orderNumber } \\(Processing\\)` )
			);
		}
		await expect( workspace.composerBox ).not.toHaveValue(
			/\{order\.|\{customer\./
		);

		// While the agent types, the admin sees "replying".
		await expect( adminWorkspace.presence ).toContainText(
			'Agnes Agent is replying',
			{ timeout: 20_000 }
		);

		await workspace.composer
			.getByRole( 'button', { name: 'Send reply' } )
			.click();
		await workspace.snackbar( 'Reply sent.' );
		await expect(
			workspace.timeline.getByRole( 'article', {
				name: /^Reply: Agnes Agent/,
			} )
		).toContainText( 'A replacement is on its way.' );

		// A private note, with a mention.
		await workspace.composer
			.getByRole( 'button', { name: 'Note' } )
			.click();
		await workspace.composerBox.fill(
			'Carrier damage — @admin can you file the claim?'
		);
		await page.keyboard.press( 'Control+Enter' );
		await workspace.snackbar( 'Note added.' );
		const note = workspace.timeline.getByRole( 'article', {
			name: /^Private note: Agnes Agent/,
		} );
		await expect( note ).toContainText( 'can you file the claim?' );
		await expect( note ).toHaveClass( /is-private/ );

		// Assign to the admin, then set pending: the Pending count goes up by one.
		await workspace.setControl( 'Assignee', setup.adminName );
		await expect( workspace.timeline ).toContainText(
			`assigned the ticket to ${ setup.adminName }`
		);
		await workspace.setControl( 'Status', 'Pending' );
		await expect( workspace.timeline ).toContainText(
			'changed the status from Open to Pending'
		);
		await expect
			.poll( () => workspace.viewCount( 'pending' ) )
			.toBe( pendingBefore + 1 );

		await page.screenshot( {
			path: path.join( SCREENSHOTS, 'ticket.png' ),
			fullPage: true,
		} );

		// The customer's order, highlighted, opens the WooCommerce order screen.
		const orders = workspace.details.locator( '.switchboard-orders' );
		if ( setup.woocommerce ) {
			const linked = orders.locator(
				`.switchboard-orders__order[data-order-id="${ setup.orderId }"]`
			);
			await expect( linked ).toHaveClass( /is-linked/ );
			await expect( linked ).toContainText(
				`2 × ${ setup.productName }`
			);
			const [ orderPage ] = await Promise.all( [
				page.context().waitForEvent( 'page' ),
				linked
					.getByRole( 'link', {
						name: `Order #${ setup.orderNumber }`,
					} )
					.click(),
			] );
			await orderPage.waitForLoadState();
			await expect( orderPage ).toHaveURL(
				new RegExp( `(post=|id=)${ setup.orderId }\\b` )
			);
			await orderPage.close();
		} else {
			await expect( orders ).toHaveCount( 0 );
		}

		// Back/forward work: Escape goes back to the filtered inbox, the browser's back reopens the ticket.
		await page.locator( 'body' ).click( { position: { x: 5, y: 5 } } );
		await page.keyboard.press( 'Escape' );
		await expect( page ).toHaveURL( /channel=email(?!.*ticket=)/ );
		await page.goBack();
		await expect( page ).toHaveURL(
			new RegExp( `ticket=${ setup.ticketId }` )
		);

		await adminContext.close();
	} );

	test( 'keyboard: j/k move, Enter opens, ? shows the shortcuts', async ( {
		page,
	} ) => {
		const workspace = new WorkspacePage( page );
		await workspace.login( 'agent' );
		await workspace.open( '&view=all' );
		await expect( workspace.ticketList ).toBeVisible();

		await page.keyboard.press( '?' );
		await expect(
			page.getByRole( 'dialog', { name: 'Keyboard shortcuts' } )
		).toBeVisible();
		await page.keyboard.press( 'Escape' );
		await expect(
			page.getByRole( 'dialog', { name: 'Keyboard shortcuts' } )
		).toBeHidden();

		const rows = workspace.ticketList.locator( 'tbody tr' );
		await expect( rows.first() ).toHaveClass( /is-active/ );
		if ( ( await rows.count() ) > 1 ) {
			await page.keyboard.press( 'j' );
			await expect( rows.nth( 1 ) ).toHaveClass( /is-active/ );
			await page.keyboard.press( 'k' );
			await expect( rows.first() ).toHaveClass( /is-active/ );
		}
		const id = await rows.first().getAttribute( 'data-ticket-id' );
		await page.keyboard.press( 'Enter' );
		await expect( page ).toHaveURL( new RegExp( `ticket=${ id }` ) );

		await expect( workspace.composerBox ).toBeVisible();
		await page.keyboard.press( 'n' );
		await expect( workspace.composerBox ).toBeFocused();
		await expect( workspace.composer ).toHaveClass( /is-note/ );
	} );
} );
