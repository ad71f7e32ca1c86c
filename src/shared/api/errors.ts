/**
 * Internal dependencies
 */
import { isApiError, type ApiError } from '../types';

/**
 * Any thrown value as an ApiError, so every failure can be shown with its message and a retry.
 *
 * @param error What apiFetch (or anything else) threw.
 */
export function toApiError( error: unknown ): ApiError {
	if ( isApiError( error ) ) {
		return error;
	}
	if ( error instanceof Error ) {
		return { code: 'switchboard_network', message: error.message };
	}
	return { code: 'switchboard_network', message: String( error ) };
}

/**
 * Like toApiError, also for a thrown Response (apiFetch with `parse: false` throws the Response
 * itself): its JSON body is the error.
 *
 * @param error What was thrown.
 */
export async function asApiError( error: unknown ): Promise< ApiError > {
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		try {
			return toApiError( await error.json() );
		} catch {
			return toApiError( new Error( error.statusText ) );
		}
	}
	return toApiError( error );
}
