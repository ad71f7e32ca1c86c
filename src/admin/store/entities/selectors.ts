/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import type { EntityRecord, EntityState } from './types';

/**
 * The selectors every entity store has.
 */
export function createEntitySelectors< T extends EntityRecord >() {
	return {
		getRecords: ( state: EntityState< T > ): T[] | null => state.items,
		getRecordsError: ( state: EntityState< T > ): ApiError | null =>
			state.error,
		getRecord: ( state: EntityState< T >, id: number ): T | undefined =>
			state.items?.find( ( item ) => item.id === id ),
	};
}
