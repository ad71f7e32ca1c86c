/**
 * Internal dependencies
 */
import * as teamApi from '../../../shared/api/team';
import type { Agent, ApiError, Overview, Tag } from '../../../shared/types';
import { loadTags } from './resolvers';
import type { Action, Notice, ThunkArgs } from './types';

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
