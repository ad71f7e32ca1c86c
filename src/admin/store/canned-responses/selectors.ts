/**
 * Internal dependencies
 */
import { entity } from './entity';

export const selectors = {
	...entity.selectors,
	getCannedResponses: entity.selectors.getRecords,
	getCannedResponsesError: entity.selectors.getRecordsError,
};
