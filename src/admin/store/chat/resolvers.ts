/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/chat';
import type { plainActions } from './actions';

export const resolvers = {
	getChatPresence:
		() =>
		async ( { dispatch }: { dispatch: typeof plainActions } ) => {
			try {
				dispatch.receivePresence( await api.fetchChatPresence() );
			} catch {
				// The header shows "away" until the next heartbeat answers.
			}
		},
};
