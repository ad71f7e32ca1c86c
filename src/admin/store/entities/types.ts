/**
 * Types of the entity pattern: one list of records of one REST resource, kept sorted, with the
 * last load error (model: Gutenberg core-data entities, WooCommerce data/crud).
 */

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';

export interface EntityRecord {
	id: number;
}

export interface EntityState< T extends EntityRecord > {
	/** null until the first load answers. */
	items: T[] | null;
	error: ApiError | null;
}

/**
 * The REST calls of one resource.
 */
export interface EntityApi< T extends EntityRecord, Input, Removed > {
	list: () => Promise< T[] >;
	/** Absent on a read-only resource (then saveRecord/deleteRecord reject). */
	create?: ( data: Input ) => Promise< T >;
	update?: ( id: number, data: Input ) => Promise< T >;
	remove?: ( id: number ) => Promise< Removed >;
}

export interface EntityConfig< T extends EntityRecord, Input, Removed > {
	/** Action type prefix, e.g. 'TEAMS'. */
	kind: string;
	api: EntityApi< T, Input, Removed >;
	/** List order (the reducer keeps the list sorted). */
	compare: ( a: T, b: T ) => number;
}

/**
 * Actions of an entity store; `type` names the resource for devtools (`RECEIVE_TEAMS`), `op`
 * says what happens.
 */
export type EntityAction< T extends EntityRecord > = { type: string } & (
	| { op: 'receive'; items: T[] }
	| { op: 'error'; error: ApiError }
	| { op: 'upsert'; item: T }
	| { op: 'remove'; id: number }
);
