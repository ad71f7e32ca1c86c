/**
 * Internal dependencies
 */
import type {
	ApiError,
	Queues,
	Ticket,
	TicketQuery,
	TimelineItem,
} from '../../../shared/types';
import { queryKey } from './query-key';
import type { TicketList, TicketsState } from './types';

const EMPTY: Ticket[] = [];

/*
 * Memoize list selection per state.byId/list pair, so useSelect gets a stable array.
 */
const listCache = new WeakMap<
	TicketList,
	{ byId: object; tickets: Ticket[] }
>();

export const selectors = {
	getTickets( state: TicketsState, query: TicketQuery ): Ticket[] | null {
		const list = state.lists[ queryKey( query ) ];
		if ( ! list ) {
			return null;
		}
		if ( list.ids.length === 0 ) {
			return EMPTY;
		}
		const cached = listCache.get( list );
		if ( cached && cached.byId === state.byId ) {
			return cached.tickets;
		}
		const tickets = list.ids
			.map( ( id ) => state.byId[ id ] )
			.filter( Boolean );
		listCache.set( list, { byId: state.byId, tickets } );
		return tickets;
	},
	getTicketsTotal( state: TicketsState, query: TicketQuery ): number {
		return state.lists[ queryKey( query ) ]?.total ?? 0;
	},
	getTicketsTotalPages( state: TicketsState, query: TicketQuery ): number {
		return state.lists[ queryKey( query ) ]?.totalPages ?? 0;
	},
	getTicketsError(
		state: TicketsState,
		query: TicketQuery
	): ApiError | null {
		return state.listErrors[ queryKey( query ) ] ?? null;
	},
	getTicket( state: TicketsState, id: number ): Ticket | null {
		return state.byId[ id ] ?? null;
	},
	getTicketError( state: TicketsState, id: number ): ApiError | null {
		return state.ticketErrors[ id ] ?? null;
	},
	getTimeline( state: TicketsState, id: number ): TimelineItem[] | null {
		return state.timelines[ id ] ?? null;
	},
	getTimelineError( state: TicketsState, id: number ): ApiError | null {
		return state.timelineErrors[ id ] ?? null;
	},
	getQueues( state: TicketsState ): Queues | null {
		return state.queues;
	},
	getQueuesError( state: TicketsState ): ApiError | null {
		return state.queuesError;
	},
	getLastListIds( state: TicketsState ): number[] {
		return state.lastListIds;
	},
};
