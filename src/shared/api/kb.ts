/**
 * Knowledge base search for agents (GET /kb/search with internal articles).
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';

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

export interface MissingSearch {
	id: number;
	query: string;
	hits: number;
	first_at: string;
	last_at: string;
}

export interface DeflectionSummary {
	opened: number;
	deflected: number;
	submitted: number;
	days: number;
}

/**
 * Searches that found nothing, most asked first.
 */
export function fetchMissingSearches(): Promise< MissingSearch[] > {
	return get< MissingSearch[] >( '/kb/missing', {
		per_page: 20,
		orderby: 'hits',
	} );
}

/**
 * Forgets a missing search (the article was written, or it was noise).
 *
 * @param id Entry.
 */
export function dismissMissingSearch( id: number ): Promise< unknown > {
	return send( 'DELETE', `/kb/missing/${ id }` );
}

/**
 * Suggested articles opened from the forms, and how many of those visits still sent a ticket.
 *
 * @param days Period.
 */
export function fetchDeflections( days = 30 ): Promise< DeflectionSummary > {
	return get< DeflectionSummary >( '/kb/deflections/summary', { days } );
}
