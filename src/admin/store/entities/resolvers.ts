/**
 * Internal dependencies
 */
import { loadRecords, type EntityThunkArgs } from './actions';
import type { EntityApi, EntityRecord } from './types';

/**
 * `getRecords` loads the list the first time it is selected.
 *
 * @param api REST calls.
 */
export function createEntityResolvers< T extends EntityRecord >(
	api: EntityApi< T, unknown, unknown >
) {
	return {
		getRecords:
			() =>
			( { dispatch }: EntityThunkArgs< T > ) =>
				loadRecords< T >( api, dispatch ),
	};
}
