/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/tickets';
import { toApiError } from '../../../shared/api/errors';
import type { TicketQuery } from '../../../shared/types';
import type { ThunkArgs } from './types';

/*
 * Loaders: fetch and receive (an error is kept, never thrown). Shared by the resolvers and the
 * refresh/write actions.
 */

export async function loadTickets(
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

export async function loadTicket(
	dispatch: ThunkArgs[ 'dispatch' ],
	id: number
) {
	try {
		dispatch.receiveTicket( await api.fetchTicket( id ) );
	} catch ( error ) {
		dispatch.receiveTicketError( id, toApiError( error ) );
	}
}

export async function loadTimeline(
	dispatch: ThunkArgs[ 'dispatch' ],
	id: number
) {
	try {
		dispatch.receiveTimeline( id, await api.fetchTimeline( id ) );
	} catch ( error ) {
		dispatch.receiveTimelineError( id, toApiError( error ) );
	}
}

export async function loadQueues( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveQueues( await api.fetchQueues() );
	} catch ( error ) {
		dispatch.receiveQueuesError( toApiError( error ) );
	}
}

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
