/**
 * Internal dependencies
 */
import type { Action, CoreState } from './types';

export const DEFAULT_STATE: CoreState = {
	overview: null,
	overviewError: null,
	agents: null,
	agentsError: null,
	tags: null,
	tagsError: null,
	notices: [],
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
