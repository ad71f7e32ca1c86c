/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import type { ChatSession } from '../../../../shared/api/chat';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

function session( overrides: Partial< ChatSession > = {} ): ChatSession {
	return {
		ticket_id: 9,
		status: 'waiting',
		agent_id: 0,
		agent_name: '',
		last_message_id: 100,
		visitor_online: true,
		visitor_typing: false,
		page_url: '',
		page_title: '',
		context: {},
		...overrides,
	} as ChatSession;
}

function registry() {
	const r = createRegistry();
	r.register( store );
	return r;
}

describe( 'chat sessions', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'says the ticket changed only when a message, the status or the agent moved', async () => {
		const r = registry();
		const poll = () => r.dispatch( store ).pollChatSession( 9 );

		mockedApiFetch.mockResolvedValueOnce( session() );
		expect( ( await poll() ).changed ).toBe( false );
		expect( r.select( store ).getChatSession( 9 )?.status ).toBe(
			'waiting'
		);

		mockedApiFetch.mockResolvedValueOnce(
			session( { visitor_typing: true } )
		);
		expect( ( await poll() ).changed ).toBe( false );

		mockedApiFetch.mockResolvedValueOnce(
			session( { last_message_id: 101 } )
		);
		expect( ( await poll() ).changed ).toBe( true );

		mockedApiFetch.mockResolvedValueOnce(
			session( { last_message_id: 101, status: 'active', agent_id: 3 } )
		);
		expect( ( await poll() ).changed ).toBe( true );
		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: '/switchboard/v1/chat/sessions/9',
		} );
	} );

	it( 'keeps the session when a poll fails and clears the error on the next answer', async () => {
		const r = registry();
		mockedApiFetch.mockResolvedValueOnce( session() );
		await r.dispatch( store ).pollChatSession( 9 );
		mockedApiFetch.mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'No',
		} );
		await expect(
			r.dispatch( store ).pollChatSession( 9 )
		).rejects.toEqual( { code: 'rest_forbidden', message: 'No' } );
		expect( r.select( store ).getChatSession( 9 ) ).not.toBeNull();
		expect( r.select( store ).getChatSessionError( 9 )?.code ).toBe(
			'rest_forbidden'
		);
		mockedApiFetch.mockResolvedValueOnce( session() );
		await r.dispatch( store ).pollChatSession( 9 );
		expect( r.select( store ).getChatSessionError( 9 ) ).toBeNull();
	} );
} );
