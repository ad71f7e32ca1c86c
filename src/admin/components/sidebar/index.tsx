/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ticketsStore } from '../../store';
import { navigate, routeHref, type Route } from '../../router';
import { baseViews, channelView, type View } from '../../views';
import { ChannelIcon } from '../ticket-badges';
import ErrorNotice from '../error-notice';
import type { Queues } from '../../../shared/types';
import './style.scss';

/**
 * Keeps the wp-admin menu badge in step with the live count (mine + unassigned).
 *
 * @param queues Counts.
 */
function syncMenuBadge( queues: Queues ) {
	const badge = document.querySelector(
		'#toplevel_page_switchboard .switchboard-menu-count'
	);
	if ( ! badge ) {
		return;
	}
	const count = queues.mine + queues.unassigned;
	badge.classList.toggle( 'count-0', count === 0 );
	const inner = badge.querySelector( '.count' );
	if ( inner ) {
		inner.textContent = String( count );
	}
}

function ViewLink( {
	view,
	count,
	isActive,
}: {
	view: View;
	count: number | undefined;
	isActive: boolean;
} ) {
	const channel = view.id.startsWith( 'channel:' )
		? view.id.slice( 8 )
		: null;
	return (
		<li>
			<a
				href={ routeHref( { view: view.id } ) }
				className={ `switchboard-sidebar__view${
					isActive ? ' is-active' : ''
				}` }
				aria-current={ isActive ? 'page' : undefined }
				data-view={ view.id }
				onClick={ ( event ) => {
					event.preventDefault();
					navigate( { view: view.id } );
				} }
			>
				{ channel && <ChannelIcon channel={ channel } /> }
				<span className="switchboard-sidebar__label">
					{ view.label }
				</span>
				<span
					className="switchboard-sidebar__count"
					aria-label={
						count === undefined
							? undefined
							: sprintf(
									/* translators: %d: number of tickets */
									__( '%d tickets', 'switchboard' ),
									count
							  )
					}
				>
					{ count ?? '…' }
				</span>
			</a>
		</li>
	);
}

export default function Sidebar( { route }: { route: Route } ) {
	const { queues, error } = useSelect(
		( select ) => ( {
			queues: select( ticketsStore ).getQueues(),
			error: select( ticketsStore ).getQueuesError(),
		} ),
		[]
	);

	useEffect( () => {
		if ( queues ) {
			syncMenuBadge( queues );
		}
	}, [ queues ] );

	const activeView =
		route.screen === 'inbox' || route.screen === 'ticket' ? route.view : '';
	const channels = Object.keys( queues?.channels ?? {} ).sort();

	return (
		<nav
			className="switchboard-sidebar"
			aria-label={ __( 'Ticket views', 'switchboard' ) }
		>
			<Button
				variant="primary"
				className="switchboard-sidebar__new"
				href={ routeHref( { screen: 'new-ticket' } ) }
				onClick={ ( event: React.MouseEvent ) => {
					event.preventDefault();
					navigate( { screen: 'new-ticket' } );
				} }
			>
				{ __( 'New ticket', 'switchboard' ) }
			</Button>
			{ error && ! queues && <ErrorNotice error={ error } /> }
			<ul className="switchboard-sidebar__views">
				{ baseViews().map( ( view ) => (
					<ViewLink
						key={ view.id }
						view={ view }
						count={ queues ? view.count( queues ) : undefined }
						isActive={ activeView === view.id }
					/>
				) ) }
			</ul>
			{ channels.length > 0 && (
				<>
					<h2 className="switchboard-sidebar__heading">
						{ __( 'Channels', 'switchboard' ) }
					</h2>
					<ul className="switchboard-sidebar__views">
						{ channels.map( ( channel ) => {
							const view = channelView( channel );
							return (
								<ViewLink
									key={ view.id }
									view={ view }
									count={
										queues
											? view.count( queues )
											: undefined
									}
									isActive={ activeView === view.id }
								/>
							);
						} ) }
					</ul>
				</>
			) }
			<ul className="switchboard-sidebar__views switchboard-sidebar__footer">
				<li>
					<a
						href={ routeHref( { screen: 'settings' } ) }
						className={ `switchboard-sidebar__view${
							route.screen === 'settings' ? ' is-active' : ''
						}` }
						aria-current={
							route.screen === 'settings' ? 'page' : undefined
						}
						onClick={ ( event ) => {
							event.preventDefault();
							navigate( { screen: 'settings' } );
						} }
					>
						<span className="switchboard-sidebar__label">
							{ __( 'Settings', 'switchboard' ) }
						</span>
					</a>
				</li>
			</ul>
		</nav>
	);
}
