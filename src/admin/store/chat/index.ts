/**
 * `switchboard/chat`: the agent's chat presence and the open-chat queue. Registered by the chat
 * chunks only (header status, inbox strip, chat panel), so the initial bundle does not carry it.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/chat';
import type {
	ChatAgentStatus,
	ChatPresence,
	ChatQueue,
	ChatQueueItem,
} from '../../../shared/api/chat';

export const STORE_NAME = 'switchboard/chat';

const MUTE_KEY = 'switchboard-chat-muted';

export interface ChatState {
	presence: ChatPresence | null;
	queue: {
		version: string;
		waiting: number;
		active: number;
		chats: ChatQueueItem[];
	} | null;
	muted: boolean;
}

function storedMuted(): boolean {
	try {
		return window.localStorage.getItem( MUTE_KEY ) === '1';
	} catch {
		return false;
	}
}

export const DEFAULT_STATE: ChatState = {
	presence: null,
	queue: null,
	muted: false,
};

type Action =
	| { type: 'RECEIVE_PRESENCE'; presence: ChatPresence }
	| { type: 'RECEIVE_QUEUE'; queue: ChatQueue }
	| { type: 'SET_MUTED'; muted: boolean };

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
};

export function reducer(
	state: ChatState = { ...DEFAULT_STATE, muted: storedMuted() },
	action: Action
): ChatState {
	switch ( action.type ) {
		case 'RECEIVE_PRESENCE':
			return { ...state, presence: action.presence };
		case 'RECEIVE_QUEUE': {
			const { version, waiting, active } = action.queue;
			const chats =
				action.queue.changed && action.queue.chats
					? action.queue.chats
					: state.queue?.chats ?? [];
			return { ...state, queue: { version, waiting, active, chats } };
		}
		case 'SET_MUTED':
			return { ...state, muted: action.muted };
		default:
			return state;
	}
}

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

export const selectors = {
	getChatPresence: ( state: ChatState ): ChatPresence | null =>
		state.presence,
	getChatQueue: ( state: ChatState ) => state.queue,
	isMuted: ( state: ChatState ): boolean => state.muted,
};

interface ThunkArgs {
	dispatch: typeof plainActions;
	select: {
		getChatQueue: () => ChatState[ 'queue' ];
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
};

export const resolvers = {
	getChatPresence:
		() =>
		async ( { dispatch }: ThunkArgs ) => {
			try {
				dispatch.receivePresence( await api.fetchChatPresence() );
			} catch {
				// The header shows "away" until the next heartbeat answers.
			}
		},
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
