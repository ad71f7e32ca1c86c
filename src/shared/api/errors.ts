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
