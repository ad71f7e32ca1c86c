/**
 * Canned responses through the entity pattern, sorted by title.
 */

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/canned-responses';
import { createEntityConfig } from '../entities';
import type {
	CannedResponse,
	CannedResponseInput,
} from '../../../shared/types';

export const entity = createEntityConfig<
	CannedResponse,
	CannedResponseInput,
	unknown
>( {
	kind: 'CANNED',
	api: {
		list: api.fetchCannedResponses,
		create: api.createCannedResponse,
		update: api.updateCannedResponse,
		remove: api.deleteCannedResponse,
	},
	compare: ( a, b ) => a.title.localeCompare( b.title ),
} );
