/**
 * Typed calls for tickets, their messages and timeline, and the inbox counts.
 */

/**
 * Internal dependencies
 */
import { get, getPage, send, type Page, type QueryArgs } from './client';
import type {
	Attachment,
	BulkUpdate,
	Message,
	NewMessage,
	NewTicket,
	Queues,
	Ticket,
	TicketPatch,
	TicketQuery,
	TimelineItem,
} from '../types';

export function fetchTickets( query: TicketQuery ): Promise< Page< Ticket > > {
	return getPage< Ticket >( '/tickets', query as QueryArgs );
}

export function fetchTicket( id: number ): Promise< Ticket > {
	return get< Ticket >( `/tickets/${ id }` );
}

export function createTicket( data: NewTicket ): Promise< Ticket > {
	return send< Ticket >(
		'POST',
		'/tickets',
		data as unknown as Record< string, unknown >
	);
}

export function updateTicket(
	id: number,
	patch: TicketPatch
): Promise< Ticket > {
	return send< Ticket >(
		'PATCH',
		`/tickets/${ id }`,
		patch as Record< string, unknown >
	);
}

export function bulkUpdateTickets(
	data: BulkUpdate
): Promise< { updated: number } > {
	return send< { updated: number } >(
		'POST',
		'/tickets/bulk',
		data as unknown as Record< string, unknown >
	);
}

/**
 * Merges ticket `sourceId` into ticket `targetId`.
 *
 * @param targetId         The ticket that stays.
 * @param sourceId         The ticket merged into it.
 * @param confirmCustomers Both customer ids, when a manager confirmed merging two customers' tickets.
 */
export function mergeTickets(
	targetId: number,
	sourceId: number,
	confirmCustomers?: number[]
): Promise< Ticket > {
	return send< Ticket >( 'POST', `/tickets/${ targetId }/merge`, {
		source_id: sourceId,
		...( confirmCustomers ? { confirm_customers: confirmCustomers } : {} ),
	} );
}

/**
 * Rotates the ticket's secret: every link (and signed reply address) mailed so far stops working.
 *
 * @param ticketId Ticket.
 */
export function revokeTicketLinks( ticketId: number ): Promise< Ticket > {
	return send< Ticket >( 'POST', `/tickets/${ ticketId }/revoke-links` );
}

export function splitTicket(
	ticketId: number,
	messageId: number
): Promise< Ticket > {
	return send< Ticket >( 'POST', `/tickets/${ ticketId }/split`, {
		message_id: messageId,
	} );
}

export function fetchTimeline( ticketId: number ): Promise< TimelineItem[] > {
	return get< TimelineItem[] >( `/tickets/${ ticketId }/timeline` );
}

export function postMessage(
	ticketId: number,
	message: NewMessage
): Promise< Message > {
	return send< Message >(
		'POST',
		`/tickets/${ ticketId }/messages`,
		message as unknown as Record< string, unknown >
	);
}

export function uploadAttachment( file: File ): Promise< Attachment > {
	const body = new FormData();
	body.append( 'file', file, file.name );
	return send< Attachment >( 'POST', '/attachments', body );
}

export function fetchQueues(): Promise< Queues > {
	return get< Queues >( '/queues' );
}
