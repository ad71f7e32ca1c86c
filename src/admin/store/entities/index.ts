/**
 * The one entity pattern for CRUD resources (teams, canned responses, mailboxes): a store
 * factory giving each resource the same reducer, selectors (`getRecords`, `getRecordsError`,
 * `getRecord`), actions (`refresh`, `saveRecord`, `deleteRecord`) and resolver, and the
 * `useEntityRecords` hook to read one. Model: Gutenberg core-data entities + use-entity-records,
 * WooCommerce packages/js/data/src/crud.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { createEntityActions } from './actions';
import { createEntityReducer } from './reducer';
import { createEntityResolvers } from './resolvers';
import { createEntitySelectors } from './selectors';
import type { EntityApi, EntityConfig, EntityRecord } from './types';

export { EMPTY_ENTITY_STATE } from './reducer';
export type { EntityConfig, EntityRecord, EntityState } from './types';
export { useEntityRecords } from './use-entity-records';

/**
 * Reducer, actions, selectors and resolvers of one resource, for a store to extend (with
 * domain-named aliases) before `createReduxStore`.
 *
 * @param config Resource.
 */
export function createEntityConfig< T extends EntityRecord, Input, Removed >(
	config: EntityConfig< T, Input, Removed >
) {
	return {
		reducer: createEntityReducer< T >( config.compare ),
		actions: createEntityActions< T, Input, Removed >( config ),
		selectors: createEntitySelectors< T >(),
		resolvers: createEntityResolvers< T >(
			config.api as EntityApi< T, unknown, unknown >
		),
	};
}

/**
 * A store of one resource with only the generic names.
 *
 * @param name   Store name.
 * @param config Resource.
 */
export function createEntityStore< T extends EntityRecord, Input, Removed >(
	name: string,
	config: EntityConfig< T, Input, Removed >
) {
	return createReduxStore( name, createEntityConfig( config ) );
}
