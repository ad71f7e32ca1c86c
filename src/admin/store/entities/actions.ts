/**
 * Internal dependencies
 */
import { asApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import type {
	EntityAction,
	EntityApi,
	EntityConfig,
	EntityRecord,
} from './types';

/**
 * The plain actions of an entity store (`RECEIVE_<KIND>`, `RECEIVE_<KIND>_ERROR`, …).
 *
 * @param kind Action type suffix, e.g. 'TEAMS'.
 */
export function createEntityPlainActions< T extends EntityRecord >(
	kind: string
) {
	return {
		receiveRecords: ( items: T[] ): EntityAction< T > => ( {
			type: `RECEIVE_${ kind }`,
			op: 'receive',
			items,
		} ),
		receiveRecordsError: ( error: ApiError ): EntityAction< T > => ( {
			type: `RECEIVE_${ kind }_ERROR`,
			op: 'error',
			error,
		} ),
		upsertRecord: ( item: T ): EntityAction< T > => ( {
			type: `UPSERT_${ kind }`,
			op: 'upsert',
			item,
		} ),
		removeRecord: ( id: number ): EntityAction< T > => ( {
			type: `REMOVE_${ kind }`,
			op: 'remove',
			id,
		} ),
	};
}

type PlainActions< T extends EntityRecord > = ReturnType<
	typeof createEntityPlainActions< T >
>;

export interface EntityThunkArgs< T extends EntityRecord > {
	dispatch: PlainActions< T >;
}

/**
 * Loads the list into the store; a failure is kept as the list's error (never thrown).
 *
 * @param api      REST calls.
 * @param dispatch Store actions.
 */
export async function loadRecords< T extends EntityRecord >(
	api: EntityApi< T, unknown, unknown >,
	dispatch: PlainActions< T >
): Promise< void > {
	try {
		dispatch.receiveRecords( await api.list() );
	} catch ( error ) {
		dispatch.receiveRecordsError( await asApiError( error ) );
	}
}

function readOnly(): Promise< never > {
	return Promise.reject( new Error( 'This resource is read-only.' ) );
}

/**
 * The actions of an entity store: the plain ones, `refresh`, `saveRecord` (create without id,
 * update with one) and `deleteRecord` (resolves to what the server answered). Writes reject
 * with the server's error and leave the list as it was.
 *
 * @param config Resource.
 */
export function createEntityActions< T extends EntityRecord, Input, Removed >(
	config: EntityConfig< T, Input, Removed >
) {
	const { api } = config;
	const writes = {
		create: api.create ?? readOnly,
		update: api.update ?? readOnly,
		remove: api.remove ?? readOnly,
	};
	return {
		...createEntityPlainActions< T >( config.kind ),
		refresh:
			() =>
			( { dispatch }: EntityThunkArgs< T > ) =>
				loadRecords< T >(
					api as EntityApi< T, unknown, unknown >,
					dispatch
				),
		saveRecord:
			( data: Input, id?: number ) =>
			async ( { dispatch }: EntityThunkArgs< T > ): Promise< T > => {
				const item = id
					? await writes.update( id, data )
					: await writes.create( data );
				dispatch.upsertRecord( item );
				return item;
			},
		deleteRecord:
			( id: number ) =>
			async ( {
				dispatch,
			}: EntityThunkArgs< T > ): Promise< Removed > => {
				const removed = await writes.remove( id );
				dispatch.removeRecord( id );
				return removed;
			},
	};
}
