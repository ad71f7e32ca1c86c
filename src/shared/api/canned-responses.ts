/**
 * Typed calls for canned responses.
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';
import type {
	CannedResponse,
	CannedResponseInput,
	RenderedCannedResponse,
} from '../types';

export function fetchCannedResponses(
	search = ''
): Promise< CannedResponse[] > {
	return get< CannedResponse[] >( '/canned-responses', {
		per_page: 100,
		...( search ? { search } : {} ),
	} );
}

export function createCannedResponse(
	data: CannedResponseInput
): Promise< CannedResponse > {
	return send< CannedResponse >(
		'POST',
		'/canned-responses',
		data as unknown as Record< string, unknown >
	);
}

export function updateCannedResponse(
	id: number,
	data: Partial< CannedResponseInput >
): Promise< CannedResponse > {
	return send< CannedResponse >(
		'PATCH',
		`/canned-responses/${ id }`,
		data as Record< string, unknown >
	);
}

export function deleteCannedResponse(
	id: number
): Promise< { deleted: boolean } > {
	return send< { deleted: boolean } >(
		'DELETE',
		`/canned-responses/${ id }`
	);
}

/**
 * The response with its placeholders filled for a ticket (customer, her order, the agent).
 *
 * @param id       Canned response id.
 * @param ticketId Ticket the reply is for.
 */
export function renderCannedResponse(
	id: number,
	ticketId: number
): Promise< RenderedCannedResponse > {
	return send< RenderedCannedResponse >(
		'POST',
		`/canned-responses/${ id }/render`,
		{ ticket_id: ticketId }
	);
}
