/**
 * Live chat in the browser: a visitor on the storefront and `agent` in a second context.
 *
 * Here the agent acts through the REST routes the inbox uses (presence, typing,
 * POST /tickets/<id>/messages) from a logged-in request context, to test the widget on its own;
 * chat-agent.spec.ts drives both real UIs (widget and wp-admin) in two browser contexts.
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, type APIRequestContext } from '@playwright/test';

/**
 * Internal dependencies
 */
import { loginContext } from '../api/fixtures';
import { resetChatLimits, unique } from '../api/chat-helpers';

const BASE = process.env.WP_BASE_URL || 'http://localhost:8889';
const REPO = path.join( __dirname, '..', '..' );
const SINK = path.join(
	process.env.SWITCHBOARD_RUNTIME_DIR || path.join( REPO, '.runtime' ),
	'smtp-sink'
);
const rest = ( route: string ) => `${ BASE }/wp-json/switchboard/v1${ route }`;

let agent: APIRequestContext;

test.use( { storageState: { cookies: [], origins: [] } } );

test.beforeAll( async () => {
	resetChatLimits();
	agent = await loginContext( BASE, 'agent' );
} );

test.afterAll( async () => {
	await agent.post( rest( '/chat/presence' ), { data: { status: 'away' } } );
	await agent.dispose();
} );

async function ticketOf( subjectPart: string ): Promise< number > {
	let id = 0;
	await expect
		.poll( async () => {
			const queue = await (
				await agent.get( rest( '/chat/queue' ) )
			).json();
			id =
				queue.chats?.find( ( c: any ) =>
					String( c.subject ).includes( subjectPart )
				)?.ticket_id ?? 0;
			return id;
		} )
		.toBeGreaterThan( 0 );
	return id;
}

test( 'a visitor chats with an agent: typing, reply, HTML as text, survives reload', async ( {
	page,
} ) => {
	await agent.post( rest( '/chat/presence' ), {
		data: { status: 'online' },
	} );
	const marker = unique();

	await page.goto( '/' );
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	const chat = page.getByRole( 'dialog', { name: 'Support' } );
	await chat.getByLabel( 'Your name' ).fill( 'Vera Visitor' );
	await chat
		.getByLabel( 'Your email' )
		.fill( `vera-${ marker }@example.test` );
	await chat.getByRole( 'button', { name: 'Start chat' } ).click();

	const composer = chat.getByLabel( 'Type your message…' );
	await composer.fill(
		`Please, a person ${ marker } <b>bold</b><img src=x onerror="window.pwned=1">`
	);
	await composer.press( 'Enter' );
	await expect(
		chat.getByText( `<b>bold</b><img src=x onerror="window.pwned=1">`, {
			exact: false,
		} )
	).toBeVisible();
	expect(
		await page.evaluate( () => ( window as any ).pwned )
	).toBeUndefined();
	await expect( chat.getByText( 'Waiting for a person…' ) ).toBeVisible();

	const ticketId = await ticketOf( marker );
	await agent.post( rest( `/chat/sessions/${ ticketId }/typing` ) );
	await expect( chat.getByText( 'Typing…' ) ).toBeVisible();

	const reply = await agent.post( rest( `/tickets/${ ticketId }/messages` ), {
		data: { body: `Hello Vera, Agnes here ${ marker }` },
	} );
	expect( reply.status() ).toBe( 201 );
	await expect(
		chat.getByText( `Hello Vera, Agnes here ${ marker }` )
	).toBeVisible();
	await expect( chat.getByText( 'Typing…' ) ).toBeHidden();

	// The conversation survives a reload (token in localStorage, transcript from the server).
	await page.reload();
	await expect(
		page
			.getByRole( 'dialog', { name: 'Support' } )
			.getByText( `Hello Vera, Agnes here ${ marker }` )
	).toBeVisible();

	// The agent sees where she is.
	const context = await (
		await agent.get( rest( `/chat/sessions/${ ticketId }` ) )
	).json();
	expect( context.page_url ).toContain( BASE );
} );

test( 'the bot answers from a KB article and "yes" closes the question', async ( {
	page,
} ) => {
	const word = `quibble${ unique() }`;
	const admin = await loginContext( BASE, 'admin' );
	const created = await admin.post(
		`${ BASE }/wp-json/wp/v2/switchboard-articles`,
		{
			data: {
				title: `Resetting your ${ word }`,
				content: `Press the ${ word } reset button for ten seconds.`,
				status: 'publish',
			},
		}
	);
	const article = await created.json();
	try {
		await page.goto( '/' );
		await page.getByRole( 'button', { name: 'Chat with us' } ).click();
		const chat = page.getByRole( 'dialog', { name: 'Support' } );
		await chat.getByLabel( 'Your name' ).fill( 'Bo Bot' );
		await chat
			.getByLabel( 'Your email' )
			.fill( `bo-${ word }@example.test` );
		await chat.getByRole( 'button', { name: 'Start chat' } ).click();
		const composer = chat.getByLabel( 'Type your message…' );
		await composer.fill( `how do I reset the ${ word }` );
		await composer.press( 'Enter' );

		await expect(
			chat.getByRole( 'link', { name: `Resetting your ${ word }` } )
		).toBeVisible();
		await chat.getByRole( 'button', { name: 'Yes, thanks' } ).click();
		await expect(
			chat.getByText( 'Glad that helped!', { exact: false } )
		).toBeVisible();
	} finally {
		await admin.delete(
			`${ BASE }/wp-json/wp/v2/switchboard-articles/${ article.id }?force=true`
		);
		await admin.dispose();
	}
} );

test( 'nobody online: the message becomes a ticket and the reply arrives by email', async ( {
	page,
} ) => {
	execFileSync( 'bash', [ 'bin/lib-mail/smtp.sh', 'start' ], {
		cwd: REPO,
		stdio: 'ignore',
	} );
	await agent.post( rest( '/chat/presence' ), { data: { status: 'away' } } );
	const marker = unique();
	const email = `olga-${ marker }@chat-e2e.test`;

	await page.goto( '/' );
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	const chat = page.getByRole( 'dialog', { name: 'Support' } );
	await chat.getByLabel( 'Your name' ).fill( 'Olga Offline' );
	await chat.getByLabel( 'Your email' ).fill( email );
	await chat.getByRole( 'button', { name: 'Start chat' } ).click();
	const composer = chat.getByLabel( 'Type your message…' );
	await composer.fill( `Do you ship to Tromsø? ${ marker }` );
	await composer.press( 'Enter' );
	await chat.getByRole( 'button', { name: 'Leave a message' } ).click();
	await expect(
		chat.getByText( 'We will answer by email.', { exact: true } )
	).toBeVisible();

	// Not a live chat any more: an ordinary chat-channel ticket in the inbox.
	let ticketId = 0;
	await expect
		.poll( async () => {
			const tickets = await (
				await agent.get( rest( '/tickets?channel=chat&per_page=20' ) )
			).json();
			ticketId =
				tickets.find( ( t: any ) =>
					String( t.subject ).includes( marker )
				)?.id ?? 0;
			return ticketId;
		} )
		.toBeGreaterThan( 0 );
	const before = fs.existsSync( SINK ) ? fs.readdirSync( SINK ).length : 0;
	const reply = await agent.post( rest( `/tickets/${ ticketId }/messages` ), {
		data: { body: `Yes, we ship to Tromsø ${ marker }` },
	} );
	expect( reply.status() ).toBe( 201 );

	await expect
		.poll(
			() => {
				if (
					! fs.existsSync( SINK ) ||
					fs.readdirSync( SINK ).length === before
				) {
					return '';
				}
				return (
					fs
						.readdirSync( SINK )
						.filter( ( f ) => f.endsWith( '.eml' ) )
						.map( ( f ) =>
							fs.readFileSync( path.join( SINK, f ), 'utf8' )
						)
						.find(
							( eml ) =>
								eml.includes( email ) && eml.includes( marker )
						) ?? ''
				);
			},
			{ timeout: 15_000 }
		)
		.toContain( email );
} );
