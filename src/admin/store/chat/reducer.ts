/**
 * Internal dependencies
 */
import type { Action, ChatState } from './types';

export const MUTE_KEY = 'switchboard-chat-muted';

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
	sessions: {},
	sessionErrors: {},
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
		case 'RECEIVE_SESSION':
			return {
				...state,
				sessions: {
					...state.sessions,
					[ action.ticketId ]: action.session,
				},
				sessionErrors: {
					...state.sessionErrors,
					[ action.ticketId ]: null,
				},
			};
		case 'RECEIVE_SESSION_ERROR':
			return {
				...state,
				sessionErrors: {
					...state.sessionErrors,
					[ action.ticketId ]: action.error,
				},
			};
		default:
			return state;
	}
}
