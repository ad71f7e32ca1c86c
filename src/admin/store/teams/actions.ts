/**
 * Internal dependencies
 */
import { entity } from './entity';
import type { EntityThunkArgs } from '../entities/actions';
import type { Team, TeamInput } from '../../../shared/types';

const generic = entity.actions;

export const plainActions = {
	receiveTeams: generic.receiveRecords,
	receiveTeamsError: generic.receiveRecordsError,
	upsertTeam: generic.upsertRecord,
	removeTeam: generic.removeRecord,
};

export const actions = {
	...generic,
	...plainActions,
	refreshTeams: generic.refresh,
	saveTeam: generic.saveRecord,
	/**
	 * Deletes a team; resolves to how many tickets it was taken off.
	 *
	 * @param id Team id.
	 */
	deleteTeam:
		( id: number ) =>
		async ( args: EntityThunkArgs< Team > ): Promise< number > =>
			( await generic.deleteRecord( id )( args ) ).tickets_cleared,
};

export type { TeamInput };
