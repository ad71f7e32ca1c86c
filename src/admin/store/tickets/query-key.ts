/**
 * Internal dependencies
 */
import type { TicketQuery } from '../../../shared/types';

/**
 * A stable key for a ticket query: sorted keys, empty values dropped.
 *
 * @param query The query.
 */
export function queryKey( query: TicketQuery ): string {
	const entries = Object.entries( query )
		.filter( ( [ , value ] ) => value !== undefined && value !== '' )
		.sort( ( [ a ], [ b ] ) => ( a < b ? -1 : 1 ) );
	return JSON.stringify( Object.fromEntries( entries ) );
}
