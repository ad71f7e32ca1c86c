/**
 * The chat corner of the header: online/away toggle, waiting-chat count, mute. While the helpdesk
 * is open it sends a presence heartbeat every 30 s and asks "anything new?" every 4–8 s while
 * online (GET /chat/queue?since=…, a one-row answer when nothing changed; 16 s while away, half
 * as often in a hidden tab). A chat that starts waiting for a person plays a sound (unless muted
 * or away), refreshes the inbox and updates the badges, including the one on the wp-admin menu.
 * Loaded lazily after the first paint.
 */

/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { Button, ToggleControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import { coreStore, ticketsStore } from '../../store';
import { pollInterval } from '../../hooks/use-polling';
import { beep, unlockAudio } from '../../utils/beep';
import { toApiError } from '../../../shared/api/errors';
import './style.scss';

const HEARTBEAT_MS = 30_000;

/**
 * Keeps the chat count on the wp-admin "Support" menu current (printed by PHP on every screen).
 *
 * @param waiting Chats waiting for a person.
 */
export function syncMenuChatBadge( waiting: number ): void {
	const badge = document.querySelector(
		'#toplevel_page_switchboard .switchboard-menu-chats'
	);
	if ( ! badge ) {
		return;
	}
	badge.className = badge.className.replace( /\bcount-\d+\b/, '' ).trim();
	badge.classList.add( `count-${ waiting }` );
	const inner = badge.querySelector( '.count' );
	if ( inner ) {
		inner.textContent = String( waiting );
	}
}

/**
 * Heartbeat and queue polling (separate from rendering, so it is easy to follow).
 */
function useChatWatcher() {
	const { chatHeartbeat, pollChatQueue } = useDispatch( chatStore );
	const { invalidateResolutionForStoreSelector, refreshQueues } =
		useDispatch( ticketsStore );
	const state = useSelect(
		( select ) => ( {
			status: select( chatStore ).getChatPresence()?.status,
			muted: select( chatStore ).isMuted(),
		} ),
		[]
	);
	const stateRef = useRef( state );
	stateRef.current = state;
	const kick = useRef< () => void >( () => undefined );

	// Heartbeat every 30 s while the tab is open (hidden tabs too: agents keep the inbox in a
	// background tab and still count as online).
	useEffect( () => {
		const timer = window.setInterval(
			() => chatHeartbeat().catch( () => undefined ),
			HEARTBEAT_MS
		);
		return () => window.clearInterval( timer );
	}, [ chatHeartbeat ] );

	// Queue: every 4–8 s while online, 16 s while away (half as often in a hidden tab, backing off
	// on errors).
	useEffect( () => {
		let stopped = false;
		let running = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		let failures = 0;
		const every = pollInterval( 4_000 );
		// A quiet queue eases off to twice the interval; any change brings it back.
		let delay = every;
		const tick = async () => {
			if ( running ) {
				return;
			}
			running = true;
			try {
				const fresh = await pollChatQueue();
				failures = 0;
				delay =
					fresh === null
						? Math.min( every * 2, delay * 1.25 )
						: every;
				if ( fresh !== null ) {
					// Something changed: new chats show up in the inbox lists and counts now.
					invalidateResolutionForStoreSelector( 'getTickets' );
					refreshQueues();
				}
				if ( fresh && fresh.length > 0 ) {
					if (
						! stateRef.current.muted &&
						stateRef.current.status === 'online'
					) {
						beep();
					}
					speak(
						sprintf(
							/* translators: %d: number of chats */
							_n(
								'%d new chat is waiting.',
								'%d new chats are waiting.',
								fresh.length,
								'switchboard'
							),
							fresh.length
						),
						'assertive'
					);
				}
			} catch {
				failures = Math.min( failures + 1, 4 );
			}
			running = false;
			if ( ! stopped ) {
				const away = stateRef.current.status !== 'online';
				clearTimeout( timer );
				timer = setTimeout(
					tick,
					( away ? every * 4 : delay ) *
						( document.hidden ? 2 : 1 ) *
						2 ** failures
				);
			}
		};
		kick.current = () => {
			clearTimeout( timer );
			delay = every;
			tick();
		};
		tick();
		const onVisible = () => {
			if ( ! document.hidden ) {
				clearTimeout( timer );
				tick();
			}
		};
		document.addEventListener( 'visibilitychange', onVisible );
		return () => {
			stopped = true;
			kick.current = () => undefined;
			clearTimeout( timer );
			document.removeEventListener( 'visibilitychange', onVisible );
		};
	}, [ pollChatQueue, invalidateResolutionForStoreSelector, refreshQueues ] );

	// Going online: look at the queue now, at the online pace.
	useEffect( () => {
		if ( state.status === 'online' ) {
			kick.current();
		}
	}, [ state.status ] );
}

export default function ChatStatus() {
	const { presence, queue, muted } = useSelect(
		( select ) => ( {
			presence: select( chatStore ).getChatPresence(),
			queue: select( chatStore ).getChatQueue(),
			muted: select( chatStore ).isMuted(),
		} ),
		[]
	);
	const { setChatStatus, setMuted } = useDispatch( chatStore );
	const { createNotice } = useDispatch( coreStore );
	useChatWatcher();

	const waiting = queue?.waiting ?? 0;
	useEffect( () => {
		syncMenuChatBadge( waiting );
	}, [ waiting ] );

	// Audio may only start after a user gesture: unlock it on the first click anywhere.
	useEffect( () => {
		const unlock = () => unlockAudio();
		document.addEventListener( 'pointerdown', unlock, { once: true } );
		return () => document.removeEventListener( 'pointerdown', unlock );
	}, [] );

	const online = presence?.status === 'online';
	return (
		<div className="switchboard-chat-status">
			<ToggleControl
				__nextHasNoMarginBottom
				label={
					online
						? __( 'Chat: online', 'switchboard' )
						: __( 'Chat: away', 'switchboard' )
				}
				checked={ online }
				disabled={ ! presence }
				onChange={ async ( checked: boolean ) => {
					unlockAudio();
					try {
						await setChatStatus( checked ? 'online' : 'away' );
					} catch ( e ) {
						createNotice( 'error', toApiError( e ).message );
					}
				} }
			/>
			<span
				className={ `switchboard-chat-status__waiting${
					waiting > 0 ? ' is-waiting' : ''
				}` }
				aria-live="polite"
			>
				{ sprintf(
					/* translators: %d: number of chats waiting for a person */
					_n(
						'%d chat waiting',
						'%d chats waiting',
						waiting,
						'switchboard'
					),
					waiting
				) }
			</span>
			<Button
				size="small"
				variant="tertiary"
				icon={ muted ? 'controls-volumeoff' : 'controls-volumeon' }
				label={
					muted
						? __( 'Unmute chat sound', 'switchboard' )
						: __( 'Mute chat sound', 'switchboard' )
				}
				isPressed={ muted }
				onClick={ () => {
					unlockAudio();
					setMuted( ! muted );
				} }
			/>
		</div>
	);
}
