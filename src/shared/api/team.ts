/**
 * Typed calls for agents and tags.
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';
import type { Agent, Tag } from '../types';

export function fetchAgents(): Promise< Agent[] > {
	return get< Agent[] >( '/agents' );
}

export function fetchTags(): Promise< Tag[] > {
	return get< Tag[] >( '/tags', { per_page: 100 } );
}

export function createTag( data: {
	name: string;
	color?: string;
} ): Promise< Tag > {
	return send< Tag >( 'POST', '/tags', data );
}
