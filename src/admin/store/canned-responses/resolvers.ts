/**
 * Internal dependencies
 */
import { entity } from './entity';

export const resolvers = {
	...entity.resolvers,
	getCannedResponses: entity.resolvers.getRecords,
};
