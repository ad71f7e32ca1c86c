/**
 * Internal dependencies
 */
import { entity } from './entity';

export const selectors = {
	...entity.selectors,
	getTeams: entity.selectors.getRecords,
	getTeamsError: entity.selectors.getRecordsError,
};
