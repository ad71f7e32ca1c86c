/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { Suspense, lazy, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from './store';
import { navigate, useRoute } from './router';
import { usePolling, pollInterval } from './hooks/use-polling';
import { useShortcuts } from './hooks/use-shortcuts';
import Sidebar from './components/sidebar';
import NoticeList from './components/notice-list';
import ErrorNotice from './components/error-notice';
import ShortcutsHelp from './components/shortcuts-help';
import Loading from './components/loading';
import Avatar from './components/avatar';

const InboxScreen = lazy(
	() => import( /* webpackChunkName: "inbox" */ './screens/inbox' )
);
const TicketScreen = lazy(
	() => import( /* webpackChunkName: "ticket" */ './screens/ticket' )
);
const SettingsScreen = lazy(
	() => import( /* webpackChunkName: "settings" */ './screens/settings' )
);
const ChatStatus = lazy(
	() => import( /* webpackChunkName: "chat" */ './components/chat-status' )
);
const NewTicketScreen = lazy(
	() => import( /* webpackChunkName: "new-ticket" */ './screens/new-ticket' )
);

export default function App() {
	const route = useRoute();
	const [ showHelp, setShowHelp ] = useState( false );
	const { overview, overviewError } = useSelect(
		( select ) => ( {
			overview: select( coreStore ).getOverview(),
			overviewError: select( coreStore ).getOverviewError(),
			// Starts the counts' resolver once for the whole app.
			queues: select( ticketsStore ).getQueues(),
		} ),
		[]
	);
	const { invalidateResolution } = useDispatch( coreStore );
	const { refreshQueues } = useDispatch( ticketsStore );
	const registry = useRegistry();

	// Live counts: every 15 s, backing off to 2 min while nothing changes.
	usePolling(
		async () => {
			const counts = () =>
				JSON.stringify( registry.select( ticketsStore ).getQueues() );
			const before = counts();
			await refreshQueues();
			return counts() !== before;
		},
		{ minDelay: pollInterval( 15_000 ), maxDelay: 120_000 }
	);

	useShortcuts( {
		'?': () => setShowHelp( true ),
	} );

	useEffect( () => {
		const titles: Record< string, string > = {
			inbox: __( 'Inbox', 'switchboard' ),
			ticket: __( 'Ticket', 'switchboard' ),
			settings: __( 'Settings', 'switchboard' ),
			'new-ticket': __( 'New ticket', 'switchboard' ),
		};
		speak( titles[ route.screen ] ?? '', 'polite' );
	}, [ route.screen, route.ticket ] );

	let screen;
	switch ( route.screen ) {
		case 'ticket':
			screen = <TicketScreen key={ route.ticket } route={ route } />;
			break;
		case 'settings':
			screen = <SettingsScreen route={ route } />;
			break;
		case 'new-ticket':
			screen = <NewTicketScreen />;
			break;
		default:
			screen = <InboxScreen route={ route } />;
	}

	return (
		<div className="switchboard-app">
			<header className="switchboard-app__header">
				<h1 className="switchboard-app__title">
					<a
						href="?page=switchboard"
						onClick={ ( event ) => {
							event.preventDefault();
							navigate( {} );
						} }
					>
						{ __( 'Switchboard', 'switchboard' ) }
					</a>
				</h1>
				{ overview && (
					<span className="switchboard-app__user">
						<Avatar src={ overview.user.avatar } />
						{ sprintf(
							/* translators: %s: the agent's display name */
							__( 'Signed in as %s', 'switchboard' ),
							overview.user.display_name
						) }
					</span>
				) }
				<Suspense fallback={ null }>
					<ChatStatus />
				</Suspense>
				<button
					type="button"
					className="switchboard-app__help button-link"
					onClick={ () => setShowHelp( true ) }
					aria-keyshortcuts="?"
				>
					{ __( 'Keyboard shortcuts', 'switchboard' ) }
				</button>
			</header>
			{ overviewError && (
				<ErrorNotice
					error={ overviewError }
					onRetry={ () => invalidateResolution( 'getOverview', [] ) }
				/>
			) }
			<NoticeList />
			<div className="switchboard-app__body">
				<Sidebar route={ route } />
				<main className="switchboard-app__main" id="switchboard-main">
					<Suspense fallback={ <Loading /> }>{ screen }</Suspense>
				</main>
			</div>
			{ showHelp && (
				<ShortcutsHelp onClose={ () => setShowHelp( false ) } />
			) }
		</div>
	);
}
