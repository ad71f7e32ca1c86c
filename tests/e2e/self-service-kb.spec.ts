/**
 * Self-service before a ticket: suggestions while typing a subject (contact form and My Account
 * new request; debounced, opening one is recorded as a deflection), the FAQ shortcode and block
 * (accordion with keyboard and accessibility state, FAQPage JSON-LD), and the help center search
 * in English and Japanese.
 */

/**
 * External dependencies
 */
import {
	test,
	expect,
	type APIRequestContext,
	type Page,
	type Request,
} from '@playwright/test';

/**
 * Internal dependencies
 */
import { loginContext } from '../api/fixtures';
import {
	BASE,
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

const RUN = unique();
let admin: APIRequestContext;
let agent: APIRequestContext;
const articles: number[] = [];
const pages: number[] = [];
let categoryId = 0;
const CATEGORY = `faq-e2e-${ RUN }`;
const word = `zorbulate${ RUN.replace( /[^a-z]/g, '' ) }`;

const returnsTitle = `Returns policy ${ word }`;
const shippingTitle = `How long does shipping take ${ word }`;
const japaneseTitle = `返品ポリシー ${ RUN }`;

async function article(
	data: Record< string, unknown >
): Promise< { id: number; link: string } > {
	const response = await admin.post(
		`${ BASE }/wp-json/wp/v2/switchboard-articles`,
		{ data: { status: 'publish', ...data } }
	);
	const body = await response.json();
	expect( response.status(), JSON.stringify( body ) ).toBe( 201 );
	articles.push( body.id );
	return { id: body.id, link: body.link };
}

async function summary(): Promise< {
	opened: number;
	deflected: number;
	submitted: number;
} > {
	return (
		await agent.get( rest( '/kb/deflections/summary?days=1' ) )
	).json();
}

test.beforeAll( async () => {
	fixture( 'reset-limits' );
	admin = await loginContext( BASE, 'admin' );
	agent = await loginContext( BASE, 'agent' );
	const category = await admin.post(
		`${ BASE }/wp-json/wp/v2/switchboard-kb-categories`,
		{ data: { name: `FAQ e2e ${ RUN }`, slug: CATEGORY } }
	);
	expect( category.status(), await category.text() ).toBe( 201 );
	categoryId = ( await category.json() ).id;
	await article( {
		title: returnsTitle,
		content: `<!-- wp:paragraph --><p>You can return anything within 30 days. ${ word }</p><!-- /wp:paragraph -->`,
		excerpt: 'Within 30 days, in the original packaging.',
		'switchboard-kb-categories': [ categoryId ],
		menu_order: 1,
	} );
	await article( {
		title: shippingTitle,
		content: `<!-- wp:paragraph --><p>Two to four working days. ${ word }</p><!-- /wp:paragraph -->`,
		excerpt: 'Two to four working days <strong>within Japan</strong>.',
		'switchboard-kb-categories': [ categoryId ],
		menu_order: 2,
	} );
	await article( {
		title: japaneseTitle,
		content:
			'<!-- wp:paragraph --><p>商品到着後30日以内であれば返品できます。</p><!-- /wp:paragraph -->',
	} );
} );

test.afterAll( async () => {
	for ( const id of articles ) {
		await admin.delete(
			`${ BASE }/wp-json/wp/v2/switchboard-articles/${ id }?force=true`
		);
	}
	if ( categoryId ) {
		await admin.delete(
			`${ BASE }/wp-json/wp/v2/switchboard-kb-categories/${ categoryId }?force=true`
		);
	}
	for ( const id of pages ) {
		await deletePage( admin, id );
	}
	await admin.dispose();
	await agent.dispose();
} );

/**
 * Types `text` key by key and returns the suggestion searches the page sent meanwhile.
 *
 * @param page  Page.
 * @param text  Text.
 * @param label Label of the field.
 */
async function typeAndCollect(
	page: Page,
	text: string,
	label: string
): Promise< string[] > {
	const searches: string[] = [];
	const listener = ( request: Request ) => {
		const url = new URL( request.url() );
		const route =
			url.searchParams.get( 'rest_route' ) ??
			decodeURIComponent( url.pathname );
		if ( route.includes( '/switchboard/v1/kb/search' ) ) {
			searches.push( url.searchParams.get( 'q' ) ?? '' );
		}
	};
	page.on( 'request', listener );
	await page.getByLabel( label, { exact: true } ).pressSequentially( text, {
		delay: 40,
	} );
	await expect
		.poll( () => searches.length, { timeout: 5_000 } )
		.toBeGreaterThan( 0 );
	// Let a late debounce fire, if any.
	await page.waitForTimeout( 600 );
	page.off( 'request', listener );
	return searches;
}

test( 'contact form: suggestions while typing the subject, debounced; opening one is a deflection', async ( {
	page,
} ) => {
	const contact = await publishPage(
		admin,
		`Contact KB (e2e) ${ RUN }`,
		'<!-- wp:shortcode -->[switchboard_contact]<!-- /wp:shortcode -->'
	);
	pages.push( contact.id );
	const before = await summary();

	await page.goto( contact.link );
	const subject = `returns ${ word }`;
	const searches = await typeAndCollect( page, subject, 'Subject' );
	// One search after the typing pauses, not one per key.
	expect( searches.length ).toBeLessThan( subject.length / 3 );
	expect( searches[ searches.length - 1 ] ).toBe( subject );

	const suggestions = page.locator( '.switchboard-suggestions' );
	await expect( suggestions ).toBeVisible();
	await expect( suggestions ).toContainText(
		'These articles may answer your question:'
	);
	const link = suggestions.getByRole( 'link', { name: returnsTitle } );
	await expect( link ).toBeVisible();
	await expect( link ).toHaveAttribute( 'target', '_blank' );

	const recorded = page.waitForResponse(
		( r ) =>
			r.url().includes( 'kb%2Fdeflections' ) ||
			r.url().includes( 'kb/deflections' )
	);
	const popupPromise = page.waitForEvent( 'popup' );
	await link.click();
	const popup = await popupPromise;
	expect( ( await recorded ).status() ).toBe( 201 );
	await expect( popup.locator( 'h1' ) ).toContainText( returnsTitle );
	await popup.close();

	// Opened and not followed by a ticket: a deflection.
	const after = await summary();
	expect( after.opened ).toBe( before.opened + 1 );
	expect( after.deflected ).toBe( before.deflected + 1 );
	expect( after.submitted ).toBe( before.submitted );

	// Clearing the subject hides the list.
	await page.getByLabel( 'Subject', { exact: true } ).fill( '' );
	await page.getByLabel( 'Subject', { exact: true } ).press( 'Backspace' );
	await expect( suggestions ).toBeHidden();
} );

test( 'My Account new request: suggestions too; opened then submitted is not a deflection', async ( {
	browser,
} ) => {
	const woo = await wooCommerceActive( admin );
	let supportUrl = `${ BASE }/my-account/support/`;
	if ( ! woo ) {
		const created = await publishPage(
			admin,
			`Support KB (e2e) ${ RUN }`,
			'<!-- wp:shortcode -->[switchboard_account]<!-- /wp:shortcode -->'
		);
		pages.push( created.id );
		supportUrl = created.link;
	}
	const context = await browserAs( browser, 'alice' );
	const page = await context.newPage();
	await page.goto(
		`${ supportUrl }${ supportUrl.includes( '?' ) ? '&' : '?' }sb_view=new`
	);
	const before = await summary();

	const subject = `shipping ${ word }`;
	const searches = await typeAndCollect( page, subject, 'Subject' );
	expect( searches.length ).toBeLessThan( subject.length / 3 );
	const link = page
		.locator( '.switchboard-suggestions' )
		.getByRole( 'link', { name: shippingTitle } );
	await expect( link ).toBeVisible();
	const popupPromise = page.waitForEvent( 'popup' );
	const recorded = page.waitForResponse( ( r ) =>
		/kb(%2F|\/)deflections/.test( r.url() )
	);
	await link.click();
	await ( await popupPromise ).close();
	expect( ( await recorded ).status() ).toBe( 201 );

	await page
		.getByLabel( 'Message' )
		.fill( 'The article did not say anything about islands.' );
	await page.getByRole( 'button', { name: 'Send request' } ).click();
	await expect(
		page.getByText( 'Your request was sent.', { exact: false } )
	).toBeVisible();

	const after = await summary();
	expect( after.opened ).toBe( before.opened + 1 );
	expect( after.submitted ).toBe( before.submitted + 1 );
	expect( after.deflected ).toBe( before.deflected );
	await context.close();
} );

for ( const [ kind, content ] of [
	[
		'shortcode',
		`<!-- wp:shortcode -->[switchboard_faq category="${ CATEGORY }" style="accordion" search="yes"]<!-- /wp:shortcode -->`,
	],
	[
		'block',
		`<!-- wp:switchboard/faq {"category":"${ CATEGORY }","search":true} /-->`,
	],
] as const ) {
	test( `FAQ ${ kind }: accessible accordion, keyboard, filter, FAQPage JSON-LD`, async ( {
		page,
	} ) => {
		const created = await publishPage(
			admin,
			`FAQ ${ kind } (e2e) ${ RUN }`,
			content
		);
		pages.push( created.id );
		await page.goto( created.link );

		const faq = page.locator( '[data-switchboard-faq]' );
		const items = faq.locator( '.switchboard-faq__item' );
		await expect( items ).toHaveCount( 2 );
		const questions = faq.locator( '.switchboard-faq__question' );
		await expect( questions ).toHaveText( [ returnsTitle, shippingTitle ] );

		// Collapsed: the answers are not shown.
		const first = items.nth( 0 );
		const answer = first.locator( '.switchboard-faq__answer' );
		await expect( answer ).toBeHidden();
		expect( await expanded( page, returnsTitle ) ).toBe( false );

		// Keyboard: Tab reaches the question, Enter opens, Space closes.
		await page.locator( 'body' ).click( { position: { x: 1, y: 1 } } );
		let reached = false;
		for ( let i = 0; i < 60 && ! reached; i++ ) {
			await page.keyboard.press( 'Tab' );
			reached = await questions
				.nth( 0 )
				.evaluate( ( el ) => el === el.ownerDocument.activeElement );
		}
		expect( reached, 'Tab reaches the first question' ).toBe( true );
		await page.keyboard.press( 'Enter' );
		await expect( answer ).toBeVisible();
		await expect( answer ).toContainText( 'Within 30 days' );
		expect( await expanded( page, returnsTitle ) ).toBe( true );
		await page.keyboard.press( 'Space' );
		await expect( answer ).toBeHidden();
		expect( await expanded( page, returnsTitle ) ).toBe( false );

		// The filter box narrows the questions.
		const filter = faq.getByLabel( 'Search these questions' );
		await filter.fill( 'shipping' );
		await expect( items.nth( 0 ) ).toBeHidden();
		await expect( items.nth( 1 ) ).toBeVisible();
		await expect( faq.getByRole( 'status' ) ).toHaveText(
			'1 question matches.'
		);
		await filter.fill( '' );
		await expect( items.nth( 0 ) ).toBeVisible();

		// FAQPage structured data with every question and its answer.
		const json = JSON.parse(
			( await faq
				.locator( 'script[type="application/ld+json"]' )
				.textContent() ) ?? '{}'
		);
		expect( json[ '@context' ] ).toBe( 'https://schema.org' );
		expect( json[ '@type' ] ).toBe( 'FAQPage' );
		expect(
			json.mainEntity.map( ( q: { name: string } ) => q.name )
		).toEqual( [ returnsTitle, shippingTitle ] );
		expect( json.mainEntity[ 1 ] ).toMatchObject( {
			'@type': 'Question',
			acceptedAnswer: { '@type': 'Answer' },
		} );
		expect( json.mainEntity[ 1 ].acceptedAnswer.text ).toContain(
			'<strong>within Japan</strong>'
		);
	} );
}

test( 'help center search from the KB page: English and Japanese (返品 finds 返品ポリシー)', async ( {
	page,
} ) => {
	await page.goto( `${ BASE }/help/` );
	const box = page.getByLabel( 'Search the help center' );
	await expect( box ).toBeVisible();

	// Live results while typing.
	await box.pressSequentially( '返品', { delay: 40 } );
	const live = page.locator( '.switchboard-kb-search__results' );
	await expect(
		live.getByRole( 'link', { name: japaneseTitle } )
	).toBeVisible();

	// The search results page (the form submits to the site search, run on our index).
	await box.press( 'Enter' );
	await expect( page ).toHaveURL( /[?&]s=/ );
	await expect(
		page.getByRole( 'link', { name: japaneseTitle } ).first()
	).toBeVisible();
	await expect(
		page.getByRole( 'link', { name: returnsTitle } )
	).toHaveCount( 0 );

	await page.goto( `${ BASE }/help/` );
	await page
		.getByLabel( 'Search the help center' )
		.fill( `returns ${ word }` );
	await page.getByLabel( 'Search the help center' ).press( 'Enter' );
	await expect(
		page.getByRole( 'link', { name: returnsTitle } ).first()
	).toBeVisible();
	await expect(
		page.getByRole( 'link', { name: japaneseTitle } )
	).toHaveCount( 0 );
	await expect(
		page.getByRole( 'link', { name: shippingTitle } )
	).toHaveCount( 0 );
} );

test( '"Was this article helpful?": a vote per visitor, changeable, counted; views counted', async ( {
	page,
	browser,
} ) => {
	const voted = await article( {
		title: `Gift wrapping ${ word }`,
		content:
			'<!-- wp:paragraph --><p>We wrap gifts for free.</p><!-- /wp:paragraph -->',
	} );
	const stats = page.locator( '.switchboard-kb-helpful__stats' );
	const widget = page.locator( '[data-switchboard-helpful]' );

	await page.goto( voted.link );
	await expect(
		widget.getByText( 'Was this article helpful?' )
	).toBeVisible();
	await expect( stats ).toHaveText(
		'0 people found this helpful · viewed 1 times'
	);
	const yes = widget.getByRole( 'button', { name: 'Yes' } );
	const no = widget.getByRole( 'button', { name: 'No' } );
	await yes.click();
	await expect( widget.getByRole( 'status' ) ).toHaveText(
		'Thanks! Glad it helped.'
	);
	await expect( yes ).toHaveAttribute( 'aria-pressed', 'true' );
	await expect( no ).toHaveAttribute( 'aria-pressed', 'false' );

	await page.reload();
	await expect( stats ).toHaveText(
		'1 person found this helpful · viewed 2 times'
	);
	// Voting again changes the vote instead of adding one.
	await widget.getByRole( 'button', { name: 'No' } ).click();
	await expect( widget.getByRole( 'status' ) ).toHaveText(
		'Thanks for telling us. We will improve this article.'
	);
	await expect(
		widget.getByRole( 'button', { name: 'No' } )
	).toHaveAttribute( 'aria-pressed', 'true' );
	await page.reload();
	await expect( stats ).toHaveText(
		'0 people found this helpful · viewed 3 times'
	);

	// Another visitor (alice, logged in) has a vote of her own.
	const context = await browserAs( browser, 'alice' );
	const alicePage = await context.newPage();
	await alicePage.goto( voted.link );
	await alicePage
		.locator( '[data-switchboard-helpful]' )
		.getByRole( 'button', { name: 'Yes' } )
		.click();
	await expect(
		alicePage.locator( '[data-switchboard-helpful]' ).getByRole( 'status' )
	).toHaveText( 'Thanks! Glad it helped.' );
	await context.close();
	await page.reload();
	await expect( stats ).toHaveText(
		'1 person found this helpful · viewed 5 times'
	);
} );

test( 'agent: internal articles are searchable from the composer and inserted as a link', async ( {
	browser,
} ) => {
	const internal = await article( {
		title: `Chargeback playbook ${ word }`,
		content:
			'<!-- wp:paragraph --><p>Only for the team.</p><!-- /wp:paragraph -->',
		meta: { _switchboard_internal: true },
	} );
	const [ ticket ] = await (
		await agent.get( rest( '/tickets?per_page=1&view=all' ) )
	).json();
	expect( ticket?.id, 'a ticket to answer' ).toBeGreaterThan( 0 );

	const context = await browserAs( browser, 'agent' );
	const page = await context.newPage();
	await page.goto(
		`/wp-admin/admin.php?page=switchboard&ticket=${ ticket.id }`
	);
	const composer = page.locator( '.switchboard-composer' );
	await composer.getByRole( 'button', { name: 'Help articles' } ).click();
	await page
		.getByRole( 'searchbox', { name: 'Search help articles' } )
		.fill( `chargeback ${ word }` );
	const item = page.getByRole( 'menuitem', {
		name: new RegExp( `Chargeback playbook ${ word }` ),
	} );
	await expect( item ).toBeVisible();
	await expect( item ).toContainText( 'Internal' );
	await item.click();
	await expect( composer.locator( 'textarea' ) ).toHaveValue(
		new RegExp(
			`Chargeback playbook ${ word }: ${ internal.link.replace(
				/[.?]/g,
				'\\$&'
			) }`
		)
	);

	// A customer searching the same words (asking for internal ones too) never gets it.
	const alice = await loginContext( BASE, 'alice' );
	const found = await (
		await alice.get(
			`${ rest( '/kb/search' ) }?q=${ encodeURIComponent(
				`chargeback ${ word }`
			) }&include_internal=true`
		)
	).json();
	expect( found.map( ( a: { id: number } ) => a.id ) ).not.toContain(
		internal.id
	);
	await alice.dispose();
	await context.close();
} );

test( 'admin: searches that found nothing are listed as missing articles', async ( {
	page,
	browser,
} ) => {
	const nothing = `frobnicator${ word }`;
	await page.goto( `${ BASE }/help/` );
	const box = page.getByLabel( 'Search the help center' );
	await box.fill( nothing );
	await box.press( 'Enter' );
	await expect( page ).toHaveURL( /[?&]s=/ );

	const context = await browserAs( browser, 'admin' );
	const adminPage = await context.newPage();
	await adminPage.goto(
		'/wp-admin/admin.php?page=switchboard&screen=settings&tab=kb'
	);
	const panel = adminPage.getByRole( 'tabpanel', { name: 'Knowledge base' } );
	await expect(
		panel.getByText( /visits opened a suggested article/ )
	).toBeVisible();
	const row = panel.locator( 'tr', { hasText: nothing } );
	await expect( row ).toContainText( '1 time' );
	await expect(
		row.getByRole( 'link', { name: 'Write an article' } )
	).toHaveAttribute( 'href', new RegExp( `post_title=${ nothing }` ) );
	await row.getByRole( 'button', { name: `Dismiss “${ nothing }”` } ).click();
	await expect( row ).toHaveCount( 0 );
	const left = await (
		await agent.get( rest( '/kb/missing?per_page=100' ) )
	).json();
	expect( left.map( ( m: { query: string } ) => m.query ) ).not.toContain(
		nothing
	);
	await context.close();
} );

/**
 * The expanded state Chromium's accessibility tree reports for the disclosure named `name`.
 *
 * @param page Page.
 * @param name Accessible name (the question).
 */
async function expanded( page: Page, name: string ): Promise< boolean | null > {
	const cdp = await page.context().newCDPSession( page );
	try {
		const { nodes } = await cdp.send( 'Accessibility.getFullAXTree' );
		const node = nodes.find(
			( n ) =>
				n.name?.value === name &&
				( n.properties ?? [] ).some( ( p ) => p.name === 'expanded' )
		);
		const property = node?.properties?.find(
			( p ) => p.name === 'expanded'
		);
		return property ? Boolean( property.value.value ) : null;
	} finally {
		await cdp.detach();
	}
}
