/**
 * Internal dependencies
 */
import type { EntityState } from '../entities';
import type { Team } from '../../../shared/types';

export const STORE_NAME = 'switchboard/teams';

export type TeamsState = EntityState< Team >;
