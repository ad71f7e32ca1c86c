/**
 * Internal dependencies
 */
import type { Agent, ApiError, Overview, Tag } from '../../../shared/types';
import type { CoreState, Notice } from './types';

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
