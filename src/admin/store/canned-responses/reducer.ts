/**
 * Internal dependencies
 */
import { EMPTY_ENTITY_STATE } from '../entities';
import { entity } from './entity';
import type { CannedState } from './types';

export const DEFAULT_STATE: CannedState = EMPTY_ENTITY_STATE;

export const reducer = entity.reducer;
