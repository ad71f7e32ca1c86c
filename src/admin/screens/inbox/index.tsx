/**
 * The inbox: a view from the sidebar, filtered/searched/sorted from the URL, with multi-select
 * bulk actions and j/k/Enter/x keyboard work. Refreshes itself with backoff.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import {
	Suspense,
	lazy,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from '../../store';
import { navigate, type Route, type RouteParams } from '../../router';
import { findView, ticketQueryFor } from '../../views';
import { usePolling, pollInterval } from '../../hooks/use-polling';
import { useShortcuts } from '../../hooks/use-shortcuts';
import TicketList from '../../components/ticket-list';
import InboxFilters from '../../components/inbox-filters';
import BulkActions from '../../components/bulk-actions';
import ErrorNotice from '../../components/error-notice';
import Loading from '../../components/loading';
import type { Ticket } from '../../../shared/types';
import { toApiError } from '../../../shared/api/errors';
import './style.scss';

const ChatQueue = lazy(
	() => import( /* webpackChunkName: "chat" */ '../../components/chat-queue' )
);

export default function InboxScreen( { route }: { route: Route } ) {
	const query = useMemo(
		() => ticketQueryFor( route.view, route.params ),
		[ route.view, route.params ]
	);
	const view = findView( route.view );
	const { tickets, total, totalPages, error, channels } = useSelect(
		( select ) => ( {
			tickets: select( ticketsStore ).getTickets( query ),
			total: select( ticketsStore ).getTicketsTotal( query ),
			totalPages: select( ticketsStore ).getTicketsTotalPages( query ),
			error: select( ticketsStore ).getTicketsError( query ),
			channels: Object.keys(
				select( ticketsStore ).getQueues()?.channels ?? {}
			),
		} ),
		[ query ]
	);
	const { refreshTickets, bulkUpdate, setLastList, invalidateResolution } =
		useDispatch( ticketsStore );
	const { createNotice } = useDispatch( coreStore );
	const [ selected, setSelected ] = useState< number[] >( [] );
	const [ activeIndex, setActiveIndex ] = useState( 0 );
	const searchRef = useRef< HTMLInputElement >( null );

	// A new view/filter starts with nothing selected and the cursor on top.
	useEffect( () => {
		setSelected( [] );
		setActiveIndex( 0 );
	}, [ query ] );

	useEffect( () => {
		if ( tickets ) {
			setLastList( tickets.map( ( t ) => t.id ) );
		}
	}, [ tickets, setLastList ] );

	usePolling(
		async () => {
			const before = tickets;
			await refreshTickets( query );
			return before !== tickets;
		},
		{ minDelay: pollInterval( 20_000 ), maxDelay: 120_000 }
	);

	const page = query.page ?? 1;
	const change = ( params: RouteParams, replace = false ) =>
		navigate( { ...params }, { merge: true, replace } );

	const ticketParams = ( ticket: Ticket ): RouteParams => ( {
		...route.params,
		ticket: String( ticket.id ),
	} );
	const open = ( ticket: Ticket ) => navigate( ticketParams( ticket ) );

	useShortcuts( {
		j: () =>
			setActiveIndex( ( i ) =>
				Math.min( ( tickets?.length ?? 1 ) - 1, i + 1 )
			),
		k: () => setActiveIndex( ( i ) => Math.max( 0, i - 1 ) ),
		Enter: () => {
			const ticket = tickets?.[ activeIndex ];
			if ( ticket ) {
				open( ticket );
			}
		},
		x: () => {
			const ticket = tickets?.[ activeIndex ];
			if ( ticket ) {
				setSelected( ( ids ) =>
					ids.includes( ticket.id )
						? ids.filter( ( id ) => id !== ticket.id )
						: [ ...ids, ticket.id ]
				);
			}
		},
		'/': () => searchRef.current?.focus(),
	} );

	let body;
	if ( error && ! tickets ) {
		body = (
			<ErrorNotice
				title={ __( 'Could not load the tickets.', 'switchboard' ) }
				error={ error }
				onRetry={ () =>
					invalidateResolution( 'getTickets', [ query ] )
				}
			/>
		);
	} else if ( ! tickets ) {
		body = <Loading />;
	} else if ( tickets.length === 0 ) {
		body = (
			<div className="switchboard-empty">
				<p>
					{ route.params.s
						? __( 'No tickets match your search.', 'switchboard' )
						: __( 'No tickets here. Nice work!', 'switchboard' ) }
				</p>
			</div>
		);
	} else {
		body = (
			<>
				{ error && (
					<ErrorNotice
						title={ __(
							'Could not refresh the tickets.',
							'switchboard'
						) }
						error={ error }
						onRetry={ () => refreshTickets( query ) }
					/>
				) }
				<TicketList
					tickets={ tickets }
					selected={ selected }
					onSelect={ setSelected }
					activeIndex={ activeIndex }
					onActivate={ setActiveIndex }
					onOpen={ open }
					linkParams={ ticketParams }
				/>
				{ totalPages > 1 && (
					<div className="switchboard-inbox__pagination tablenav">
						<span className="displaying-num">
							{ sprintf(
								/* translators: 1: current page, 2: total pages */
								__( 'Page %1$d of %2$d', 'switchboard' ),
								page,
								totalPages
							) }
						</span>
						<Button
							variant="secondary"
							disabled={ page <= 1 }
							onClick={ () =>
								change( { paged: String( page - 1 ) } )
							}
						>
							{ __( 'Previous', 'switchboard' ) }
						</Button>
						<Button
							variant="secondary"
							disabled={ page >= totalPages }
							onClick={ () =>
								change( { paged: String( page + 1 ) } )
							}
						>
							{ __( 'Next', 'switchboard' ) }
						</Button>
					</div>
				) }
			</>
		);
	}

	return (
		<section
			className="switchboard-inbox"
			aria-labelledby="switchboard-inbox-title"
		>
			<Suspense fallback={ null }>
				<ChatQueue />
			</Suspense>
			<div className="switchboard-inbox__header">
				<h2
					id="switchboard-inbox-title"
					className="switchboard-inbox__title"
				>
					{ view.label }
				</h2>
				{ tickets && (
					<span
						className="switchboard-inbox__total"
						aria-live="polite"
					>
						{ sprintf(
							/* translators: %d: number of tickets */
							__( '%d tickets', 'switchboard' ),
							total
						) }
					</span>
				) }
			</div>
			<InboxFilters
				ref={ searchRef }
				params={ route.params }
				channels={ channels }
				onChange={ change }
			/>
			{ selected.length > 0 && (
				<BulkActions
					count={ selected.length }
					onClear={ () => setSelected( [] ) }
					onApply={ async ( changes ) => {
						try {
							const updated = await bulkUpdate( {
								ids: selected,
								...changes,
							} );
							createNotice(
								'success',
								sprintf(
									/* translators: %d: number of tickets */
									__( '%d tickets updated.', 'switchboard' ),
									updated
								)
							);
							setSelected( [] );
						} catch ( e ) {
							createNotice( 'error', toApiError( e ).message );
						}
					} }
				/>
			) }
			{ body }
		</section>
	);
}
