/**
 * The search-index maintenance route (GET/POST /settings/search-index).
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';

export interface SearchIndexState {
	/** Tables with a full-text index. */
	tables: string[];
	/** Published help articles, and how many the search index holds. */
	articles: { published: number; indexed: number };
	/** Present after a rebuild. */
	rebuilt?: {
		tables: string[];
		articles: number;
		seconds: number;
		message: string;
	};
}

export function fetchSearchIndex(): Promise< SearchIndexState > {
	return get< SearchIndexState >( '/settings/search-index' );
}

export function rebuildSearchIndex(): Promise< SearchIndexState > {
	return send< SearchIndexState >( 'POST', '/settings/search-index', {} );
}
