/**
 * Internal dependencies
 */
import { entity } from './entity';
import type { EntityThunkArgs } from '../entities/actions';
import type { CannedResponse } from '../../../shared/types';

const generic = entity.actions;

export const plainActions = {
	receiveCannedResponses: generic.receiveRecords,
	receiveCannedResponsesError: generic.receiveRecordsError,
	upsertCannedResponse: generic.upsertRecord,
	removeCannedResponse: generic.removeRecord,
};

export const actions = {
	...generic,
	...plainActions,
	refreshCannedResponses: generic.refresh,
	saveCannedResponse: generic.saveRecord,
	deleteCannedResponse:
		( id: number ) =>
		async ( args: EntityThunkArgs< CannedResponse > ): Promise< void > => {
			await generic.deleteRecord( id )( args );
		},
};
