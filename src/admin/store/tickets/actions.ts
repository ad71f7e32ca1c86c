/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/tickets';
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
import { loadQueues, loadTicket, loadTickets, loadTimeline } from './resolvers';
import type { Action, ThunkArgs } from './types';

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
