/**
 * Live chat end to end through both real UIs, in two browser contexts: a visitor on the
 * storefront widget and `agent` in the wp-admin helpdesk.
 *
 * 1. The agent goes online with the header toggle; the visitor (with a product in her cart when
 *    WooCommerce is active) asks a question the bot answers from a knowledge-base article, says
 *    "No", and is handed off. The agent hears the alert (Web Audio), sees the chat in the inbox
 *    and on the wp-admin menu badge, opens it and reads the whole transcript (question, bot
 *    answer, hand-off), accepts, sees the visitor typing and her cart and page, types (the visitor
 *    sees "Typing…"), replies (the visitor sees it), sees a visitor's `<script>` as text, and
 *    ends the chat with the transcript emailed (captured by the SMTP sink).
 * 2. The agent is away: the visitor leaves a message, which becomes a ticket; the agent answers
 *    it in the ticket screen and the reply reaches the visitor by email.
 * 3. (WooCommerce) alice, signed in, is recognised by the widget; the agent, with the alert
 *    muted, gets the chat without a sound and sees alice's recent orders in the visitor panel.
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { WorkspacePage } from './pages/workspace-page';
import { decodeMail } from './pages/self-service';
import { resetChatLimits, unique } from '../api/chat-helpers';

const REPO = path.join( __dirname, '..', '..' );
const SINK = path.join( REPO, '.runtime', 'smtp-sink' );
const NS = '/switchboard/v1';

test.use( { storageState: { cookies: [], origins: [] } } );

/**
 * Mail in the SMTP sink addressed to `to` whose text contains every `needle`.
 *
 * @param to      Recipient.
 * @param needles Texts the message must contain.
 */
function mailTo( to: string, needles: string[] ): string {
	if ( ! fs.existsSync( SINK ) ) {
		return '';
	}
	return (
		fs
			.readdirSync( SINK )
			.filter( ( file ) => file.endsWith( '.eml' ) )
			.map( ( file ) =>
				fs.readFileSync( path.join( SINK, file ), 'utf8' )
			)
			// Each MIME part decoded (8bit text, quoted-printable HTML, base64).
			.map( decodeMail )
			.find(
				( eml ) =>
					eml.includes( to ) &&
					needles.every( ( needle ) => eml.includes( needle ) )
			) ?? ''
	);
}

/**
 * The agent, logged in through the form, on the helpdesk with fast polling; counts the alert
 * sounds the page plays (every beep creates oscillators on the page's AudioContext).
 *
 * @param browser Browser.
 */
async function agentPage( browser: Browser ) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript( () => {
		const w = window as unknown as { switchboardBeeps: number };
		w.switchboardBeeps = 0;
		const original = AudioContext.prototype.createOscillator;
		AudioContext.prototype.createOscillator = function () {
			w.switchboardBeeps++;
			return original.call( this );
		};
	} );
	const workspace = new WorkspacePage( page );
	await workspace.login( 'agent' );
	await workspace.open( '&switchboard_poll=1000' );
	return { page, workspace, context };
}

async function setOnline( page: Page, online: boolean ) {
	const status = page.locator( '.switchboard-chat-status' );
	const toggle = status.getByRole( 'checkbox' );
	await expect( toggle ).toBeEnabled();
	if ( ( await toggle.isChecked() ) !== online ) {
		await toggle.click();
	}
	await expect(
		status.getByText( online ? 'Chat: online' : 'Chat: away' )
	).toBeVisible();
}

async function openWidget( page: Page, name: string, email: string ) {
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	const chat = page.getByRole( 'dialog', { name: 'Support' } );
	await chat.getByLabel( 'Your name' ).fill( name );
	await chat.getByLabel( 'Your email' ).fill( email );
	await chat.getByRole( 'button', { name: 'Start chat' } ).click();
	return chat;
}

test.describe( 'Live chat: visitor and agent', () => {
	test.beforeAll( () => {
		resetChatLimits();
		execFileSync( 'bash', [ 'bin/lib-mail/smtp.sh', 'start' ], {
			cwd: REPO,
			stdio: 'ignore',
		} );
	} );

	test( 'bot answer, "No" hands off, the agent takes the chat in wp-admin', async ( {
		browser,
		requestUtils,
	} ) => {
		test.setTimeout( 150_000 );
		const run = unique();
		const word = `frobnic${ run }`;
		const email = `vera-${ run }@chat-e2e.test`;
		const rest = < T >( options: {
			path: string;
			method?: string;
			data?: Record< string, unknown >;
		} ) => requestUtils.rest< T >( options );

		const article = await rest< { id: number } >( {
			path: '/wp/v2/switchboard-articles',
			method: 'POST',
			data: {
				title: `Calibrating the ${ word }`,
				content: `Hold the ${ word } level and press calibrate for five seconds.`,
				status: 'publish',
			},
		} );
		const overview = await rest< { woocommerce_active: boolean } >( {
			path: `${ NS }/overview`,
		} );
		let product: { id: number; name: string } | null = null;
		if ( overview.woocommerce_active ) {
			const products = await rest<
				Array< { id: number; name: string; type: string } >
			>( {
				path: '/wc/v3/products?per_page=20&orderby=id&order=asc&status=publish',
			} );
			product = products.find( ( p ) => p.type === 'simple' ) ?? null;
		}

		const agent = await agentPage( browser );
		const visitorContext = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitor = await visitorContext.newPage();
		try {
			await setOnline( agent.page, true );
			// Any click unlocks audio; the toggle click above did.

			// The visitor, with a product in her cart (WooCommerce) on a page with a known title.
			if ( product ) {
				await visitor.goto( `/?add-to-cart=${ product.id }` );
			}
			await visitor.goto( '/' );
			const pageTitle = await visitor.title();
			const chat = await openWidget( visitor, `Vera ${ run }`, email );
			const composer = chat.getByLabel( 'Type your message…' );
			await composer.fill( `How do I calibrate the ${ word }?` );
			await composer.press( 'Enter' );
			await expect(
				chat.getByRole( 'link', { name: `Calibrating the ${ word }` } )
			).toBeVisible();
			await chat
				.getByRole( 'button', { name: 'No', exact: true } )
				.click();
			await expect(
				chat.getByText( 'Waiting for a person…' )
			).toBeVisible();

			// The agent: alert sound, the chat on top of the inbox, the menu badge.
			const queue = agent.page.getByRole( 'region', {
				name: 'Live chats',
			} );
			const item = queue.locator( '.switchboard-chat-queue__item', {
				hasText: `Vera ${ run }`,
			} );
			await expect( item ).toBeVisible( { timeout: 15_000 } );
			await expect( item ).toContainText( 'Waiting for a person' );
			await expect
				.poll( () =>
					agent.page.evaluate(
						() =>
							(
								window as unknown as {
									switchboardBeeps: number;
								}
							 ).switchboardBeeps
					)
				)
				.toBeGreaterThan( 0 );
			await expect(
				agent.page.locator(
					'#toplevel_page_switchboard .switchboard-menu-chats .count'
				)
			).toHaveText( /^[1-9]\d*$/ );
			await expect(
				agent.page.locator( '.switchboard-chat-status__waiting' )
			).toHaveText( /[1-9]\d* chats? waiting/ );

			// The transcript is there: nobody has to repeat herself.
			await item.getByRole( 'link' ).click();
			const panel = agent.page.getByRole( 'region', {
				name: 'Live chat',
			} );
			await expect( panel ).toBeVisible();
			await expect( agent.workspace.timeline ).toContainText(
				`How do I calibrate the ${ word }?`
			);
			await expect( agent.workspace.timeline ).toContainText(
				`Calibrating the ${ word }`
			);
			await expect( agent.workspace.timeline ).toContainText(
				'Connecting you with a person'
			);

			await panel.getByRole( 'button', { name: 'Accept chat' } ).click();
			await expect( panel ).toContainText( 'with Agnes Agent' );
			await expect(
				panel.getByRole( 'button', { name: 'Accept chat' } )
			).toBeHidden();

			// Visitor panel: the page she is on and, with WooCommerce, her cart.
			await expect(
				panel.locator( '.switchboard-chat-panel__page' )
			).toContainText( pageTitle );
			if ( product ) {
				await expect(
					panel.locator( '.switchboard-chat-panel__cart' )
				).toContainText( product.name );
				await expect(
					panel.locator( '.switchboard-chat-panel__cart' )
				).toContainText( '× 1' );
			}

			// The visitor types → the agent sees it. She types a sentence, as people do: the
			// widget signals at most every 3 s and each signal shows for 6 s, so a burst of a
			// few keys could fall between two agent polls on a loaded machine.
			const typed = composer.pressSequentially(
				'one more question about the cable, please',
				{ delay: 120 }
			);
			await expect(
				panel.getByText( 'The visitor is typing…' )
			).toBeVisible();
			await typed;

			// The agent types → the visitor sees it.
			const reply = `Hi Vera, Agnes here ${ run }`;
			await agent.workspace.composerBox.click();
			await agent.workspace.composerBox.pressSequentially( reply, {
				delay: 40,
			} );
			await expect( chat.getByText( 'Typing…' ) ).toBeVisible();
			await agent.workspace.composer
				.getByRole( 'button', { name: 'Send reply' } )
				.click();
			await expect( chat.getByText( reply ) ).toBeVisible();
			await expect( chat.getByText( 'Typing…' ) ).toBeHidden();

			// A visitor's markup reaches the agent as text, live, and never runs.
			await composer.fill(
				`one more <script>window.pwned=1</script><img src=x onerror="window.pwned=2"> ${ run }`
			);
			await composer.press( 'Enter' );
			await expect( agent.workspace.timeline ).toContainText(
				`<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> ${ run }`
			);
			expect(
				await agent.page.evaluate(
					() => ( window as unknown as { pwned?: number } ).pwned
				)
			).toBeUndefined();

			// Over the limit: the widget refuses it before sending (the textarea's maxlength is
			// lifted first, as a script could; the server's own limit is in chat-api.spec.ts).
			await composer.evaluate( ( el ) =>
				el.removeAttribute( 'maxlength' )
			);
			await composer.fill( 'x'.repeat( 2001 ) );
			await composer.press( 'Enter' );
			await expect(
				chat.getByText( 'That message is too long.' )
			).toBeVisible();
			await expect( agent.workspace.timeline ).not.toContainText(
				'xxxxxxxxxx'
			);
			await composer.fill( '' );

			// End with the transcript by email.
			await panel
				.getByRole( 'checkbox', {
					name: 'Email the transcript when ending',
				} )
				.check();
			await panel.getByRole( 'button', { name: 'End chat' } ).click();
			// A guest typed this address: until it is confirmed it gets the signed link to the
			// conversation, never the chat's words (issue #12).
			await agent.workspace.snackbar(
				'Chat ended. The address is not confirmed yet: it got a link to the conversation instead of the transcript.'
			);
			await expect(
				chat.getByText( 'This chat has ended.' )
			).toBeVisible( {
				timeout: 20_000,
			} );
			await expect
				.poll(
					() =>
						mailTo( email, [
							'sb_token=',
							'Someone gave this e-mail address',
						] ),
					{
						timeout: 15_000,
					}
				)
				.not.toBe( '' );
			const confirmation = await mailTo( email, [
				'sb_token=',
				'Someone gave this e-mail address',
			] );
			expect( confirmation ).not.toContain( `calibrate the ${ word }` );
			expect( confirmation ).not.toContain( reply );
		} finally {
			await setOnline( agent.page, false ).catch( () => undefined );
			await rest( {
				path: `/wp/v2/switchboard-articles/${ article.id }?force=true`,
				method: 'DELETE',
			} ).catch( () => undefined );
			await agent.context.close();
			await visitorContext.close();
		}
	} );

	test( 'nobody online: the message becomes a ticket, the agent answers it in wp-admin, the reply goes by email', async ( {
		browser,
		requestUtils,
	} ) => {
		test.setTimeout( 120_000 );
		const run = unique();
		const email = `olga-${ run }@chat-e2e.test`;
		const agent = await agentPage( browser );
		const visitorContext = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitor = await visitorContext.newPage();
		try {
			await setOnline( agent.page, false );

			await visitor.goto( '/' );
			const chat = await openWidget( visitor, 'Olga Offline', email );
			const composer = chat.getByLabel( 'Type your message…' );
			await composer.fill( `Do you deliver to Svalbard? ${ run }` );
			await composer.press( 'Enter' );
			await chat
				.getByRole( 'button', { name: 'Leave a message' } )
				.click();
			await expect(
				chat.getByText( 'We will answer by email.', { exact: true } )
			).toBeVisible();

			const tickets = await requestUtils.rest<
				Array< { id: number; subject: string } >
			>( {
				path: `${ NS }/tickets?channel=chat&per_page=50`,
			} );
			const ticket = tickets.find( ( t ) => t.subject.includes( run ) );
			expect( ticket, 'the message became a chat ticket' ).toBeTruthy();

			await agent.workspace.open(
				`&ticket=${ ticket!.id }&switchboard_poll=1000`
			);
			await expect( agent.workspace.timeline ).toContainText(
				`Do you deliver to Svalbard? ${ run }`
			);
			const panel = agent.page.getByRole( 'region', {
				name: 'Live chat',
			} );
			await expect( panel ).toContainText( 'Message left' );
			// She typed her address without signing in: the agent is warned.
			await expect(
				agent.page.locator( '.switchboard-sender-notice' )
			).toContainText( `typed ${ email } in the chat` );

			const reply = `Yes, we deliver to Svalbard ${ run }`;
			await agent.workspace.composerBox.fill( reply );
			await agent.workspace.composer
				.getByRole( 'button', { name: 'Send reply' } )
				.click();
			await expect( agent.workspace.timeline ).toContainText( reply );
			await expect
				.poll( () => mailTo( email, [ reply ] ), { timeout: 15_000 } )
				.not.toBe( '' );
		} finally {
			await agent.context.close();
			await visitorContext.close();
		}
	} );

	test( 'a signed-in customer: the agent (sound muted) sees her recent orders next to the chat', async ( {
		browser,
		requestUtils,
	} ) => {
		test.setTimeout( 120_000 );
		const overview = await requestUtils.rest< {
			woocommerce_active: boolean;
		} >( {
			path: `${ NS }/overview`,
		} );
		test.skip(
			! overview.woocommerce_active,
			'skipped: WooCommerce not installed'
		);
		const [ alice ] = await requestUtils.rest< Array< { id: number } > >( {
			path: '/wp/v2/users?search=alice&context=edit',
		} );
		const orders = await requestUtils.rest< Array< { number: string } > >( {
			path: `/wc/v3/orders?customer=${ alice.id }&per_page=5&orderby=date&order=desc`,
		} );
		expect( orders.length, 'alice has demo orders' ).toBeGreaterThan( 0 );

		const run = unique();
		const agent = await agentPage( browser );
		const visitorContext = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitor = await visitorContext.newPage();
		let ticketId = 0;
		try {
			await setOnline( agent.page, true );
			// This agent muted the alert: the chat still shows up, silently.
			await agent.page
				.getByRole( 'button', { name: 'Mute chat sound' } )
				.click();
			await expect(
				agent.page.getByRole( 'button', { name: 'Unmute chat sound' } )
			).toBeVisible();
			await visitor.goto( '/wp-login.php' );
			await visitor
				.getByLabel( 'Username or Email Address' )
				.fill( 'alice' );
			await visitor
				.getByLabel( 'Password', { exact: true } )
				.fill( 'password' );
			await visitor.getByRole( 'button', { name: 'Log In' } ).click();
			await visitor.waitForURL(
				( url ) => ! url.pathname.includes( 'wp-login' )
			);
			await visitor.goto( '/' );

			// Recognised: no name/email form.
			await visitor
				.getByRole( 'button', { name: 'Chat with us' } )
				.click();
			const chat = visitor.getByRole( 'dialog', { name: 'Support' } );
			await expect( chat.getByLabel( 'Your email' ) ).toBeHidden();
			await chat.getByRole( 'button', { name: 'Start chat' } ).click();
			const composer = chat.getByLabel( 'Type your message…' );
			await composer.fill(
				`Can I talk to a person about my order? ${ run }`
			);
			await composer.press( 'Enter' );
			await expect(
				chat.getByText( 'Waiting for a person…' )
			).toBeVisible();

			await expect
				.poll( async () => {
					const queue = await requestUtils.rest< {
						chats: Array< { ticket_id: number; subject: string } >;
					} >( { path: `${ NS }/chat/queue` } );
					ticketId =
						queue.chats.find( ( c ) => c.subject.includes( run ) )
							?.ticket_id ?? 0;
					return ticketId;
				} )
				.toBeGreaterThan( 0 );
			const item = agent.page
				.getByRole( 'region', { name: 'Live chats' } )
				.locator(
					`.switchboard-chat-queue__item[data-ticket="${ ticketId }"]`
				);
			await expect( item ).toBeVisible( { timeout: 15_000 } );
			await expect( item ).toContainText( 'Waiting for a person' );
			expect(
				await agent.page.evaluate(
					() =>
						( window as unknown as { switchboardBeeps: number } )
							.switchboardBeeps
				)
			).toBe( 0 );
			await item.getByRole( 'link' ).click();
			const panel = agent.page.getByRole( 'region', {
				name: 'Live chat',
			} );
			// The chat chunk loads lazily: allow for a busy machine.
			await expect( panel ).toBeVisible( { timeout: 30_000 } );
			const recent = panel.locator( '.switchboard-chat-panel__orders' );
			await expect( recent ).toContainText( 'Recent orders' );
			for ( const order of orders ) {
				await expect( recent ).toContainText( `#${ order.number }` );
			}
			// Signed in: nothing to verify.
			await expect(
				agent.page.locator( '.switchboard-sender-notice' )
			).toHaveCount( 0 );
		} finally {
			if ( ticketId ) {
				// Leave no waiting chat behind for the next run's queue.
				await requestUtils
					.rest( {
						path: `${ NS }/chat/sessions/${ ticketId }/end`,
						method: 'POST',
					} )
					.catch( () => undefined );
			}
			await setOnline( agent.page, false ).catch( () => undefined );
			await agent.context.close();
			await visitorContext.close();
		}
	} );
} );
