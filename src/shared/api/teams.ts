/**
 * Typed calls for teams (routing groups of agents). Agents read them; managers write them.
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';
import type { Team, TeamInput } from '../types';

export function fetchTeams(): Promise< Team[] > {
	return get< Team[] >( '/teams' );
}

export function createTeam( data: TeamInput ): Promise< Team > {
	return send< Team >(
		'POST',
		'/teams',
		data as unknown as Record< string, unknown >
	);
}

export function updateTeam( id: number, data: TeamInput ): Promise< Team > {
	return send< Team >(
		'PATCH',
		`/teams/${ id }`,
		data as unknown as Record< string, unknown >
	);
}

export function deleteTeam(
	id: number
): Promise< { deleted: boolean; tickets_cleared: number } > {
	return send< { deleted: boolean; tickets_cleared: number } >(
		'DELETE',
		`/teams/${ id }`
	);
}
