/**
 * Internal dependencies
 */
import { fetchOverview } from '../../../shared/api/client';
import { toApiError } from '../../../shared/api/errors';
import * as teamApi from '../../../shared/api/team';
import type { ThunkArgs } from './types';

export async function loadAgents( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveAgents( await teamApi.fetchAgents() );
	} catch ( error ) {
		dispatch.receiveAgentsError( toApiError( error ) );
	}
}

export async function loadTags( dispatch: ThunkArgs[ 'dispatch' ] ) {
	try {
		dispatch.receiveTags( await teamApi.fetchTags() );
	} catch ( error ) {
		dispatch.receiveTagsError( toApiError( error ) );
	}
}

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
