/**
 * Teams through the entity pattern: sorted by name; deleting one answers how many tickets lost it.
 */

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/teams';
import { createEntityConfig } from '../entities';
import type { Team, TeamInput } from '../../../shared/types';

export const entity = createEntityConfig<
	Team,
	TeamInput,
	{ tickets_cleared: number }
>( {
	kind: 'TEAMS',
	api: {
		list: api.fetchTeams,
		create: api.createTeam,
		update: api.updateTeam,
		remove: api.deleteTeam,
	},
	compare: ( a, b ) => a.name.localeCompare( b.name ),
} );
