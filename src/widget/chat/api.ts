/**
 * fetch() calls of the chat panel. The visitor token travels in a header, never in a URL.
 */

/**
 * Internal dependencies
 */
import type { ChatConfig } from './types';

export class ApiError extends Error {
	constructor(
		message: string,
		public status: number,
		public code: string,
		public retryAfter: number
	) {
		super( message );
	}
}

export function createApi( config: ChatConfig, token: () => string ) {
	return async function call< T >(
		method: 'GET' | 'POST',
		path: string,
		body?: Record< string, unknown >
	): Promise< T > {
		const headers: Record< string, string > = {
			Accept: 'application/json',
		};
		if ( token() ) {
			headers[ config.tokenHeader ] = token();
		}
		if ( config.nonce ) {
			headers[ 'X-WP-Nonce' ] = config.nonce;
		}
		if ( body ) {
			headers[ 'Content-Type' ] = 'application/json';
		}
		const response = await fetch( config.root + path, {
			method,
			headers,
			body: body ? JSON.stringify( body ) : undefined,
			credentials: 'same-origin',
			cache: 'no-store',
		} );
		const data = await response.json().catch( () => ( {} ) );
		if ( ! response.ok ) {
			throw new ApiError(
				( data && data.message ) || config.strings.error,
				response.status,
				( data && data.code ) || '',
				Number( response.headers.get( 'Retry-After' ) || 0 )
			);
		}
		return data as T;
	};
}
