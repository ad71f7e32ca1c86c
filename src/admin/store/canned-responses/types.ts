/**
 * Internal dependencies
 */
import type { EntityState } from '../entities';
import type { CannedResponse } from '../../../shared/types';

export const STORE_NAME = 'switchboard/canned-responses';

export type CannedState = EntityState< CannedResponse >;
