/**
 * Internal dependencies
 */
import {
	DEFAULT_STATE,
	newlyWaiting,
	plainActions,
	reducer,
	selectors,
} from '..';
import type { ChatQueueItem } from '../../../../shared/api/chat';

function chat( id: number, status: ChatQueueItem[ 'status' ] ): ChatQueueItem {
	return {
		ticket_id: id,
		status,
		subject: `Chat ${ id }`,
		preview: '',
		customer: { id, name: `Visitor ${ id }`, email: '' },
		agent_id: 0,
		waiting_since: null,
		last_message_id: id * 10,
		visitor_typing: false,
		visitor_online: true,
		page_url: '',
		page_title: '',
		updated_at: null,
	};
}

describe( 'switchboard/chat store', () => {
	it( 'keeps the chats when the queue answers "unchanged"', () => {
		const full = reducer(
			DEFAULT_STATE,
			plainActions.receiveQueue( {
				version: '1.1.1.0',
				waiting: 1,
				active: 0,
				changed: true,
				chats: [ chat( 1, 'waiting' ) ],
			} )
		);
		const same = reducer(
			full,
			plainActions.receiveQueue( {
				version: '1.1.1.0',
				waiting: 1,
				active: 0,
				changed: false,
			} )
		);
		expect( selectors.getChatQueue( same )?.chats ).toHaveLength( 1 );
		const empty = reducer(
			same,
			plainActions.receiveQueue( {
				version: '0.0.0.0',
				waiting: 0,
				active: 0,
				changed: true,
				chats: [],
			} )
		);
		expect( selectors.getChatQueue( empty ) ).toEqual( {
			version: '0.0.0.0',
			waiting: 0,
			active: 0,
			chats: [],
		} );
	} );

	it( 'finds chats that started waiting since the previous poll', () => {
		// The first poll never alerts (the chats were there before the agent opened the inbox).
		expect( newlyWaiting( null, [ chat( 1, 'waiting' ) ] ) ).toEqual( [] );
		expect(
			newlyWaiting(
				[ chat( 1, 'waiting' ), chat( 2, 'bot' ) ],
				[
					chat( 1, 'waiting' ),
					chat( 2, 'waiting' ),
					chat( 3, 'waiting' ),
					chat( 4, 'active' ),
				]
			)
		).toEqual( [ 2, 3 ] );
		expect(
			newlyWaiting( [ chat( 1, 'waiting' ) ], [ chat( 1, 'active' ) ] )
		).toEqual( [] );
	} );

	it( 'remembers the mute choice in the browser', () => {
		const muted = reducer( DEFAULT_STATE, plainActions.setMuted( true ) );
		expect( selectors.isMuted( muted ) ).toBe( true );
		expect( window.localStorage.getItem( 'switchboard-chat-muted' ) ).toBe(
			'1'
		);
		reducer( muted, plainActions.setMuted( false ) );
		expect( window.localStorage.getItem( 'switchboard-chat-muted' ) ).toBe(
			'0'
		);
	} );
} );
