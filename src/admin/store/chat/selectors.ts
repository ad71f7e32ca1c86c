/**
 * Internal dependencies
 */
import type { ChatPresence, ChatSession } from '../../../shared/api/chat';
import type { ApiError } from '../../../shared/types';
import type { ChatState } from './types';

export const selectors = {
	getChatPresence: ( state: ChatState ): ChatPresence | null =>
		state.presence,
	getChatQueue: ( state: ChatState ) => state.queue,
	isMuted: ( state: ChatState ): boolean => state.muted,
	getChatSession: (
		state: ChatState,
		ticketId: number
	): ChatSession | null => state.sessions[ ticketId ] ?? null,
	getChatSessionError: (
		state: ChatState,
		ticketId: number
	): ApiError | null => state.sessionErrors[ ticketId ] ?? null,
};
