/**
 * Open chats on top of the inbox: waiting first, then the bot's and the active ones. Fed by the
 * header's queue poll, so a new chat shows up within seconds.
 */

/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import { navigate, routeHref } from '../../router';
import { parseDate, shortDuration } from '../../utils/time';
import type {
	ChatQueueItem,
	ChatSessionStatus,
} from '../../../shared/api/chat';
import './style.scss';

/** A stable empty queue while it loads (a new [] on every call makes useSelect warn). */
const NO_CHATS: ChatQueueItem[] = [];

export function chatStatusLabel( status: ChatSessionStatus ): string {
	switch ( status ) {
		case 'waiting':
			return __( 'Waiting for a person', 'switchboard' );
		case 'active':
			return __( 'Active', 'switchboard' );
		case 'bot':
			return __( 'With the bot', 'switchboard' );
		case 'offline':
			return __( 'Message left', 'switchboard' );
		default:
			return __( 'Ended', 'switchboard' );
	}
}

function ChatRow( { chat }: { chat: ChatQueueItem } ) {
	const since = parseDate( chat.waiting_since );
	return (
		<li
			className={ `switchboard-chat-queue__item is-${ chat.status }` }
			data-ticket={ chat.ticket_id }
		>
			<a
				href={ routeHref( { ticket: String( chat.ticket_id ) } ) }
				onClick={ ( event ) => {
					event.preventDefault();
					navigate( { ticket: String( chat.ticket_id ) } );
				} }
			>
				<strong className="switchboard-chat-queue__name">
					{ chat.customer.name ||
						chat.customer.email ||
						__( 'Visitor', 'switchboard' ) }
				</strong>
				<span className="switchboard-chat-queue__status">
					{ chatStatusLabel( chat.status ) }
					{ chat.status === 'waiting' &&
						since &&
						` · ${ shortDuration( since ) }` }
				</span>
				<span
					className="switchboard-chat-queue__preview"
					title={ chat.preview }
				>
					{ chat.visitor_typing
						? __( 'typing…', 'switchboard' )
						: chat.subject || chat.preview }
				</span>
			</a>
		</li>
	);
}

export default function ChatQueue() {
	const chats = useSelect(
		( select ) => select( chatStore ).getChatQueue()?.chats ?? NO_CHATS,
		[]
	);
	if ( chats.length === 0 ) {
		return null;
	}
	return (
		<section
			className="switchboard-chat-queue"
			aria-label={ __( 'Live chats', 'switchboard' ) }
		>
			<h3 className="switchboard-chat-queue__title">
				{ sprintf(
					/* translators: %d: number of open chats */
					__( 'Live chats (%d)', 'switchboard' ),
					chats.length
				) }
			</h3>
			<ul className="switchboard-chat-queue__list">
				{ chats.map( ( chat ) => (
					<ChatRow key={ chat.ticket_id } chat={ chat } />
				) ) }
			</ul>
		</section>
	);
}
