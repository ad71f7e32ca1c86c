/**
 * The hostile-input corpus (tests/fixtures/hostile-input.json, 60 payloads) through every channel
 * that takes input — email through the MTA pipe and each inbound webhook (raw MIME, Mailgun,
 * Postmark, SendGrid), the contact form, My Account, chat, canned responses, help-article titles —
 * and then rendered where people read it: the agent SPA (inbox, every ticket, chat, canned
 * responses), My Account, the FAQ and help-center pages, and the mail the shop sends. In Chromium,
 * with alert/confirm/prompt/print trapped and dialogs recorded: nothing may run.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import {
	test,
	expect,
	request,
	type APIRequestContext,
	type Page,
} from '@playwright/test';

/**
 * Internal dependencies
 */
import { loginContext } from '../api/fixtures';
import {
	CORPUS,
	MARKUP,
	htmlBlob,
	hostileMail,
	pipeMail,
	textBlob,
	trapScripts,
} from './pages/hostile';
import {
	BASE,
	browserAs,
	deletePage,
	fixture,
	mailTo,
	publishPage,
	rest,
	startMailSink,
	wooCommerceActive,
} from './pages/self-service';

test.use( { storageState: { cookies: [], origins: [] } } );
test.describe.configure( { mode: 'serial' } );

const RUN = Date.now().toString( 36 );
const hmac = ( key: string, data: string ) =>
	crypto.createHmac( 'sha256', key ).update( data ).digest( 'hex' );

let admin: APIRequestContext;
let agent: APIRequestContext;
const tickets: Record< string, number > = {};
const pages: number[] = [];
const articles: number[] = [];
let cannedId = 0;
let supportUrl = '';
let faqUrl = '';

/**
 * The newest ticket whose subject or messages contain `marker`.
 * @param marker
 */
async function ticketWith( marker: string ): Promise< number > {
	let id = 0;
	await expect
		.poll(
			async () => {
				const list = await (
					await agent.get(
						`${ rest( '/tickets' ) }?search=${ encodeURIComponent(
							marker
						) }&per_page=5`
					)
				).json();
				id = Array.isArray( list ) && list[ 0 ] ? list[ 0 ].id : 0;
				return id;
			},
			{ timeout: 15_000, message: `ticket with ${ marker }` }
		)
		.toBeGreaterThan( 0 );
	return id;
}

/**
 * Opens `url` in a fresh trapped page, lets it settle, and asserts that nothing ran.
 *
 * @param page  Page (trapped).
 * @param fired What the trap recorded.
 * @param url   Where to go.
 * @param ready Something that shows the content rendered.
 */
async function expectInert(
	page: Page,
	fired: () => string[],
	url: string,
	ready: string
) {
	await page.goto( url );
	await expect( page.locator( ready ).first() ).toBeVisible();
	// Images fail, handlers would fire, timers would run: give them the time.
	await page.waitForTimeout( 1_500 );
	expect( fired(), `scripts ran on ${ url }` ).toEqual( [] );
	const handlers = await page.evaluate( () =>
		Array.from(
			document.querySelectorAll(
				'[data-payload] *, .switchboard-timeline__body *, .switchboard-account__message-body *'
			)
		)
			.flatMap( ( el ) => Array.from( el.attributes ) )
			.filter(
				( a ) =>
					/^on/i.test( a.name ) ||
					/^\s*(javascript|data):/i.test( a.value )
			)
			.map( ( a ) => `${ a.name }=${ a.value }` )
	);
	expect( handlers, `live handlers or script URLs on ${ url }` ).toEqual(
		[]
	);
}

test.beforeAll( async () => {
	fixture( 'reset-limits' );
	startMailSink();
	admin = await loginContext( BASE, 'admin' );
	agent = await loginContext( BASE, 'agent' );
	const text = textBlob( `hostile-text-${ RUN }` );
	const html = htmlBlob( `hostile-html-${ RUN }` );

	// Email through the pipe: HTML + text, HTML that cleans to nothing, crafted Content-IDs and
	// hostile file names.
	pipeMail(
		hostileMail( {
			from: `mallory-${ RUN }@evil.example`,
			subject: `pipe-html-${ RUN } <img src=x onerror=alert(1)>`,
			text,
			html,
		} )
	);
	pipeMail(
		hostileMail( {
			from: `mallory-${ RUN }@evil.example`,
			subject: `pipe-empty-${ RUN } "><svg onload=alert(1)>`,
			text,
			html: '<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>',
		} )
	);
	pipeMail(
		hostileMail( {
			from: `mallory-${ RUN }@evil.example`,
			subject: `pipe-files-${ RUN }`,
			text: 'files',
			html: '<p>files</p>',
			hostileFiles: true,
		} )
	);
	tickets.pipeHtml = await ticketWith( `pipe-html-${ RUN }` );
	tickets.pipeEmpty = await ticketWith( `pipe-empty-${ RUN }` );
	tickets.pipeFiles = await ticketWith( `pipe-files-${ RUN }` );

	// Each inbound webhook.
	const secrets = {
		raw_secret: `raw-${ RUN }-${ crypto
			.randomBytes( 8 )
			.toString( 'hex' ) }`,
		mailgun_key: `mg-${ RUN }-${ crypto
			.randomBytes( 8 )
			.toString( 'hex' ) }`,
		postmark_user: 'postmark',
		postmark_password: `pm-${ crypto.randomBytes( 8 ).toString( 'hex' ) }`,
		sendgrid_token: `sg-${ crypto.randomBytes( 8 ).toString( 'hex' ) }`,
	};
	expect(
		(
			await admin.put( rest( '/email/webhooks' ), { data: secrets } )
		).status()
	).toBe( 200 );
	const guest = await request.newContext( { baseURL: BASE } );
	const mail = ( via: string ) =>
		hostileMail( {
			from: `mallory-${ via }-${ RUN }@evil.example`,
			subject: `hook-${ via }-${ RUN } <script>alert(1)</script>`,
			text,
			html,
		} );
	const now = () => String( Math.floor( Date.now() / 1000 ) );
	const raw = mail( 'raw' );
	const ts = now();
	const responses = [
		await guest.post( rest( '/email/inbound/raw' ), {
			headers: {
				'Content-Type': 'message/rfc822',
				'X-Switchboard-Timestamp': ts,
				'X-Switchboard-Signature': hmac(
					secrets.raw_secret,
					`${ ts }.${ raw }`
				),
			},
			data: raw,
		} ),
	];
	const token = crypto.randomBytes( 25 ).toString( 'hex' );
	const mts = now();
	responses.push(
		await guest.post( rest( '/email/inbound/mailgun/mime' ), {
			multipart: {
				recipient: 'support@shop.test',
				sender: `mallory-mailgun-${ RUN }@evil.example`,
				'body-mime': mail( 'mailgun' ),
				timestamp: mts,
				token,
				signature: hmac( secrets.mailgun_key, `${ mts }${ token }` ),
			},
		} )
	);
	responses.push(
		await guest.post( rest( '/email/inbound/postmark' ), {
			headers: {
				Authorization: `Basic ${ Buffer.from(
					`postmark:${ secrets.postmark_password }`
				).toString( 'base64' ) }`,
			},
			data: {
				From: `mallory-postmark-${ RUN }@evil.example`,
				FromName: '"><img src=x onerror=alert(1)>',
				FromFull: {
					Email: `mallory-postmark-${ RUN }@evil.example`,
					Name: '<svg onload=alert(1)>',
					MailboxHash: '',
				},
				To: 'support@shop.test',
				ToFull: [
					{ Email: 'support@shop.test', Name: '', MailboxHash: '' },
				],
				OriginalRecipient: 'support@shop.test',
				Subject: `hook-postmark-${ RUN } <img src=x onerror=alert(1)>`,
				MessageID: crypto.randomUUID(),
				Date: 'Tue, 01 Dec 2026 10:00:00 +0000',
				TextBody: text,
				HtmlBody: html,
				StrippedTextReply: '',
				Headers: [],
				Attachments: [],
			},
		} )
	);
	responses.push(
		await guest.post(
			`${ rest( '/email/inbound/sendgrid' ) }?token=${
				secrets.sendgrid_token
			}`,
			{
				multipart: {
					to: 'support@shop.test',
					from: `mallory-sendgrid-${ RUN }@evil.example`,
					subject: `hook-sendgrid-${ RUN }`,
					envelope: JSON.stringify( {
						to: [ 'support@shop.test' ],
						from: `mallory-sendgrid-${ RUN }@evil.example`,
					} ),
					charsets: '{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}',
					email: mail( 'sendgrid' ),
				},
			}
		)
	);
	for ( const response of responses ) {
		expect( response.status(), await response.text() ).toBe( 200 );
	}
	for ( const via of [ 'raw', 'mailgun', 'postmark', 'sendgrid' ] ) {
		tickets[ via ] = await ticketWith( `hook-${ via }-${ RUN }` );
	}
	await guest.dispose();

	// My Account: alice writes with the payloads; the agent answers with them.
	const alice = await loginContext( BASE, 'alice' );
	const created = await alice.post( rest( '/me/tickets' ), {
		data: {
			subject: `account-${ RUN } <img src=x onerror=alert(1)>`,
			body: text,
		},
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	tickets.account = ( await created.json() ).id;
	await alice.dispose();
	for ( const id of [ tickets.account, tickets.pipeHtml ] ) {
		const reply = await agent.post( rest( `/tickets/${ id }/messages` ), {
			data: { body: htmlBlob( `agent-reply-${ RUN }` ) },
		} );
		expect( reply.status(), await reply.text() ).toBe( 201 );
	}

	// Chat: a guest with a hostile name sends every payload.
	const visitor = await request.newContext( { baseURL: BASE } );
	const start = await visitor.post( rest( '/chat/session' ), {
		data: {
			name: 'Vera "><img src=x onerror=alert(1)>',
			email: `chat-${ RUN }@evil.example`,
		},
	} );
	expect( start.status(), await start.text() ).toBe( 201 );
	const chatToken = ( await start.json() ).token;
	for ( let i = 0; i < MARKUP.length; i += 12 ) {
		const chunk = MARKUP.slice( i, i + 12 )
			.map( ( p ) => p.payload )
			.join( '\n' );
		const sent = await visitor.post( rest( '/chat/messages' ), {
			headers: { 'X-Switchboard-Chat-Token': chatToken },
			data: { body: i === 0 ? `chat-${ RUN }\n${ chunk }` : chunk },
		} );
		expect( sent.status(), await sent.text() ).toBeLessThan( 300 );
	}
	await visitor.dispose();
	tickets.chat = await ticketWith( `chat-${ RUN }` );

	// Canned response and help-article titles, written by the admin.
	const canned = await admin.post( rest( '/canned-responses' ), {
		data: {
			title: `canned-${ RUN } <img src=x onerror=alert(1)>`,
			body: text,
		},
	} );
	expect( canned.status(), await canned.text() ).toBe( 201 );
	cannedId = ( await canned.json() ).id;
	const category = await admin.post(
		`${ BASE }/wp-json/wp/v2/switchboard-kb-categories`,
		{
			data: { name: `Hostile ${ RUN }`, slug: `hostile-${ RUN }` },
		}
	);
	const categoryId = ( await category.json() ).id;
	for ( const p of MARKUP.slice( 0, 20 ) ) {
		const article = await admin.post(
			`${ BASE }/wp-json/wp/v2/switchboard-articles`,
			{
				data: {
					status: 'publish',
					title: `kb-${ RUN } ${ p.payload }`,
					content: `<p>Answer ${ p.id }</p>`,
					excerpt: `Answer ${ p.id }`,
					'switchboard-kb-categories': [ categoryId ],
				},
			}
		);
		expect( article.status(), await article.text() ).toBe( 201 );
		articles.push( ( await article.json() ).id );
	}
	const faq = await publishPage(
		admin,
		`FAQ hostile ${ RUN }`,
		`[switchboard_faq category="hostile-${ RUN }"]`
	);
	pages.push( faq.id );
	faqUrl = faq.link;

	if ( await wooCommerceActive( admin ) ) {
		supportUrl = `${ BASE }/my-account/support/`;
	} else {
		const account = await publishPage(
			admin,
			`Support hostile ${ RUN }`,
			'[switchboard_account]'
		);
		pages.push( account.id );
		supportUrl = account.link;
	}
} );

test.afterAll( async () => {
	for ( const id of pages ) {
		await deletePage( admin, id );
	}
	for ( const id of articles ) {
		await admin.delete(
			`${ BASE }/wp-json/wp/v2/switchboard-articles/${ id }?force=true`
		);
	}
	if ( cannedId ) {
		await admin.delete( rest( `/canned-responses/${ cannedId }` ) );
	}
	await admin.dispose();
	await agent.dispose();
} );

test( 'the corpus has every kind of payload the issue names', () => {
	const categories = new Set( CORPUS.map( ( p ) => p.category ) );
	for ( const kind of [
		'html-handler',
		'svg',
		'mathml',
		'url',
		'css',
		'broken',
		'content-id',
		'filename',
		'header',
		'text',
	] ) {
		expect( categories ).toContain( kind );
	}
	expect( CORPUS.length ).toBeGreaterThanOrEqual( 40 );
} );

test( 'contact form: a guest sends every payload; the page and the confirmation mail run nothing', async ( {
	browser,
} ) => {
	const contact = await publishPage(
		admin,
		`Contact hostile ${ RUN }`,
		'<!-- wp:shortcode -->[switchboard_contact]<!-- /wp:shortcode -->'
	);
	pages.push( contact.id );
	const email = `contact-${ RUN }@evil.example`;
	const context = await browser.newContext();
	const page = await context.newPage();
	const fired = await trapScripts( page );
	await page.goto( contact.link );
	const form = page.locator( 'form[data-switchboard-contact]' );
	await form.getByLabel( 'Your name' ).fill( 'Gina "><svg onload=alert(1)>' );
	await form.getByLabel( 'E-mail address' ).fill( email );
	await form
		.getByLabel( 'Subject' )
		.fill( `contact-${ RUN } <img src=x onerror=alert(1)>` );
	await form.getByLabel( 'Message' ).fill( textBlob( `contact-${ RUN }` ) );
	// The form refuses submissions faster than a person could type.
	await page.waitForTimeout( 2_100 );
	await form.getByRole( 'button', { name: 'Send message' } ).click();
	await expect(
		page.locator( '.switchboard-contact__success' )
	).toBeVisible();
	expect( fired() ).toEqual( [] );
	tickets.contact = await ticketWith( `contact-${ RUN }` );

	const mail = await mailTo( email, 'sb_ticket=' );
	const [ headers ] = mail.split( /\r?\n\r?\n/ );
	expect( headers ).not.toMatch( /^(Bcc|X-Injected):/im );
	expect( mail ).not.toMatch( /<(script|svg|img)\b[^>]*\bon\w+=/i );
	await context.close();
} );

test( 'agent SPA: the inbox and every hostile ticket render, nothing runs', async ( {
	browser,
} ) => {
	// Eleven tickets, each left 1.5 s for handlers to fire: more than the default minute.
	test.setTimeout( 180_000 );
	const context = await browserAs( browser, 'agent' );
	const page = await context.newPage();
	const fired = await trapScripts( page );
	const workspace = `${ BASE }/wp-admin/admin.php?page=switchboard`;

	await expectInert(
		page,
		fired,
		`${ workspace }&view=all`,
		'.switchboard-ticket-list'
	);
	for ( const [ name, id ] of Object.entries( tickets ) ) {
		await test.step( name, async () => {
			await expectInert(
				page,
				fired,
				`${ workspace }&ticket=${ id }`,
				'.switchboard-timeline__body'
			);
		} );
	}
	// The text-only payloads are shown as the text they are.
	await page.goto( `${ workspace }&ticket=${ tickets.pipeEmpty }` );
	await expect(
		page
			.locator( '.switchboard-timeline__body' )
			.filter( { hasText: 'img-onerror: <img src=x onerror=alert(1)>' } )
	).toBeVisible();
	// Remote images are held back behind "Show images"; showing them runs nothing either.
	await page.goto( `${ workspace }&ticket=${ tickets.pipeHtml }` );
	const show = page.getByRole( 'button', { name: 'Show images' } ).first();
	if ( await show.isVisible() ) {
		await show.click();
		await page.waitForTimeout( 1_000 );
	}
	expect( fired() ).toEqual( [] );
	// Hostile file names are listed as names, never as markup or paths.
	await page.goto( `${ workspace }&ticket=${ tickets.pipeFiles }` );
	await expect(
		page.locator( '.switchboard-timeline__attachments a' ).nth( 5 )
	).toBeVisible();
	const names = await page
		.locator( '.switchboard-timeline__attachments a' )
		.allInnerTexts();
	expect( names.length ).toBeGreaterThanOrEqual( 6 );
	for ( const name of names ) {
		expect( name ).not.toMatch(
			/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]|\.\.\/|\\/
		);
	}
	expect( fired() ).toEqual( [] );
	await context.close();
} );

test( 'agent SPA: the canned response and the chat render, nothing runs', async ( {
	browser,
} ) => {
	const context = await browserAs( browser, 'agent' );
	const page = await context.newPage();
	const fired = await trapScripts( page );
	await expectInert(
		page,
		fired,
		`${ BASE }/wp-admin/admin.php?page=switchboard&screen=settings&tab=canned`,
		'#switchboard-admin-root'
	);
	await page.goto(
		`${ BASE }/wp-admin/admin.php?page=switchboard&ticket=${ tickets.chat }`
	);
	await expect(
		page.locator( '.switchboard-timeline__body' ).first()
	).toBeVisible();
	const composer = page.locator( '.switchboard-composer__textarea' );
	if ( await composer.isVisible() ) {
		await composer.fill( '' );
	}
	await page.waitForTimeout( 1_000 );
	expect( fired() ).toEqual( [] );
	await context.close();
} );

test( 'My Account: her hostile ticket and the agent’s hostile reply render, nothing runs', async ( {
	browser,
} ) => {
	const context = await browserAs( browser, 'alice' );
	const page = await context.newPage();
	const fired = await trapScripts( page );
	await expectInert( page, fired, supportUrl, '.switchboard-account' );
	const url = `${ supportUrl }${
		supportUrl.includes( '?' ) ? '&' : '?'
	}ticket=${ tickets.account }`;
	await page.goto( url );
	const thread = page.locator( '.switchboard-account__thread' );
	if ( ! ( await thread.isVisible() ) ) {
		await page.goto( supportUrl );
		await page
			.getByRole( 'link', { name: new RegExp( `account-${ RUN }` ) } )
			.first()
			.click();
	}
	await expect( thread ).toContainText( `agent-reply-${ RUN }` );
	await expect( thread ).toContainText(
		'img-onerror: <img src=x onerror=alert(1)>'
	);
	await page.waitForTimeout( 1_500 );
	expect( fired() ).toEqual( [] );
	await context.close();
} );

test( 'FAQ and help center: hostile article titles are text, nothing runs', async ( {
	browser,
} ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const fired = await trapScripts( page );
	await expectInert( page, fired, faqUrl, '.switchboard-faq' );
	await expect( page.locator( '.switchboard-faq' ) ).toContainText(
		`kb-${ RUN }`
	);
	const link = await (
		await admin.get(
			`${ BASE }/wp-json/wp/v2/switchboard-articles/${ articles[ 0 ] }`
		)
	).json();
	await expectInert( page, fired, link.link, 'h1' );
	await expectInert(
		page,
		fired,
		`${ BASE }/?s=${ encodeURIComponent(
			`kb-${ RUN }`
		) }&post_type=switchboard_article`,
		'body'
	);
	await context.close();
} );

test( 'outgoing mail: the agent’s hostile reply to the pipe ticket runs nothing and injects no header', async ( {
	browser,
} ) => {
	const raw = await mailTo(
		`mallory-${ RUN }@evil.example`,
		`agent-reply-${ RUN }`
	);
	const [ headers ] = raw.split( /\r?\n\r?\n/ );
	expect( headers ).not.toMatch( /^(Bcc|X-Injected):/im );
	const start = raw.search( /<(!DOCTYPE|html)/i );
	expect( start, 'the reply has an HTML part' ).toBeGreaterThan( 0 );
	const html = raw.slice( start, raw.lastIndexOf( '</html>' ) + 7 );
	expect( html ).toContain( `agent-reply-${ RUN }` );
	const context = await browser.newContext( { javaScriptEnabled: true } );
	const page = await context.newPage();
	const fired = await trapScripts( page );
	await page.route( '**/*', ( route ) => route.abort() );
	await page.setContent( html );
	await page.waitForTimeout( 1_000 );
	expect( fired() ).toEqual( [] );
	await context.close();
} );
