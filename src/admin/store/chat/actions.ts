/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/chat';
import type {
	ChatAgentStatus,
	ChatPresence,
	ChatQueue,
	ChatQueueItem,
	ChatSession,
} from '../../../shared/api/chat';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import { MUTE_KEY } from './reducer';
import type { Action, ChatState } from './types';

export const plainActions = {
	receivePresence: ( presence: ChatPresence ): Action => ( {
		type: 'RECEIVE_PRESENCE',
		presence,
	} ),
	receiveQueue: ( queue: ChatQueue ): Action => ( {
		type: 'RECEIVE_QUEUE',
		queue,
	} ),
	setMuted: ( muted: boolean ): Action => {
		try {
			window.localStorage.setItem( MUTE_KEY, muted ? '1' : '0' );
		} catch {
			// Private mode: the choice lasts for the page.
		}
		return { type: 'SET_MUTED', muted };
	},
	receiveChatSession: (
		ticketId: number,
		session: ChatSession
	): Action => ( {
		type: 'RECEIVE_SESSION',
		ticketId,
		session,
	} ),
	receiveChatSessionError: (
		ticketId: number,
		error: ApiError
	): Action => ( {
		type: 'RECEIVE_SESSION_ERROR',
		ticketId,
		error,
	} ),
};

/**
 * Ticket ids of chats that wait for a person now and did not before.
 *
 * @param before Previous queue (null on the first poll: nothing counts as new then).
 * @param after  Current chats.
 */
export function newlyWaiting(
	before: ChatQueueItem[] | null,
	after: ChatQueueItem[]
): number[] {
	if ( before === null ) {
		return [];
	}
	const old = new Set(
		before
			.filter( ( chat ) => chat.status === 'waiting' )
			.map( ( chat ) => chat.ticket_id )
	);
	return after
		.filter(
			( chat ) => chat.status === 'waiting' && ! old.has( chat.ticket_id )
		)
		.map( ( chat ) => chat.ticket_id );
}

/**
 * What of a session makes the ticket worth refetching: a new message, status or agent (typing
 * moves the session too, but needs no refetch: it is in the session itself).
 *
 * @param session Session.
 */
export function sessionKey( session: ChatSession ): string {
	return `${ session.last_message_id }:${ session.status }:${ session.agent_id }`;
}

interface ThunkArgs {
	dispatch: typeof plainActions;
	select: {
		getChatQueue: () => ChatState[ 'queue' ];
		getChatSession: ( ticketId: number ) => ChatSession | null;
	};
}

export const actions = {
	...plainActions,
	setChatStatus:
		( status: ChatAgentStatus ) =>
		async ( { dispatch }: ThunkArgs ): Promise< ChatPresence > => {
			const presence = await api.sendChatPresence( status );
			dispatch.receivePresence( presence );
			return presence;
		},
	chatHeartbeat:
		() =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			dispatch.receivePresence( await api.sendChatPresence() );
		},
	/**
	 * One cheap "anything new?" poll. Resolves to the ticket ids that started waiting for a
	 * person since the previous poll (for the sound), or null when nothing changed.
	 */
	pollChatQueue:
		() =>
		async ( {
			dispatch,
			select,
		}: ThunkArgs ): Promise< number[] | null > => {
			const previous = select.getChatQueue();
			const queue = await api.fetchChatQueue( previous?.version ?? '' );
			dispatch.receiveQueue( queue );
			if ( ! queue.changed || ! queue.chats ) {
				return null;
			}
			return newlyWaiting(
				previous ? previous.chats : null,
				queue.chats
			);
		},
	/**
	 * One poll of a chat ticket's session. Resolves to the session and whether its ticket needs
	 * refetching (a new message, status or agent since the previous poll); a failure is kept as
	 * the session's error and rethrown (for the poller's backoff).
	 *
	 * @param ticketId Chat ticket.
	 */
	pollChatSession:
		( ticketId: number ) =>
		async ( {
			dispatch,
			select,
		}: ThunkArgs ): Promise< {
			session: ChatSession;
			changed: boolean;
		} > => {
			const previous = select.getChatSession( ticketId );
			let session: ChatSession;
			try {
				session = await api.fetchChatSession( ticketId );
			} catch ( error ) {
				dispatch.receiveChatSessionError(
					ticketId,
					toApiError( error )
				);
				throw error;
			}
			dispatch.receiveChatSession( ticketId, session );
			return {
				session,
				changed:
					previous !== null &&
					sessionKey( previous ) !== sessionKey( session ),
			};
		},
	/**
	 * Accepts (or joins) a chat; the session that comes back is stored.
	 *
	 * @param ticketId Chat ticket.
	 */
	acceptChat:
		( ticketId: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< ChatSession > => {
			const session = await api.acceptChat( ticketId );
			dispatch.receiveChatSession( ticketId, session );
			return session;
		},
};
