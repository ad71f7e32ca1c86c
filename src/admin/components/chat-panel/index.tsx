/**
 * The chat side of a chat ticket: accept/join, the visitor's typing indicator, end the chat,
 * email the transcript, and the visitor panel (page she is on, pages visited, cart, recent
 * orders). The session comes from the `switchboard/chat` store, polled every 2 s by
 * useChatSession; when its last message, status or agent changes, the ticket and its timeline
 * are refetched, so messages arrive without a reload. Loaded only on chat tickets.
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
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from '../../store';
import { store as chatStore } from '../../store/chat';
import { chatStatusLabel } from '../chat-queue';
import ErrorNotice from '../error-notice';
import * as api from '../../../shared/api/chat';
import { toApiError } from '../../../shared/api/errors';
import { endedNotice, transcriptNotice } from './notices';
import { useChatSession } from './use-chat-session';
import VisitorPanel from './visitor-panel';
import './style.scss';

/** Least time between two "agent is typing" signals. */
const TYPING_EVERY_MS = 2_500;

interface Props {
	ticketId: number;
	/** The screen calls `.current()` on every keystroke in the composer. */
	typingRef: MutableRefObject< ( () => void ) | undefined >;
}

export default function ChatPanel( { ticketId, typingRef }: Props ) {
	const { session, error, reload } = useChatSession( ticketId );
	const me = useSelect(
		( select ) => select( coreStore ).getOverview()?.user.id ?? 0,
		[]
	);
	const { createNotice } = useDispatch( coreStore );
	const { refreshTicket } = useDispatch( ticketsStore );
	const { acceptChat } = useDispatch( chatStore );
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
							run( 'accept', () => acceptChat( ticketId ) )
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
