/**
 * Internal dependencies
 */
import type {
	ChatPresence,
	ChatQueue,
	ChatQueueItem,
	ChatSession,
} from '../../../shared/api/chat';
import type { ApiError } from '../../../shared/types';

export const STORE_NAME = 'switchboard/chat';

export interface ChatState {
	presence: ChatPresence | null;
	queue: {
		version: string;
		waiting: number;
		active: number;
		chats: ChatQueueItem[];
	} | null;
	muted: boolean;
	/** Chat sessions by ticket id (the chat panel's poll). */
	sessions: Record< number, ChatSession >;
	sessionErrors: Record< number, ApiError | null >;
}

export type Action =
	| { type: 'RECEIVE_PRESENCE'; presence: ChatPresence }
	| { type: 'RECEIVE_QUEUE'; queue: ChatQueue }
	| { type: 'SET_MUTED'; muted: boolean }
	| { type: 'RECEIVE_SESSION'; ticketId: number; session: ChatSession }
	| { type: 'RECEIVE_SESSION_ERROR'; ticketId: number; error: ApiError };
