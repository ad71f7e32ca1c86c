/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import type { StoreDescriptor } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';
import type { EntityRecord } from './types';

export interface EntityRecords< T extends EntityRecord, Input, Removed > {
	/** null while the first load runs (or when it failed). */
	records: T[] | null;
	error: ApiError | null;
	/** Loads the list again (a failure becomes `error`). */
	refresh: () => Promise< void >;
	/** Creates (no id) or updates a record; rejects with the server's error. */
	saveRecord: ( data: Input, id?: number ) => Promise< T >;
	deleteRecord: ( id: number ) => Promise< Removed >;
}

/**
 * The records of an entity store (loaded on first use) and its writes. Model: Gutenberg's
 * `useEntityRecords`.
 *
 * @param store An entity store (see createEntityConfig).
 */
export function useEntityRecords< T extends EntityRecord, Input, Removed >(
	store: StoreDescriptor
): EntityRecords< T, Input, Removed > {
	const { records, error } = useSelect(
		( select ) => {
			const selectors = select( store ) as unknown as {
				getRecords: () => T[] | null;
				getRecordsError: () => ApiError | null;
			};
			return {
				records: selectors.getRecords(),
				error: selectors.getRecordsError(),
			};
		},
		[ store ]
	);
	const actions = useDispatch( store ) as unknown as Omit<
		EntityRecords< T, Input, Removed >,
		'records' | 'error'
	>;
	return {
		records,
		error,
		refresh: actions.refresh,
		saveRecord: actions.saveRecord,
		deleteRecord: actions.deleteRecord,
	};
}
