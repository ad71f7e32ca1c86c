/**
 * Internal dependencies
 */
import type { Action, TicketsState } from './types';

export const DEFAULT_STATE: TicketsState = {
	byId: {},
	lists: {},
	listErrors: {},
	ticketErrors: {},
	timelines: {},
	timelineErrors: {},
	queues: null,
	queuesError: null,
	lastListIds: [],
};

export function reducer(
	state: TicketsState = DEFAULT_STATE,
	action: Action
): TicketsState {
	switch ( action.type ) {
		case 'RECEIVE_TICKET_LIST': {
			const byId = { ...state.byId };
			for ( const ticket of action.tickets ) {
				byId[ ticket.id ] = ticket;
			}
			return {
				...state,
				byId,
				lists: {
					...state.lists,
					[ action.key ]: {
						ids: action.tickets.map( ( ticket ) => ticket.id ),
						total: action.total,
						totalPages: action.totalPages,
					},
				},
				listErrors: { ...state.listErrors, [ action.key ]: null },
			};
		}
		case 'RECEIVE_TICKET_LIST_ERROR':
			return {
				...state,
				listErrors: {
					...state.listErrors,
					[ action.key ]: action.error,
				},
			};
		case 'RECEIVE_TICKET':
			return {
				...state,
				byId: { ...state.byId, [ action.ticket.id ]: action.ticket },
				ticketErrors: {
					...state.ticketErrors,
					[ action.ticket.id ]: null,
				},
			};
		case 'RECEIVE_TICKET_ERROR':
			return {
				...state,
				ticketErrors: {
					...state.ticketErrors,
					[ action.id ]: action.error,
				},
			};
		case 'RECEIVE_TIMELINE':
			return {
				...state,
				timelines: { ...state.timelines, [ action.id ]: action.items },
				timelineErrors: {
					...state.timelineErrors,
					[ action.id ]: null,
				},
			};
		case 'RECEIVE_TIMELINE_ERROR':
			return {
				...state,
				timelineErrors: {
					...state.timelineErrors,
					[ action.id ]: action.error,
				},
			};
		case 'APPEND_MESSAGE': {
			const current = state.timelines[ action.message.ticket_id ] ?? [];
			if (
				current.some(
					( item ) =>
						item.kind === 'message' &&
						item.message.id === action.message.id
				)
			) {
				return state;
			}
			return {
				...state,
				timelines: {
					...state.timelines,
					[ action.message.ticket_id ]: [
						...current,
						{ kind: 'message', message: action.message },
					],
				},
			};
		}
		case 'RECEIVE_QUEUES':
			return { ...state, queues: action.queues, queuesError: null };
		case 'RECEIVE_QUEUES_ERROR':
			return { ...state, queuesError: action.error };
		case 'SET_LAST_LIST':
			return { ...state, lastListIds: action.ids };
		default:
			return state;
	}
}
