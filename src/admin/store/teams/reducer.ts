/**
 * Internal dependencies
 */
import { EMPTY_ENTITY_STATE } from '../entities';
import { entity } from './entity';
import type { TeamsState } from './types';

export const DEFAULT_STATE: TeamsState = EMPTY_ENTITY_STATE;

export const reducer = entity.reducer;
