/**
 * One ticket: header with presence, the timeline and composer, and the side panels (controls,
 * customer, orders). Polls for new messages with backoff.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { Suspense, lazy, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, customersStore, ticketsStore } from '../../store';
import { navigate, type Route } from '../../router';
import { usePresence } from '../../hooks/use-presence';
import { useShortcuts } from '../../hooks/use-shortcuts';
import Timeline from '../../components/timeline';
import Composer, { type ComposerHandle } from '../../components/composer';
import TicketControls from '../../components/ticket-controls';
import { isMergeRefusal } from '../../components/merge-modal';
import CustomerPanel from '../../components/customer-panel';
import SenderNotice from '../../components/sender-notice';
import PresenceIndicator from '../../components/presence-indicator';
import ErrorNotice from '../../components/error-notice';
import Loading from '../../components/loading';
import { getPreferences } from '../../preferences';
import { toApiError } from '../../../shared/api/errors';
import type { Agent, Message, Tag, TicketPatch } from '../../../shared/types';
import { confirmAction } from '../../utils/confirm';
import TicketHeader from './ticket-header';
import { useTicketPolling } from './use-ticket-polling';
import './style.scss';

/** Stable empties while loading (a new [] on every call makes useSelect re-render and warn). */
const NO_AGENTS: Agent[] = [];
const NO_TAGS: Tag[] = [];

const ChatPanel = lazy(
	() => import( /* webpackChunkName: "chat" */ '../../components/chat-panel' )
);

export default function TicketScreen( { route }: { route: Route } ) {
	const id = route.ticket ?? 0;
	const {
		ticket,
		error,
		timeline,
		timelineError,
		agents,
		tags,
		overview,
		listIds,
	} = useSelect(
		( select ) => ( {
			ticket: select( ticketsStore ).getTicket( id ),
			error: select( ticketsStore ).getTicketError( id ),
			timeline: select( ticketsStore ).getTimeline( id ),
			timelineError: select( ticketsStore ).getTimelineError( id ),
			agents: select( coreStore ).getAgents() ?? NO_AGENTS,
			tags: select( coreStore ).getTags() ?? NO_TAGS,
			overview: select( coreStore ).getOverview(),
			listIds: select( ticketsStore ).getLastListIds(),
		} ),
		[ id ]
	);
	const {
		updateTicket,
		sendMessage,
		mergeTickets,
		splitTicket,
		refreshTicket,
		invalidateResolution,
	} = useDispatch( ticketsStore );
	const { refreshCustomerTickets } = useDispatch( customersStore );
	const { createNotice } = useDispatch( coreStore );
	const composerRef = useRef< ComposerHandle >( null );
	const [ typing, setTyping ] = useState( false );
	const chatTyping = useRef< () => void >();
	const others = usePresence( id, typing );

	useTicketPolling( id );

	const { ticket: _current, ...listParams } = route.params;
	const backToInbox = () => navigate( listParams );
	const position = listIds.indexOf( id );
	const goTo = ( offset: number ) => {
		const next = listIds[ position + offset ];
		if ( position >= 0 && next ) {
			navigate( { ...listParams, ticket: String( next ) } );
		}
	};

	useShortcuts( {
		r: () => composerRef.current?.focus( 'reply' ),
		n: () => composerRef.current?.focus( 'note' ),
		j: () => goTo( 1 ),
		k: () => goTo( -1 ),
		Escape: backToInbox,
	} );

	const fail = ( e: unknown ) =>
		createNotice( 'error', toApiError( e ).message, 'ticket-error' );

	if ( error && ! ticket ) {
		return (
			<div className="switchboard-ticket">
				<Button variant="link" onClick={ backToInbox }>
					{ __( '← Back to the inbox', 'switchboard' ) }
				</Button>
				<ErrorNotice
					title={ __( 'Could not load the ticket.', 'switchboard' ) }
					error={ error }
					onRetry={ () => {
						invalidateResolution( 'getTicket', [ id ] );
						invalidateResolution( 'getTimeline', [ id ] );
					} }
				/>
			</div>
		);
	}
	if ( ! ticket ) {
		return <Loading />;
	}

	const woocommerceActive = !! (
		overview?.woocommerce_active ??
		window.switchboardSettings?.woocommerceActive
	);

	const onChange = async ( patch: TicketPatch ) => {
		try {
			await updateTicket( id, patch );
			createNotice( 'success', __( 'Ticket updated.', 'switchboard' ) );
		} catch ( e ) {
			fail( e );
		}
	};

	const onSplit = async ( message: Message ) => {
		if (
			! confirmAction(
				__( 'Move this message into a new ticket?', 'switchboard' )
			)
		) {
			return;
		}
		try {
			const created = await splitTicket( id, message.id );
			createNotice(
				'success',
				sprintf(
					/* translators: %s: ticket number */
					__( 'Ticket #%s created from the message.', 'switchboard' ),
					String( created.number )
				)
			);
			if ( ticket.customer ) {
				refreshCustomerTickets( ticket.customer.id );
			}
		} catch ( e ) {
			fail( e );
		}
	};

	return (
		<article
			className="switchboard-ticket"
			aria-labelledby="switchboard-ticket-subject"
		>
			<TicketHeader
				ticket={ ticket }
				position={ position }
				count={ listIds.length }
				onBack={ backToInbox }
				onGo={ goTo }
			/>
			<PresenceIndicator others={ others } />
			<div className="switchboard-ticket__columns">
				<div className="switchboard-ticket__conversation">
					{ timelineError && (
						<ErrorNotice
							title={ __(
								'Could not load the conversation.',
								'switchboard'
							) }
							error={ timelineError }
							onRetry={ () => refreshTicket( id ) }
						/>
					) }
					{ timeline ? (
						<Timeline
							items={ timeline }
							agents={ agents }
							onSplit={ onSplit }
							onDeliveryRetried={ () => refreshTicket( id ) }
						/>
					) : (
						! timelineError && <Loading />
					) }
					<Composer
						ref={ composerRef }
						ticketId={ id }
						channel={ ticket.channel }
						agents={ agents }
						onTyping={ ( value ) => {
							setTyping( value );
							if ( value ) {
								chatTyping.current?.();
							}
						} }
						onError={ ( message ) =>
							createNotice( 'error', message, 'composer-error' )
						}
						onSend={ async ( { body, isPrivate, attachments } ) => {
							await sendMessage( id, {
								body,
								is_private: isPrivate,
								attachments,
							} );
							const after = getPreferences().afterReplyStatus;
							if (
								! isPrivate &&
								after &&
								after !== ticket.status
							) {
								await updateTicket( id, { status: after } );
							}
							createNotice(
								'success',
								isPrivate
									? __( 'Note added.', 'switchboard' )
									: __( 'Reply sent.', 'switchboard' )
							);
						} }
					/>
				</div>
				<aside
					className="switchboard-ticket__side"
					aria-label={ __( 'Ticket details', 'switchboard' ) }
				>
					<SenderNotice sender={ ticket.unverified_sender } />
					{ ticket.channel === 'chat' && (
						<Suspense fallback={ null }>
							<ChatPanel
								ticketId={ id }
								typingRef={ chatTyping }
							/>
						</Suspense>
					) }
					<TicketControls
						key={ `${ ticket.id }:${ ticket.order_id }` }
						ticket={ ticket }
						agents={ agents }
						tags={ tags }
						currentUserId={ overview?.user.id ?? 0 }
						woocommerceActive={ woocommerceActive }
						canManage={ !! overview?.capabilities.manage }
						onChange={ onChange }
						onMerge={ async ( sourceId, confirmCustomers ) => {
							try {
								await mergeTickets(
									id,
									sourceId,
									confirmCustomers
								);
								createNotice(
									'success',
									sprintf(
										/* translators: %d: ticket number */
										__(
											'Ticket #%d merged into this one.',
											'switchboard'
										),
										sourceId
									)
								);
							} catch ( e ) {
								// The merge dialog explains refusals and asks managers to confirm.
								if ( ! isMergeRefusal( e ) ) {
									fail( e );
								}
								throw e;
							}
						} }
					/>
					<CustomerPanel
						ticket={ ticket }
						woocommerceActive={ woocommerceActive }
					/>
				</aside>
			</div>
		</article>
	);
}
