/**
 * The unified timeline of a ticket: messages (private notes visually distinct), agent/system
 * events, and — with WooCommerce — the linked order's notes and status changes.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	Agent,
	Message,
	OrderNote,
	TicketEvent,
	TimelineItem,
} from '../../../shared/types';
import { formatDateTime } from '../../utils/time';
import { formatBytes } from '../../utils/text';
import { ChannelIcon } from '../ticket-badges';
import Avatar from '../avatar';
import RetryDeliveryButton, { canRetryDelivery } from '../email-retry';
import MessageBody from './message-body';
import { safeMessageHtml } from './safe-html';
import { deliveryLabel, describeEvent } from './sentences';
import './style.scss';

export { describeEvent } from './sentences';

function MessageItem( {
	message,
	onSplit,
	canSplit,
	onDeliveryRetried,
}: {
	message: Message;
	onSplit?: ( message: Message ) => void;
	canSplit: boolean;
	onDeliveryRetried?: () => void;
} ) {
	const classes = [
		'switchboard-timeline__message',
		message.is_private ? 'is-private' : '',
		message.direction === 'in' ? 'is-inbound' : 'is-outbound',
		message.delivery_status === 'failed' ||
		message.delivery_status === 'bounced'
			? 'is-failed'
			: '',
	].join( ' ' );
	let kind = __( 'Reply', 'switchboard' );
	if ( message.is_private ) {
		kind = __( 'Private note', 'switchboard' );
	} else if ( message.direction === 'in' ) {
		kind = __( 'Customer message', 'switchboard' );
	}
	return (
		<article
			className={ classes }
			aria-label={ `${ kind }: ${ message.author.name }` }
			data-message-id={ message.id }
		>
			<header className="switchboard-timeline__meta">
				<Avatar
					className="switchboard-timeline__avatar"
					src={ message.author.avatar }
					size={ 32 }
				/>
				<strong className="switchboard-timeline__author">
					{ message.author.name }
				</strong>
				{ message.is_private ? (
					<span className="switchboard-timeline__private-label">
						{ __( 'Private note', 'switchboard' ) }
					</span>
				) : (
					<ChannelIcon channel={ message.channel } />
				) }
				<time
					dateTime={ message.created_at }
					className="switchboard-timeline__time"
				>
					{ formatDateTime( message.created_at ) }
				</time>
				{ message.delivery_status && (
					<span
						className={ `switchboard-timeline__delivery is-${ message.delivery_status }` }
						title={ message.delivery_error || undefined }
					>
						{ deliveryLabel( message ) }
					</span>
				) }
				{ canSplit && onSplit && message.direction === 'in' && (
					<Button
						size="small"
						variant="tertiary"
						className="switchboard-timeline__split"
						onClick={ () => onSplit( message ) }
					>
						{ __( 'Split into new ticket', 'switchboard' ) }
					</Button>
				) }
			</header>
			<MessageBody message={ message } />
			{ message.delivery_error && (
				<p className="switchboard-timeline__delivery-error">
					{ message.delivery_error }
				</p>
			) }
			{ onDeliveryRetried && canRetryDelivery( message ) && (
				<RetryDeliveryButton
					message={ message }
					onDone={ onDeliveryRetried }
				/>
			) }
			{ message.attachments.length > 0 && (
				<ul
					className="switchboard-timeline__attachments"
					aria-label={ __( 'Attachments', 'switchboard' ) }
				>
					{ message.attachments
						.filter( ( file ) => ! file.is_inline )
						.map( ( file ) => (
							<li key={ file.id }>
								<a
									href={ file.url }
									target="_blank"
									rel="noreferrer"
								>
									{ file.filename }
								</a>{ ' ' }
								<span className="switchboard-timeline__size">
									{ formatBytes( file.size ) }
								</span>
							</li>
						) ) }
				</ul>
			) }
		</article>
	);
}

function EventItem( {
	event,
	agents,
}: {
	event: TicketEvent;
	agents: Agent[];
} ) {
	return (
		<div className={ `switchboard-timeline__event is-${ event.type }` }>
			<span>{ describeEvent( event, agents ) }</span>{ ' ' }
			<time dateTime={ event.created_at }>
				{ formatDateTime( event.created_at ) }
			</time>
		</div>
	);
}

function OrderNoteItem( { note }: { note: OrderNote } ) {
	return (
		<div className="switchboard-timeline__event is-order-note">
			<span className="switchboard-timeline__order-label">
				{ sprintf(
					/* translators: %s: order number */
					__( 'Order #%s', 'switchboard' ),
					String( note.order_number ?? note.order_id ?? '' )
				) }
			</span>{ ' ' }
			<span
				// Order notes can quote what a customer typed: cleaned like message bodies.
				// eslint-disable-next-line react/no-danger
				dangerouslySetInnerHTML={ {
					__html: safeMessageHtml( note.content, false ).html,
				} }
			/>{ ' ' }
			<time dateTime={ note.created_at }>
				{ formatDateTime( note.created_at ) }
			</time>
		</div>
	);
}

interface Props {
	items: TimelineItem[];
	agents: Agent[];
	onSplit?: ( message: Message ) => void;
	/** Reloads the ticket after an email reply was sent again. */
	onDeliveryRetried?: () => void;
}

function itemKey( item: TimelineItem ): string {
	switch ( item.kind ) {
		case 'message':
			return `m${ item.message.id }`;
		case 'event':
			return `e${ item.event.id }`;
		default:
			return `o${ item.note.id }`;
	}
}

export default function Timeline( {
	items,
	agents,
	onSplit,
	onDeliveryRetried,
}: Props ) {
	const messageCount = items.filter(
		( item ) => item.kind === 'message'
	).length;
	if ( items.length === 0 ) {
		return (
			<p className="switchboard-empty">
				{ __( 'No messages yet.', 'switchboard' ) }
			</p>
		);
	}
	return (
		<ol
			className="switchboard-timeline"
			aria-label={ __( 'Conversation', 'switchboard' ) }
		>
			{ items.map( ( item ) => (
				<li
					key={ itemKey( item ) }
					className={ `switchboard-timeline__item is-${ item.kind }` }
				>
					{ item.kind === 'message' && (
						<MessageItem
							message={ item.message }
							onSplit={ onSplit }
							canSplit={ messageCount > 1 }
							onDeliveryRetried={ onDeliveryRetried }
						/>
					) }
					{ item.kind === 'event' && (
						<EventItem event={ item.event } agents={ agents } />
					) }
					{ item.kind === 'order_note' && (
						<OrderNoteItem note={ item.note } />
					) }
				</li>
			) ) }
		</ol>
	);
}
