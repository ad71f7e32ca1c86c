/**
 * The inbox views in the sidebar and the ticket query each stands for.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Queues, TicketQuery } from '../shared/types';
import type { RouteParams } from './router';
import { channelLabel } from './labels';

export const OPEN_STATUSES = 'new,open,pending,on-hold';

export interface View {
	id: string;
	label: string;
	query: TicketQuery;
	count: ( queues: Queues ) => number | undefined;
}

export function baseViews(): View[] {
	return [
		{
			id: 'mine',
			label: __( 'Mine', 'switchboard' ),
			query: { assignee: 'me', status: OPEN_STATUSES },
			count: ( q ) => q.mine,
		},
		{
			id: 'unassigned',
			label: __( 'Unassigned', 'switchboard' ),
			query: { assignee: 'none', status: OPEN_STATUSES },
			count: ( q ) => q.unassigned,
		},
		{
			id: 'all',
			label: __( 'All open', 'switchboard' ),
			query: { status: OPEN_STATUSES },
			count: ( q ) => q.all_open,
		},
		{
			id: 'pending',
			label: __( 'Pending', 'switchboard' ),
			query: { status: 'pending' },
			count: ( q ) => q.pending,
		},
		{
			id: 'on-hold',
			label: __( 'On-hold', 'switchboard' ),
			query: { status: 'on-hold' },
			count: ( q ) => q.on_hold,
		},
		{
			id: 'solved',
			label: __( 'Solved', 'switchboard' ),
			query: { status: 'solved' },
			count: ( q ) => q.solved,
		},
	];
}

export function channelView( channel: string ): View {
	return {
		id: `channel:${ channel }`,
		label: channelLabel( channel ),
		query: { channel, status: OPEN_STATUSES },
		count: ( q ) => q.channels?.[ channel ],
	};
}

export function findView( id: string ): View {
	if ( id.startsWith( 'channel:' ) ) {
		return channelView( id.slice( 8 ) );
	}
	return baseViews().find( ( view ) => view.id === id ) ?? baseViews()[ 0 ];
}

export const PER_PAGE = 25;

/**
 * The ticket query of the inbox: the view's query, overridden by the filters in the URL.
 *
 * @param view   Sidebar view id.
 * @param params Route params (filters, search, sort, page).
 */
export function ticketQueryFor(
	view: string,
	params: RouteParams
): TicketQuery {
	const query: TicketQuery = { ...findView( view ).query };
	if ( params.status ) {
		query.status = params.status;
	}
	if ( params.channel ) {
		query.channel = params.channel;
	}
	if ( params.tag ) {
		query.tag = params.tag;
	}
	if ( params.team ) {
		query.team = params.team;
	}
	if ( params.priority ) {
		query.priority = params.priority;
	}
	if ( params.assignee ) {
		query.assignee = params.assignee;
	}
	if ( params.after ) {
		query.after = `${ params.after }T00:00:00Z`;
	}
	if ( params.before ) {
		query.before = `${ params.before }T23:59:59Z`;
	}
	if ( params.s ) {
		query.search = params.s;
	}
	query.orderby =
		( params.orderby as TicketQuery[ 'orderby' ] ) || 'last_message_at';
	query.order = params.order === 'asc' ? 'asc' : 'desc';
	query.page = Math.max( 1, Number( params.paged ) || 1 );
	query.per_page = PER_PAGE;
	return query;
}
