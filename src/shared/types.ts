/**
 * Shapes of the `switchboard/v1` REST resources, shared by every front end.
 */

export interface Overview {
	plugin_version: string;
	woocommerce_active: boolean;
	user: {
		id: number;
		display_name: string;
		avatar: string;
	};
	capabilities: {
		agent: boolean;
		manage: boolean;
	};
}

/**
 * A REST error as WordPress sends it: stable code, translated message, HTTP status.
 */
export interface ApiError {
	code: string;
	message: string;
	data?: { status?: number; [ key: string ]: unknown } | null;
}

export function isApiError( value: unknown ): value is ApiError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as ApiError ).code === 'string' &&
		typeof ( value as ApiError ).message === 'string'
	);
}
