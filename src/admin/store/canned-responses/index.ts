/**
 * `switchboard/canned-responses`: the agent's own and the shared canned responses.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/canned-responses';
import { toApiError } from '../../../shared/api/errors';
import type {
	ApiError,
	CannedResponse,
	CannedResponseInput,
} from '../../../shared/types';

export const STORE_NAME = 'switchboard/canned-responses';

export interface CannedState {
	items: CannedResponse[] | null;
	error: ApiError | null;
}

export const DEFAULT_STATE: CannedState = { items: null, error: null };

type Action =
	| { type: 'RECEIVE_CANNED'; items: CannedResponse[] }
	| { type: 'RECEIVE_CANNED_ERROR'; error: ApiError }
	| { type: 'UPSERT_CANNED'; item: CannedResponse }
	| { type: 'REMOVE_CANNED'; id: number };

export const plainActions = {
	receiveCannedResponses: ( items: CannedResponse[] ): Action => ( {
		type: 'RECEIVE_CANNED',
		items,
	} ),
	receiveCannedResponsesError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_CANNED_ERROR',
		error,
	} ),
	upsertCannedResponse: ( item: CannedResponse ): Action => ( {
		type: 'UPSERT_CANNED',
		item,
	} ),
	removeCannedResponse: ( id: number ): Action => ( {
		type: 'REMOVE_CANNED',
		id,
	} ),
};

function byTitle( a: CannedResponse, b: CannedResponse ): number {
	return a.title.localeCompare( b.title );
}

export function reducer(
	state: CannedState = DEFAULT_STATE,
	action: Action
): CannedState {
	switch ( action.type ) {
		case 'RECEIVE_CANNED':
			return { items: [ ...action.items ].sort( byTitle ), error: null };
		case 'RECEIVE_CANNED_ERROR':
			return { ...state, error: action.error };
		case 'UPSERT_CANNED': {
			const rest = ( state.items ?? [] ).filter(
				( item ) => item.id !== action.item.id
			);
			return {
				...state,
				items: [ ...rest, action.item ].sort( byTitle ),
			};
		}
		case 'REMOVE_CANNED':
			return {
				...state,
				items: ( state.items ?? [] ).filter(
					( item ) => item.id !== action.id
				),
			};
		default:
			return state;
	}
}

export const selectors = {
	getCannedResponses: ( state: CannedState ): CannedResponse[] | null =>
		state.items,
	getCannedResponsesError: ( state: CannedState ): ApiError | null =>
		state.error,
};

interface ThunkArgs {
	dispatch: typeof plainActions;
}

async function load( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveCannedResponses( await api.fetchCannedResponses() );
	} catch ( error ) {
		dispatch.receiveCannedResponsesError( toApiError( error ) );
	}
}

export const actions = {
	...plainActions,
	refreshCannedResponses:
		() =>
		( { dispatch }: ThunkArgs ) =>
			load( dispatch ),
	saveCannedResponse:
		( data: CannedResponseInput, id?: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< CannedResponse > => {
			const item = id
				? await api.updateCannedResponse( id, data )
				: await api.createCannedResponse( data );
			dispatch.upsertCannedResponse( item );
			return item;
		},
	deleteCannedResponse:
		( id: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			await api.deleteCannedResponse( id );
			dispatch.removeCannedResponse( id );
		},
};

export const resolvers = {
	getCannedResponses:
		() =>
		( { dispatch }: ThunkArgs ) =>
			load( dispatch ),
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
