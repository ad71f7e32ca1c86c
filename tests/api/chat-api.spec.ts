/**
 * Live chat over REST, black-box: a guest visitor (token), the bot answering from a real KB
 * article, hand-off to the agent, and the abuse limits.
 */

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';
import {
	resetChatLimits,
	startVisitor,
	unique,
	TOKEN_HEADER,
} from './chat-helpers';

test.describe( 'chat REST', () => {
	test.beforeAll( () => resetChatLimits() );

	test.afterAll( async ( { api } ) => {
		// Leave nobody "online": other specs expect the offline path.
		const agent = await api.as( 'agent' );
		await agent.post( api.url( '/switchboard/v1/chat/presence' ), {
			data: { status: 'away' },
		} );
	} );

	test( 'guests must give a name and email; tokens are required', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		await expectRestError(
			await guest.post( api.url( '/switchboard/v1/chat/session' ), {
				data: { name: 'No Email' },
			} ),
			400,
			'switchboard_chat_prechat_required'
		);
		await expectRestError(
			await guest.get( api.url( '/switchboard/v1/chat/session' ) ),
			401,
			'switchboard_chat_invalid_token'
		);
		await expectRestError(
			await guest.get( api.url( '/switchboard/v1/chat/ping' ), {
				headers: { [ TOKEN_HEADER ]: 'x'.repeat( 43 ) },
			} ),
			401
		);
	} );

	test( 'the bot answers from a KB article and "yes" solves the chat', async ( {
		api,
	} ) => {
		const word = `zorbex${ unique() }`;
		const admin = await api.as( 'admin' );
		const article = await admin.post(
			api.url( '/wp/v2/switchboard-articles' ),
			{
				data: {
					title: `How to reset a ${ word } gadget`,
					content: `Hold the ${ word } button for ten seconds to reset it.`,
					status: 'publish',
				},
			}
		);
		expect( article.status(), await article.text() ).toBe( 201 );
		const { id: articleId } = await article.json();

		const visitor = await startVisitor(
			api.url,
			`bot-${ unique() }@example.test`
		);
		try {
			const state = await visitor.post( '/messages', {
				body: `How do I reset my ${ word }?`,
			} );
			const bot = state.messages.at( -1 );
			expect( bot.author.type ).toBe( 'bot' );
			expect( bot.kind ).toBe( 'suggestions' );
			expect( bot.suggestions[ 0 ] ).toEqual(
				expect.objectContaining( {
					id: articleId,
					title: expect.stringContaining( word ),
					url: expect.stringMatching( /^http/ ),
				} )
			);

			const after = await visitor.post( '/feedback', {
				message_id: bot.id,
				helpful: true,
			} );
			expect( after.messages.at( -1 ).kind ).toBe( 'resolved' );

			const agent = await api.as( 'agent' );
			const tickets = await (
				await agent.get(
					api.url( '/switchboard/v1/tickets', {
						channel: 'chat',
						per_page: 50,
					} )
				)
			).json();
			const ticket = tickets.find( ( t: any ) =>
				String( t.subject ).includes( word )
			);
			expect( ticket, 'the chat is a ticket in the inbox' ).toBeTruthy();
			expect( ticket.status ).toBe( 'solved' );
		} finally {
			await visitor.dispose();
			await admin.delete(
				api.url( `/wp/v2/switchboard-articles/${ articleId }`, {
					force: 'true',
				} )
			);
		}
	} );

	test( 'hand-off: the agent sees the whole conversation, replies, and types', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const presence = await agent.post(
			api.url( '/switchboard/v1/chat/presence' ),
			{ data: { status: 'online' } }
		);
		expect( ( await presence.json() ).status ).toBe( 'online' );

		const visitor = await startVisitor(
			api.url,
			`handoff-${ unique() }@example.test`
		);
		try {
			await visitor.post( '/messages', { body: 'My parcel is late' } );
			const handed = await visitor.post( '/handoff' );
			expect( handed.status ).toBe( 'waiting' );

			const queue = await (
				await agent.get( api.url( '/switchboard/v1/chat/queue' ) )
			).json();
			const chat = queue.chats.find(
				( c: any ) => c.status === 'waiting' && c.preview
			);
			expect( queue.waiting ).toBeGreaterThan( 0 );
			const ticketId = queue.chats.find( ( c: any ) =>
				c.subject.includes( 'My parcel is late' )
			).ticket_id;
			expect( chat ).toBeTruthy();

			const transcript = await (
				await agent.get(
					api.url( `/switchboard/v1/tickets/${ ticketId }/messages` )
				)
			).json();
			expect(
				transcript.map( ( m: any ) => m.body_text ).join( '\n' )
			).toContain( 'My parcel is late' );

			await agent.post(
				api.url( `/switchboard/v1/chat/sessions/${ ticketId }/typing` )
			);
			const ping = await visitor.get( '/ping' );
			expect( ping.typing ).toBe( true );

			const reply = await agent.post(
				api.url( `/switchboard/v1/tickets/${ ticketId }/messages` ),
				{ data: { body: 'Sorry! It ships <b>today</b>.' } }
			);
			expect( reply.status(), await reply.text() ).toBe( 201 );

			const next = await visitor.get( '/ping' );
			expect( next.v ).toBeGreaterThan( ping.v );
			const state = await visitor.get( `/session?after=${ ping.last }` );
			expect( state.status ).toBe( 'active' );
			expect( state.messages.at( -1 ).text ).toBe(
				'Sorry! It ships today.'
			);
			expect( state.messages.at( -1 ).author.name ).toBe( 'Agnes Agent' );

			const context = await (
				await agent.get(
					api.url( `/switchboard/v1/chat/sessions/${ ticketId }` )
				)
			).json();
			expect( context.visitor_online ).toBe( true );
		} finally {
			await visitor.dispose();
		}
	} );

	test( 'abuse: length limit, HTML as text, rate limit', async ( {
		api,
	} ) => {
		const visitor = await startVisitor(
			api.url,
			`abuse-${ unique() }@example.test`
		);
		try {
			await expectRestError(
				await visitor.raw( 'POST', '/messages', {
					body: 'x'.repeat( 2001 ),
				} ),
				400,
				'rest_invalid_param'
			);
			const html =
				'<img src=x onerror=alert(1)><script>alert(2)</script>';
			const state = await visitor.post( '/messages', { body: html } );
			expect( state.messages[ 0 ].text ).toBe( html );
			expect( state.messages[ 0 ] ).not.toHaveProperty( 'body_html' );

			let limited = 0;
			for ( let i = 0; i < 65 && ! limited; i++ ) {
				const response = await visitor.raw( 'POST', '/typing', {} );
				if ( response.status() === 429 ) {
					limited = i;
					expect( response.headers()[ 'retry-after' ] ).toBeTruthy();
				}
			}
			expect(
				limited,
				'rate-limited within 60 writes a minute'
			).toBeGreaterThan( 0 );
		} finally {
			await visitor.dispose();
		}
	} );

	test( 'the ping is answered before WordPress finishes booting', async ( {
		api,
	} ) => {
		const visitor = await startVisitor(
			api.url,
			`ping-${ unique() }@example.test`
		);
		try {
			const response = await visitor.raw( 'GET', '/ping' );
			expect( response.status() ).toBe( 200 );
			expect( response.headers()[ 'x-switchboard-fast-ping' ] ).toBe(
				'1'
			);
			expect( await response.json() ).toEqual(
				expect.objectContaining( {
					v: expect.any( Number ),
					status: 'bot',
				} )
			);
		} finally {
			await visitor.dispose();
		}
	} );
} );
