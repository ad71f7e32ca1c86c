/**
 * The chat side of a chat ticket: accept/join, the visitor's typing indicator, end the chat,
 * email the transcript, and the visitor panel (page she is on, pages visited, cart, recent
 * orders). Polls GET /chat/sessions/<id> every 2 s; when its last message, status or agent
 * changes, the ticket and its timeline are refetched, so messages arrive without a reload. Loaded only on chat tickets.
 */

/**
 * External dependencies
 */
import type { MutableRefObject } from 'react';

/**
 * WordPress dependencies
 */
import { Button, CheckboxControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from '../../store';
import { pollInterval } from '../../hooks/use-polling';
import { chatStatusLabel } from '../chat-queue';
import ErrorNotice from '../error-notice';
import { formatDateTime } from '../../utils/time';
import * as api from '../../../shared/api/chat';
import type { ChatSession } from '../../../shared/api/chat';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import { endedNotice, transcriptNotice } from './notices';
import './style.scss';

/** Least time between two "agent is typing" signals. */
const TYPING_EVERY_MS = 2_500;

interface Props {
	ticketId: number;
	/** The screen calls `.current()` on every keystroke in the composer. */
	typingRef: MutableRefObject< ( () => void ) | undefined >;
}

/**
 * Polls the session and refetches the ticket when it changes.
 *
 * @param ticketId Ticket.
 */
function useChatSession( ticketId: number ) {
	const [ session, setSession ] = useState< ChatSession | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const { refreshTicket } = useDispatch( ticketsStore );
	const seen = useRef( '' );

	const load = useCallback( async () => {
		const next = await api.fetchChatSession( ticketId );
		// A new message, status or agent: fetch the timeline now, not at the next slow poll.
		// (Typing moves the version too, but needs no refetch: it is in this answer.)
		const key = `${ next.last_message_id }:${ next.status }:${ next.agent_id }`;
		if ( seen.current !== '' && key !== seen.current ) {
			refreshTicket( ticketId );
		}
		seen.current = key;
		setSession( next );
		setError( null );
		return next;
	}, [ ticketId, refreshTicket ] );

	useEffect( () => {
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		const every = pollInterval( 2_000 );
		let delay = every;
		const tick = async () => {
			try {
				const next = await load();
				delay = next.status === 'ended' ? every * 5 : every;
			} catch ( e ) {
				if ( ! stopped ) {
					setError( toApiError( e ) );
				}
				delay = Math.min( delay * 2, 30_000 );
			}
			if ( ! stopped ) {
				timer = setTimeout( tick, document.hidden ? delay * 3 : delay );
			}
		};
		tick();
		return () => {
			stopped = true;
			clearTimeout( timer );
		};
	}, [ load ] );

	return { session, setSession, error, reload: load };
}

function VisitorPanel( { session }: { session: ChatSession } ) {
	const { pages = [], cart, orders } = session.context;
	const visited = [ ...pages ].reverse();
	return (
		<div className="switchboard-chat-panel__visitor">
			<h4>{ __( 'Visitor', 'switchboard' ) }</h4>
			<p className="switchboard-chat-panel__page">
				{ session.visitor_online
					? __( 'On the page:', 'switchboard' )
					: __( 'Last seen on:', 'switchboard' ) }{ ' ' }
				{ session.page_url ? (
					<a
						href={ session.page_url }
						target="_blank"
						rel="noreferrer noopener"
					>
						{ session.page_title || session.page_url }
					</a>
				) : (
					'—'
				) }
			</p>
			{ visited.length > 1 && (
				<details className="switchboard-chat-panel__pages">
					<summary>
						{ sprintf(
							/* translators: %d: number of pages */
							_n(
								'%d page visited',
								'%d pages visited',
								visited.length,
								'switchboard'
							),
							visited.length
						) }
					</summary>
					<ol>
						{ visited.map( ( page, index ) => (
							<li key={ `${ page.at }-${ index }` }>
								<a
									href={ page.url }
									target="_blank"
									rel="noreferrer noopener"
								>
									{ page.title || page.url }
								</a>{ ' ' }
								<span className="switchboard-chat-panel__muted">
									{ formatDateTime( page.at ) }
								</span>
							</li>
						) ) }
					</ol>
				</details>
			) }
			{ cart && (
				<div className="switchboard-chat-panel__cart">
					<h4>
						{ sprintf(
							/* translators: %d: number of items */
							_n(
								'Cart: %d item',
								'Cart: %d items',
								cart.item_count,
								'switchboard'
							),
							cart.item_count
						) }
					</h4>
					{ cart.items.length > 0 ? (
						<table className="switchboard-chat-panel__table">
							<tbody>
								{ cart.items.map( ( item ) => (
									<tr key={ item.product_id }>
										<td>
											<a
												href={ item.url }
												target="_blank"
												rel="noreferrer noopener"
											>
												{ item.name }
											</a>
										</td>
										<td>× { item.quantity }</td>
										<td className="is-number">
											{ item.total }
										</td>
									</tr>
								) ) }
							</tbody>
							<tfoot>
								<tr>
									<th colSpan={ 2 }>
										{ __( 'Total', 'switchboard' ) }
									</th>
									<td className="is-number">
										{ cart.total_formatted }
									</td>
								</tr>
							</tfoot>
						</table>
					) : (
						<p className="switchboard-chat-panel__muted">
							{ __( 'The cart is empty.', 'switchboard' ) }
						</p>
					) }
				</div>
			) }
			{ orders && (
				<div className="switchboard-chat-panel__orders">
					<h4>{ __( 'Recent orders', 'switchboard' ) }</h4>
					{ orders.length === 0 ? (
						<p className="switchboard-chat-panel__muted">
							{ __( 'No orders yet.', 'switchboard' ) }
						</p>
					) : (
						<ul>
							{ orders.map( ( order ) => (
								<li key={ order.id }>
									<a href={ order.edit_url }>
										#{ order.number }
									</a>{ ' ' }
									{ order.status_label } ·{ ' ' }
									{ order.total_formatted } ·{ ' ' }
									<span className="switchboard-chat-panel__muted">
										{ formatDateTime( order.date_created ) }
									</span>
								</li>
							) ) }
						</ul>
					) }
				</div>
			) }
		</div>
	);
}

export default function ChatPanel( { ticketId, typingRef }: Props ) {
	const { session, setSession, error, reload } = useChatSession( ticketId );
	const me = useSelect(
		( select ) => select( coreStore ).getOverview()?.user.id ?? 0,
		[]
	);
	const { createNotice } = useDispatch( coreStore );
	const { refreshTicket } = useDispatch( ticketsStore );
	const [ busy, setBusy ] = useState( '' );
	const [ sendTranscript, setSendTranscript ] = useState( true );
	const lastTyping = useRef( 0 );

	// Agent typing → the visitor's widget (replies only: notes are private).
	useEffect( () => {
		typingRef.current = () => {
			const now = Date.now();
			if (
				now - lastTyping.current < TYPING_EVERY_MS ||
				document.querySelector( '.switchboard-composer.is-note' )
			) {
				return;
			}
			lastTyping.current = now;
			api.sendAgentTyping( ticketId ).catch( () => undefined );
		};
		return () => {
			typingRef.current = undefined;
		};
	}, [ ticketId, typingRef ] );

	const run = async ( action: string, work: () => Promise< unknown > ) => {
		setBusy( action );
		try {
			await work();
			await reload();
			refreshTicket( ticketId );
		} catch ( e ) {
			createNotice( 'error', toApiError( e ).message, 'chat-error' );
		} finally {
			setBusy( '' );
		}
	};

	if ( ! session ) {
		return error ? (
			<ErrorNotice error={ error } onRetry={ reload } />
		) : null;
	}

	const ended = session.status === 'ended';
	const mine = session.agent_id === me;
	const canAccept =
		! ended &&
		session.status !== 'offline' &&
		( session.status !== 'active' || ! mine );

	return (
		<section
			className={ `switchboard-chat-panel is-${ session.status }` }
			aria-label={ __( 'Live chat', 'switchboard' ) }
		>
			<div className="switchboard-chat-panel__state">
				<strong>{ chatStatusLabel( session.status ) }</strong>
				{ session.status === 'active' && session.agent_name && (
					<span>
						{ ' · ' }
						{ sprintf(
							/* translators: %s: agent name */
							__( 'with %s', 'switchboard' ),
							session.agent_name
						) }
					</span>
				) }
				{ ! ended && (
					<span
						className={ `switchboard-chat-panel__presence${
							session.visitor_online ? ' is-online' : ''
						}` }
					>
						{ session.visitor_online
							? __( 'Visitor online', 'switchboard' )
							: __( 'Visitor left', 'switchboard' ) }
					</span>
				) }
			</div>
			<p className="switchboard-chat-panel__typing" aria-live="polite">
				{ session.visitor_typing && ! ended
					? __( 'The visitor is typing…', 'switchboard' )
					: '' }
			</p>
			<div className="switchboard-chat-panel__actions">
				{ canAccept && (
					<Button
						variant="primary"
						size="compact"
						isBusy={ busy === 'accept' }
						disabled={ !! busy }
						onClick={ () =>
							run( 'accept', async () =>
								setSession( await api.acceptChat( ticketId ) )
							)
						}
					>
						{ session.status === 'active'
							? __( 'Join chat', 'switchboard' )
							: __( 'Accept chat', 'switchboard' ) }
					</Button>
				) }
				{ ! ended && (
					<>
						<CheckboxControl
							__nextHasNoMarginBottom
							label={ __(
								'Email the transcript when ending',
								'switchboard'
							) }
							checked={ sendTranscript }
							onChange={ setSendTranscript }
						/>
						<Button
							variant="secondary"
							size="compact"
							isDestructive
							isBusy={ busy === 'end' }
							disabled={ !! busy }
							onClick={ () =>
								run( 'end', async () => {
									const result = await api.endChat(
										ticketId,
										sendTranscript
									);
									createNotice(
										'success',
										endedNotice( result )
									);
								} )
							}
						>
							{ __( 'End chat', 'switchboard' ) }
						</Button>
					</>
				) }
				{ ended && (
					<Button
						variant="secondary"
						size="compact"
						isBusy={ busy === 'transcript' }
						disabled={ !! busy }
						onClick={ () =>
							run( 'transcript', async () => {
								const result =
									await api.emailTranscript( ticketId );
								createNotice(
									'success',
									transcriptNotice( result )
								);
							} )
						}
					>
						{ __(
							'Email transcript to the customer',
							'switchboard'
						) }
					</Button>
				) }
			</div>
			<VisitorPanel session={ session } />
		</section>
	);
}
