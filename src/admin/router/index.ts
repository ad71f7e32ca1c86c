/**
 * A tiny history-API router: the SPA's state lives in the query string of
 * `admin.php?page=switchboard&view=mine&ticket=123`, so every screen is linkable and
 * back/forward work. Subscribers re-render on navigate() and popstate.
 */

/**
 * WordPress dependencies
 */
import { useMemo, useSyncExternalStore } from '@wordpress/element';

export type Screen = 'inbox' | 'ticket' | 'settings' | 'new-ticket';

/** Query-string keys the SPA owns (besides `page`). */
export const ROUTE_KEYS = [
	'view',
	'ticket',
	'screen',
	'tab',
	'status',
	'channel',
	'tag',
	'team',
	'priority',
	'assignee',
	'after',
	'before',
	's',
	'orderby',
	'order',
	'paged',
] as const;

export type RouteKey = ( typeof ROUTE_KEYS )[ number ];
export type RouteParams = Partial< Record< RouteKey, string > >;

export interface Route {
	screen: Screen;
	view: string;
	ticket: number | null;
	params: RouteParams;
}

export const DEFAULT_VIEW = 'mine';
const PAGE = 'switchboard';

export function parseRoute( search: string ): Route {
	const query = new URLSearchParams( search );
	const params: RouteParams = {};
	for ( const key of ROUTE_KEYS ) {
		const value = query.get( key );
		if ( value !== null && value !== '' ) {
			params[ key ] = value;
		}
	}
	const ticket = Number( params.ticket );
	const hasTicket = Number.isInteger( ticket ) && ticket > 0;
	let screen: Screen = 'inbox';
	if ( params.screen === 'settings' ) {
		screen = 'settings';
	} else if ( params.screen === 'new-ticket' ) {
		screen = 'new-ticket';
	} else if ( hasTicket ) {
		screen = 'ticket';
	}
	return {
		screen,
		view: params.view ?? DEFAULT_VIEW,
		ticket: hasTicket ? ticket : null,
		params,
	};
}

export function buildSearch( params: RouteParams ): string {
	const query = new URLSearchParams( { page: PAGE } );
	for ( const key of ROUTE_KEYS ) {
		const value = params[ key ];
		if ( value !== undefined && value !== '' ) {
			query.set( key, value );
		}
	}
	return '?' + query.toString();
}

const listeners = new Set< () => void >();

function subscribe( listener: () => void ): () => void {
	listeners.add( listener );
	window.addEventListener( 'popstate', listener );
	return () => {
		listeners.delete( listener );
		window.removeEventListener( 'popstate', listener );
	};
}

function getSnapshot(): string {
	return window.location.search;
}

export interface NavigateOptions {
	/** Replace the history entry instead of pushing one (filters, search typing). */
	replace?: boolean;
	/** Keep the current params and change only the given ones (undefined removes a key). */
	merge?: boolean;
}

/**
 * Goes to a route.
 *
 * @param params  Route params.
 * @param options Push or replace, merge or set.
 */
export function navigate( params: RouteParams, options: NavigateOptions = {} ) {
	const next = options.merge
		? { ...parseRoute( window.location.search ).params, ...params }
		: params;
	const search = buildSearch( next );
	if ( search === window.location.search ) {
		return;
	}
	const url = window.location.pathname + search + window.location.hash;
	if ( options.replace ) {
		window.history.replaceState( null, '', url );
	} else {
		window.history.pushState( null, '', url );
	}
	listeners.forEach( ( listener ) => listener() );
}

/**
 * The href of a route, for real links (open in a new tab works).
 * @param params
 */
export function routeHref( params: RouteParams ): string {
	return window.location.pathname + buildSearch( params );
}

export function useRoute(): Route {
	const search = useSyncExternalStore( subscribe, getSnapshot );
	return useMemo( () => parseRoute( search ), [ search ] );
}
