/**
 * Internal dependencies
 */
import { entity } from './entity';

export const resolvers = {
	...entity.resolvers,
	getTeams: entity.resolvers.getRecords,
};
