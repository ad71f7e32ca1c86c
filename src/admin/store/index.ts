/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { fetchOverview } from '../../shared/api/client';
import type { ApiError, Overview } from '../../shared/types';
import { isApiError } from '../../shared/types';

export const STORE_NAME = 'switchboard/core';

export interface CoreState {
	overview: Overview | null;
	overviewError: ApiError | null;
}

const DEFAULT_STATE: CoreState = { overview: null, overviewError: null };

type Action =
	| { type: 'RECEIVE_OVERVIEW'; overview: Overview }
	| { type: 'RECEIVE_OVERVIEW_ERROR'; error: ApiError };

export const actions = {
	receiveOverview: ( overview: Overview ): Action => ( {
		type: 'RECEIVE_OVERVIEW',
		overview,
	} ),
	receiveOverviewError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_OVERVIEW_ERROR',
		error,
	} ),
};

export function reducer(
	state: CoreState = DEFAULT_STATE,
	action: Action
): CoreState {
	switch ( action.type ) {
		case 'RECEIVE_OVERVIEW':
			return { ...state, overview: action.overview, overviewError: null };
		case 'RECEIVE_OVERVIEW_ERROR':
			return { ...state, overviewError: action.error };
		default:
			return state;
	}
}

export const selectors = {
	getOverview: ( state: CoreState ): Overview | null => state.overview,
	getOverviewError: ( state: CoreState ): ApiError | null =>
		state.overviewError,
};

interface ThunkArgs {
	dispatch: typeof actions;
}

export const resolvers = {
	getOverview:
		() =>
		async ( { dispatch }: ThunkArgs ) => {
			try {
				dispatch.receiveOverview( await fetchOverview() );
			} catch ( error ) {
				dispatch.receiveOverviewError(
					isApiError( error )
						? error
						: {
								code: 'switchboard_network',
								message: String( error ),
						  }
				);
			}
		},
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
