/**
 * Internal dependencies
 */
import type { Agent, ApiError, Overview, Tag } from '../../../shared/types';
import type { plainActions } from './actions';

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

export type Action =
	| { type: 'RECEIVE_OVERVIEW'; overview: Overview }
	| { type: 'RECEIVE_OVERVIEW_ERROR'; error: ApiError }
	| { type: 'RECEIVE_AGENTS'; agents: Agent[] }
	| { type: 'RECEIVE_AGENTS_ERROR'; error: ApiError }
	| { type: 'RECEIVE_TAGS'; tags: Tag[] }
	| { type: 'RECEIVE_TAGS_ERROR'; error: ApiError }
	| { type: 'ADD_TAG'; tag: Tag }
	| { type: 'CREATE_NOTICE'; notice: Notice }
	| { type: 'REMOVE_NOTICE'; id: string };

export interface ThunkArgs {
	dispatch: typeof plainActions;
}
