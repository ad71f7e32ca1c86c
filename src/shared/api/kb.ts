/**
 * Knowledge base search for agents (GET /kb/search with internal articles).
 */

/**
 * Internal dependencies
 */
import { get } from './client';

export interface KbArticle {
	id: number;
	title: string;
	excerpt: string;
	url: string;
	internal: boolean;
}

/**
 * Articles matching `query`, internal ones included (the route includes them only for agents).
 *
 * @param query What the agent typed.
 */
export function searchArticles( query: string ): Promise< KbArticle[] > {
	return get< KbArticle[] >( '/kb/search', {
		q: query,
		limit: 8,
		source: 'composer',
		include_internal: true,
	} );
}
