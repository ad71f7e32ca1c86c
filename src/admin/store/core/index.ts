/**
 * `switchboard/core`: who is signed in (overview), the team, tags, and the notices every screen shows.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { fetchOverview } from '../../../shared/api/client';
import { toApiError } from '../../../shared/api/errors';
import * as teamApi from '../../../shared/api/team';
import type { Agent, ApiError, Overview, Tag } from '../../../shared/types';

export const STORE_NAME = 'switchboard/core';

export interface Notice {
	id: string;
	status: 'success' | 'error' | 'info' | 'warning';
	content: string;
}

export interface CoreState {
	overview: Overview | null;
	overviewError: ApiError | null;
	agents: Agent[] | null;
	agentsError: ApiError | null;
	tags: Tag[] | null;
	tagsError: ApiError | null;
	notices: Notice[];
}

export const DEFAULT_STATE: CoreState = {
	overview: null,
	overviewError: null,
	agents: null,
	agentsError: null,
	tags: null,
	tagsError: null,
	notices: [],
};

type Action =
	| { type: 'RECEIVE_OVERVIEW'; overview: Overview }
	| { type: 'RECEIVE_OVERVIEW_ERROR'; error: ApiError }
	| { type: 'RECEIVE_AGENTS'; agents: Agent[] }
	| { type: 'RECEIVE_AGENTS_ERROR'; error: ApiError }
	| { type: 'RECEIVE_TAGS'; tags: Tag[] }
	| { type: 'RECEIVE_TAGS_ERROR'; error: ApiError }
	| { type: 'ADD_TAG'; tag: Tag }
	| { type: 'CREATE_NOTICE'; notice: Notice }
	| { type: 'REMOVE_NOTICE'; id: string };

let noticeCounter = 0;

export const plainActions = {
	receiveOverview: ( overview: Overview ): Action => ( {
		type: 'RECEIVE_OVERVIEW',
		overview,
	} ),
	receiveOverviewError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_OVERVIEW_ERROR',
		error,
	} ),
	receiveAgents: ( agents: Agent[] ): Action => ( {
		type: 'RECEIVE_AGENTS',
		agents,
	} ),
	receiveAgentsError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_AGENTS_ERROR',
		error,
	} ),
	receiveTags: ( tags: Tag[] ): Action => ( { type: 'RECEIVE_TAGS', tags } ),
	receiveTagsError: ( error: ApiError ): Action => ( {
		type: 'RECEIVE_TAGS_ERROR',
		error,
	} ),
	addTag: ( tag: Tag ): Action => ( { type: 'ADD_TAG', tag } ),
	/**
	 * Shows a notice (snackbar for success/info, a notice that stays for errors).
	 *
	 * @param status  Kind.
	 * @param content Translated text.
	 * @param id      Replaces an earlier notice with the same id.
	 */
	createNotice: (
		status: Notice[ 'status' ],
		content: string,
		id?: string
	): Action => ( {
		type: 'CREATE_NOTICE',
		notice: { id: id ?? `notice-${ ++noticeCounter }`, status, content },
	} ),
	removeNotice: ( id: string ): Action => ( { type: 'REMOVE_NOTICE', id } ),
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
		case 'RECEIVE_AGENTS':
			return { ...state, agents: action.agents, agentsError: null };
		case 'RECEIVE_AGENTS_ERROR':
			return { ...state, agentsError: action.error };
		case 'RECEIVE_TAGS':
			return { ...state, tags: action.tags, tagsError: null };
		case 'RECEIVE_TAGS_ERROR':
			return { ...state, tagsError: action.error };
		case 'ADD_TAG':
			return {
				...state,
				tags: [
					...( state.tags ?? [] ).filter(
						( tag ) => tag.id !== action.tag.id
					),
					action.tag,
				],
			};
		case 'CREATE_NOTICE':
			return {
				...state,
				notices: [
					...state.notices.filter(
						( notice ) => notice.id !== action.notice.id
					),
					action.notice,
				],
			};
		case 'REMOVE_NOTICE':
			return {
				...state,
				notices: state.notices.filter(
					( notice ) => notice.id !== action.id
				),
			};
		default:
			return state;
	}
}

export const selectors = {
	getOverview: ( state: CoreState ): Overview | null => state.overview,
	getOverviewError: ( state: CoreState ): ApiError | null =>
		state.overviewError,
	getAgents: ( state: CoreState ): Agent[] | null => state.agents,
	getAgentsError: ( state: CoreState ): ApiError | null => state.agentsError,
	getTags: ( state: CoreState ): Tag[] | null => state.tags,
	getTagsError: ( state: CoreState ): ApiError | null => state.tagsError,
	getNotices: ( state: CoreState ): Notice[] => state.notices,
};

interface ThunkArgs {
	dispatch: typeof plainActions;
}

async function loadAgents( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveAgents( await teamApi.fetchAgents() );
	} catch ( error ) {
		dispatch.receiveAgentsError( toApiError( error ) );
	}
}

async function loadTags( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveTags( await teamApi.fetchTags() );
	} catch ( error ) {
		dispatch.receiveTagsError( toApiError( error ) );
	}
}

export const actions = {
	...plainActions,
	refreshTags:
		() =>
		( { dispatch }: ThunkArgs ) =>
			loadTags( dispatch ),
	createTag:
		( name: string, color = '' ) =>
		async ( { dispatch }: ThunkArgs ): Promise< Tag > => {
			const tag = await teamApi.createTag( { name, color } );
			dispatch.addTag( tag );
			return tag;
		},
};

export const resolvers = {
	getOverview:
		() =>
		async ( { dispatch }: ThunkArgs ) => {
			try {
				dispatch.receiveOverview( await fetchOverview() );
			} catch ( error ) {
				dispatch.receiveOverviewError( toApiError( error ) );
			}
		},
	getAgents:
		() =>
		( { dispatch }: ThunkArgs ) =>
			loadAgents( dispatch ),
	getTags:
		() =>
		( { dispatch }: ThunkArgs ) =>
			loadTags( dispatch ),
};

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
