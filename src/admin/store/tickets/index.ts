/**
 * `switchboard/tickets`: ticket lists per query, tickets by id, timelines and the inbox counts.
 *
 * Lists keep their previous data while they refresh (polling, after writes), so the inbox never
 * flashes empty; errors are kept per list/ticket so each screen can offer a retry.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/tickets';
import { toApiError } from '../../../shared/api/errors';
import type {
	ApiError,
	BulkUpdate,
	Message,
	NewMessage,
	NewTicket,
	Queues,
	Ticket,
	TicketPatch,
	TicketQuery,
	TimelineItem,
} from '../../../shared/types';
import { queryKey } from './query-key';

export const STORE_NAME = 'switchboard/tickets';

export interface TicketList {
	ids: number[];
	total: number;
	totalPages: number;
}

export interface TicketsState {
	byId: Record< number, Ticket >;
	lists: Record< string, TicketList >;
	listErrors: Record< string, ApiError | null >;
	ticketErrors: Record< number, ApiError | null >;
	timelines: Record< number, TimelineItem[] >;
	timelineErrors: Record< number, ApiError | null >;
	queues: Queues | null;
	queuesError: ApiError | null;
	/** The ids of the list the agent last looked at, for j/k inside a ticket. */
	lastListIds: number[];
}

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

type Action =
	| {
			type: 'RECEIVE_TICKET_LIST';
			key: string;
			tickets: Ticket[];
			total: number;
			totalPages: number;
	  }
	| { type: 'RECEIVE_TICKET_LIST_ERROR'; key: string; error: ApiError }
	| { type: 'RECEIVE_TICKET'; ticket: Ticket }
	| { type: 'RECEIVE_TICKET_ERROR'; id: number; error: ApiError }
	| { type: 'RECEIVE_TIMELINE'; id: number; items: TimelineItem[] }
	| { type: 'RECEIVE_TIMELINE_ERROR'; id: number; error: ApiError }
	| { type: 'APPEND_MESSAGE'; message: Message }
	| { type: 'RECEIVE_QUEUES'; queues: Queues }
	| { type: 'RECEIVE_QUEUES_ERROR'; error: ApiError }
	| { type: 'SET_LAST_LIST'; ids: number[] };

export const plainActions = {
	receiveTicketList: (
		query: TicketQuery,
		tickets: Ticket[],
		total: number,
		totalPages: number
	): Action => ( {
		type: 'RECEIVE_TICKET_LIST',
		key: queryKey( query ),
		tickets,
		total,
		totalPages,
	} ),
	receiveTicketListError: (
		query: TicketQuery,
		error: ApiError
	): Action => ( {
		type: 'RECEIVE_TICKET_LIST_ERROR',
		key: queryKey( query ),
		error,
	} ),
	receiveTicket: ( ticket: Ticket ): Action => ( {
		type: 'RECEIVE_TICKET',
		ticket,
	} ),
	receiveTicketError: ( id: number, error: ApiError ): Action => ( {
		type: 'RECEIVE_TICKET_ERROR',
		id,
		error,
	} ),
	receiveTimeline: ( id: number, items: TimelineItem[] ): Action => ( {
		type: 'RECEIVE_TIMELINE',
		id,
		items,
	} ),
	receiveTimelineError: ( id: number, error: ApiError ): Action => ( {
		type: 'RECEIVE_TIMELINE_ERROR',
		id,
		error,
	} ),
	appendMessage: ( message: Message ): Action => ( {
		type: 'APPEND_MESSAGE',
		message,
	} ),
	receiveQueues: ( queues: Queues ): Action => ( {
		type: 'RECEIVE_QUEUES',
		queues,
	} ),
	receiveQueuesError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_QUEUES_ERROR',
		error,
	} ),
	setLastList: ( ids: number[] ): Action => ( {
		type: 'SET_LAST_LIST',
		ids,
	} ),
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

interface ThunkArgs {
	dispatch: typeof plainActions & {
		invalidateResolutionForStoreSelector: ( selector: string ) => void;
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
	};
}

async function loadTickets(
	dispatch: ThunkArgs[ 'dispatch' ],
	query: TicketQuery
) {
	try {
		const page = await api.fetchTickets( query );
		dispatch.receiveTicketList(
			query,
			page.items,
			page.total,
			page.totalPages
		);
	} catch ( error ) {
		dispatch.receiveTicketListError( query, toApiError( error ) );
	}
}

async function loadTicket( dispatch: ThunkArgs[ 'dispatch' ], id: number ) {
	try {
		dispatch.receiveTicket( await api.fetchTicket( id ) );
	} catch ( error ) {
		dispatch.receiveTicketError( id, toApiError( error ) );
	}
}

async function loadTimeline( dispatch: ThunkArgs[ 'dispatch' ], id: number ) {
	try {
		dispatch.receiveTimeline( id, await api.fetchTimeline( id ) );
	} catch ( error ) {
		dispatch.receiveTimelineError( id, toApiError( error ) );
	}
}

async function loadQueues( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveQueues( await api.fetchQueues() );
	} catch ( error ) {
		dispatch.receiveQueuesError( toApiError( error ) );
	}
}

/**
 * After a write: re-run every list resolver (lists keep showing their data meanwhile) and the counts.
 *
 * @param dispatch Store dispatch.
 */
function refreshListsAndCounts( dispatch: ThunkArgs[ 'dispatch' ] ) {
	dispatch.invalidateResolutionForStoreSelector( 'getTickets' );
	return loadQueues( dispatch );
}

export const actions = {
	...plainActions,

	/**
	 * Refreshes a list in place (polling), keeping the old data until the new arrives.
	 * @param query
	 */
	refreshTickets:
		( query: TicketQuery ) =>
		( { dispatch }: ThunkArgs ) =>
			loadTickets( dispatch, query ),

	refreshTicket:
		( id: number ) =>
		( { dispatch }: ThunkArgs ) =>
			Promise.all( [
				loadTicket( dispatch, id ),
				loadTimeline( dispatch, id ),
			] ),

	refreshQueues:
		() =>
		( { dispatch }: ThunkArgs ) =>
			loadQueues( dispatch ),

	updateTicket:
		( id: number, patch: TicketPatch ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Ticket > => {
			const ticket = await api.updateTicket( id, patch );
			dispatch.receiveTicket( ticket );
			await Promise.all( [
				loadTimeline( dispatch, id ),
				refreshListsAndCounts( dispatch ),
			] );
			return ticket;
		},

	bulkUpdate:
		( data: BulkUpdate ) =>
		async ( { dispatch }: ThunkArgs ): Promise< number > => {
			const { updated } = await api.bulkUpdateTickets( data );
			await refreshListsAndCounts( dispatch );
			return updated;
		},

	sendMessage:
		( ticketId: number, message: NewMessage ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Message > => {
			const sent = await api.postMessage( ticketId, message );
			dispatch.appendMessage( sent );
			await Promise.all( [
				loadTicket( dispatch, ticketId ),
				loadTimeline( dispatch, ticketId ),
				refreshListsAndCounts( dispatch ),
			] );
			return sent;
		},

	createTicket:
		( data: NewTicket ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Ticket > => {
			const ticket = await api.createTicket( data );
			dispatch.receiveTicket( ticket );
			await refreshListsAndCounts( dispatch );
			return ticket;
		},

	mergeTickets:
		( targetId: number, sourceId: number, confirmCustomers?: number[] ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Ticket > => {
			const ticket = await api.mergeTickets(
				targetId,
				sourceId,
				confirmCustomers
			);
			dispatch.receiveTicket( ticket );
			await Promise.all( [
				loadTimeline( dispatch, targetId ),
				refreshListsAndCounts( dispatch ),
			] );
			return ticket;
		},

	splitTicket:
		( ticketId: number, messageId: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Ticket > => {
			const created = await api.splitTicket( ticketId, messageId );
			dispatch.receiveTicket( created );
			await Promise.all( [
				loadTicket( dispatch, ticketId ),
				loadTimeline( dispatch, ticketId ),
				refreshListsAndCounts( dispatch ),
			] );
			return created;
		},
};

export const resolvers = {
	getTickets:
		( query: TicketQuery ) =>
		( { dispatch }: ThunkArgs ) =>
			loadTickets( dispatch, query ),
	getTicket:
		( id: number ) =>
		( { dispatch }: ThunkArgs ) =>
			loadTicket( dispatch, id ),
	getTimeline:
		( id: number ) =>
		( { dispatch }: ThunkArgs ) =>
			loadTimeline( dispatch, id ),
	getQueues:
		() =>
		( { dispatch }: ThunkArgs ) =>
			loadQueues( dispatch ),
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
