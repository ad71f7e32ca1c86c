/**
 * `switchboard/teams`: the teams (routing groups of agents) for the pickers, the inbox filter
 * and Settings → Team.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/teams';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError, Team, TeamInput } from '../../../shared/types';

export const STORE_NAME = 'switchboard/teams';

export interface TeamsState {
	items: Team[] | null;
	error: ApiError | null;
}

export const DEFAULT_STATE: TeamsState = { items: null, error: null };

type Action =
	| { type: 'RECEIVE_TEAMS'; items: Team[] }
	| { type: 'RECEIVE_TEAMS_ERROR'; error: ApiError }
	| { type: 'UPSERT_TEAM'; item: Team }
	| { type: 'REMOVE_TEAM'; id: number };

export const plainActions = {
	receiveTeams: ( items: Team[] ): Action => ( {
		type: 'RECEIVE_TEAMS',
		items,
	} ),
	receiveTeamsError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_TEAMS_ERROR',
		error,
	} ),
	upsertTeam: ( item: Team ): Action => ( { type: 'UPSERT_TEAM', item } ),
	removeTeam: ( id: number ): Action => ( { type: 'REMOVE_TEAM', id } ),
};

function byName( a: Team, b: Team ): number {
	return a.name.localeCompare( b.name );
}

export function reducer(
	state: TeamsState = DEFAULT_STATE,
	action: Action
): TeamsState {
	switch ( action.type ) {
		case 'RECEIVE_TEAMS':
			return { items: [ ...action.items ].sort( byName ), error: null };
		case 'RECEIVE_TEAMS_ERROR':
			return { ...state, error: action.error };
		case 'UPSERT_TEAM': {
			const rest = ( state.items ?? [] ).filter(
				( item ) => item.id !== action.item.id
			);
			return { ...state, items: [ ...rest, action.item ].sort( byName ) };
		}
		case 'REMOVE_TEAM':
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
	getTeams: ( state: TeamsState ): Team[] | null => state.items,
	getTeamsError: ( state: TeamsState ): ApiError | null => state.error,
};

interface ThunkArgs {
	dispatch: typeof plainActions;
}

async function load( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveTeams( await api.fetchTeams() );
	} catch ( error ) {
		dispatch.receiveTeamsError( toApiError( error ) );
	}
}

export const actions = {
	...plainActions,
	refreshTeams:
		() =>
		( { dispatch }: ThunkArgs ) =>
			load( dispatch ),
	saveTeam:
		( data: TeamInput, id?: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Team > => {
			const item = id
				? await api.updateTeam( id, data )
				: await api.createTeam( data );
			dispatch.upsertTeam( item );
			return item;
		},
	deleteTeam:
		( id: number ) =>
		async ( { dispatch }: ThunkArgs ): Promise< number > => {
			const { tickets_cleared: cleared } = await api.deleteTeam( id );
			dispatch.removeTeam( id );
			return cleared;
		},
};

export const resolvers = {
	getTeams:
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
