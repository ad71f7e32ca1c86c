/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { Overview } from '../types';

export const NAMESPACE = '/switchboard/v1';

export type QueryArgs = Record<
	string,
	string | number | boolean | string[] | number[] | undefined
>;

export interface Page< T > {
	items: T[];
	total: number;
	totalPages: number;
}

/**
 * GET a collection and read the pagination headers (`parse: false`, as WordPress sends
 * X-WP-Total / X-WP-TotalPages only as headers).
 *
 * @param path  Route below the namespace, e.g. `/tickets`.
 * @param query Query arguments.
 */
export async function getPage< T >(
	path: string,
	query: QueryArgs = {}
): Promise< Page< T > > {
	const response = ( await apiFetch( {
		path: addQueryArgs( NAMESPACE + path, query ),
		parse: false,
	} ) ) as Response;
	const items = ( await response.json() ) as T[];
	return {
		items,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? items.length ),
		totalPages: Number( response.headers.get( 'X-WP-TotalPages' ) ?? 1 ),
	};
}

export function get< T >( path: string, query: QueryArgs = {} ): Promise< T > {
	return apiFetch< T >( { path: addQueryArgs( NAMESPACE + path, query ) } );
}

export function send< T >(
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	path: string,
	data?: Record< string, unknown > | FormData
): Promise< T > {
	return apiFetch< T >( {
		path: NAMESPACE + path,
		method,
		...( data instanceof FormData ? { body: data } : { data } ),
	} );
}

export function fetchOverview(): Promise< Overview > {
	return get< Overview >( '/overview' );
}
