/**
 * Internal dependencies
 */
import type { EntityAction, EntityRecord, EntityState } from './types';

export const EMPTY_ENTITY_STATE = { items: null, error: null };

/**
 * The reducer of one entity list: a load replaces the list and clears the error, a failed load
 * keeps the list, a save replaces or adds one record, a delete drops it; always sorted.
 *
 * @param compare List order.
 */
export function createEntityReducer< T extends EntityRecord >(
	compare: ( a: T, b: T ) => number
) {
	return function reducer(
		state: EntityState< T > = EMPTY_ENTITY_STATE,
		action: EntityAction< T >
	): EntityState< T > {
		switch ( action.op ) {
			case 'receive':
				return {
					items: [ ...action.items ].sort( compare ),
					error: null,
				};
			case 'error':
				return { ...state, error: action.error };
			case 'upsert': {
				const rest = ( state.items ?? [] ).filter(
					( item ) => item.id !== action.item.id
				);
				return {
					...state,
					items: [ ...rest, action.item ].sort( compare ),
				};
			}
			case 'remove':
				return {
					...state,
					items: ( state.items ?? [] ).filter(
						( item ) => item.id !== action.id
					),
				};
			default:
				return state;
		}
	};
}
