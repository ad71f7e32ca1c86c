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
import { channelLabel, priorityLabel, statusLabel } from '../../labels';
import { formatDateTime } from '../../utils/time';
import { formatBytes } from '../../utils/text';
import { ChannelIcon } from '../ticket-badges';
import Avatar from '../avatar';
import RetryDeliveryButton, { canRetryDelivery } from '../email-retry';
import MessageBody from './message-body';
import { safeMessageHtml } from './safe-html';
import './style.scss';

function agentName( agents: Agent[], id: unknown ): string {
	const numeric = Number( id );
	if ( ! numeric ) {
		return __( 'nobody', 'switchboard' );
	}
	return (
		agents.find( ( agent ) => agent.id === numeric )?.name ??
		`#${ numeric }`
	);
}

/**
 * The name of an automatic customer email (Tickets\\CustomerMail kinds).
 *
 * @param kind Kind.
 */
function noticeLabel( kind: string ): string {
	switch ( kind ) {
		case 'solved':
			return __( 'The "solved — rate us" email', 'switchboard' );
		case 'contact_confirmation':
			return __( 'The contact form confirmation', 'switchboard' );
		case 'chat_transcript':
			return __( 'The chat transcript', 'switchboard' );
		case 'chat_reply':
			return __( 'The chat reply by email', 'switchboard' );
		default:
			return __( 'An email', 'switchboard' );
	}
}

/**
 * One sentence for an event.
 *
 * @param event  Event.
 * @param agents Agents, to name assignees.
 */
export function describeEvent( event: TicketEvent, agents: Agent[] ): string {
	const data = ( event.data ?? {} ) as Record< string, unknown >;
	const actor = event.actor?.name || __( 'System', 'switchboard' );
	const str = ( value: unknown ) => String( value ?? '' );
	switch ( event.type ) {
		case 'created':
			return sprintf(
				/* translators: 1: who, 2: channel */
				__( '%1$s created the ticket via %2$s', 'switchboard' ),
				actor,
				channelLabel( str( data.channel ) )
			);
		case 'status_changed':
			return sprintf(
				/* translators: 1: who, 2: old status, 3: new status */
				__(
					'%1$s changed the status from %2$s to %3$s',
					'switchboard'
				),
				actor,
				statusLabel( str( data.from ) ),
				statusLabel( str( data.to ) )
			);
		case 'priority_changed':
			return sprintf(
				/* translators: 1: who, 2: old priority, 3: new priority */
				__(
					'%1$s changed the priority from %2$s to %3$s',
					'switchboard'
				),
				actor,
				priorityLabel( str( data.from ) ),
				priorityLabel( str( data.to ) )
			);
		case 'assigned':
			if ( ! Number( data.to ) ) {
				return sprintf(
					/* translators: %s: who */
					__( '%s unassigned the ticket', 'switchboard' ),
					actor
				);
			}
			return sprintf(
				/* translators: 1: who, 2: assignee */
				__( '%1$s assigned the ticket to %2$s', 'switchboard' ),
				actor,
				agentName( agents, data.to )
			);
		case 'team_changed':
			if ( ! Number( data.to ) ) {
				return sprintf(
					/* translators: %s: who */
					__( '%s removed the ticket from its team', 'switchboard' ),
					actor
				);
			}
			return sprintf(
				/* translators: 1: who, 2: team name */
				__( '%1$s moved the ticket to the team %2$s', 'switchboard' ),
				actor,
				str( data.to_name ) || `#${ str( data.to ) }`
			);
		case 'order_linked':
			if ( ! Number( data.to ) ) {
				return sprintf(
					/* translators: %s: who */
					__( '%s unlinked the order', 'switchboard' ),
					actor
				);
			}
			return sprintf(
				/* translators: 1: who, 2: order number */
				__( '%1$s linked order #%2$s', 'switchboard' ),
				actor,
				str( data.to )
			);
		case 'subject_changed':
			return sprintf(
				/* translators: 1: who, 2: new subject */
				__( '%1$s renamed the ticket to “%2$s”', 'switchboard' ),
				actor,
				str( data.to )
			);
		case 'tags_changed':
			return sprintf(
				/* translators: 1: who, 2: tags */
				__( '%1$s set the tags to %2$s', 'switchboard' ),
				actor,
				( Array.isArray( data.to ) ? data.to : [] ).join( ', ' ) ||
					__( 'none', 'switchboard' )
			);
		case 'merged':
			return sprintf(
				/* translators: 1: ticket number, 2: subject */
				__(
					'Ticket #%1$s (“%2$s”) was merged into this one',
					'switchboard'
				),
				str( data.source_id ),
				str( data.source_subject )
			);
		case 'merged_into':
			return sprintf(
				/* translators: %s: ticket number */
				__( 'This ticket was merged into #%s', 'switchboard' ),
				str( data.target_id )
			);
		case 'split':
			return sprintf(
				/* translators: %s: ticket number */
				__( 'A message was split into ticket #%s', 'switchboard' ),
				str( data.new_ticket_id )
			);
		case 'split_from':
			return sprintf(
				/* translators: %s: ticket number */
				__( 'Split from ticket #%s', 'switchboard' ),
				str( data.ticket_id )
			);
		case 'mentioned':
			return sprintf(
				/* translators: %s: agent names */
				__( 'Mentioned %s', 'switchboard' ),
				( Array.isArray( data.users ) ? data.users : [] )
					.map( ( id ) => agentName( agents, id ) )
					.join( ', ' )
			);
		case 'email_failed':
			return Number( data.retry_in ) > 0
				? sprintf(
						/* translators: 1: kind of email, 2: address, 3: error, 4: minutes */
						__(
							'%1$s to %2$s could not be sent (%3$s). Trying again in %4$d min.',
							'switchboard'
						),
						noticeLabel( str( data.kind ) ),
						str( data.to ),
						str( data.error ),
						Math.max(
							1,
							Math.round( Number( data.retry_in ) / 60 )
						)
				  )
				: sprintf(
						/* translators: 1: kind of email, 2: address, 3: error, 4: attempts */
						__(
							'%1$s to %2$s could not be sent (%3$s). Gave up after %4$d attempts.',
							'switchboard'
						),
						noticeLabel( str( data.kind ) ),
						str( data.to ),
						str( data.error ),
						Number( data.attempts )
				  );
		case 'sender_confirmed':
			return sprintf(
				confirmedSentence( str( data.how ) ),
				actor,
				str( data.email )
			);
		case 'email_sent':
			return sprintf(
				/* translators: 1: kind of email, 2: address, 3: attempts */
				__( '%1$s to %2$s was sent (attempt %3$d).', 'switchboard' ),
				noticeLabel( str( data.kind ) ),
				str( data.to ),
				Number( data.attempts )
			);
		default:
			return sprintf(
				/* translators: 1: who, 2: event type */
				__( '%1$s: %2$s', 'switchboard' ),
				actor,
				event.type.replace( /_/g, ' ' )
			);
	}
}

/**
 * The sentence for a `sender_confirmed` event (1: customer, 2: address).
 *
 * @param how email, account or link.
 */
function confirmedSentence( how: string ): string {
	switch ( how ) {
		case 'email':
			/* translators: 1: customer, 2: email address */
			return __(
				'%1$s confirmed %2$s: she answered from it by email',
				'switchboard'
			);
		case 'account':
			/* translators: 1: customer, 2: email address */
			return __(
				'%1$s confirmed %2$s: she answered from her signed-in account',
				'switchboard'
			);
		default:
			/* translators: 1: customer, 2: email address */
			return __(
				'%1$s confirmed %2$s: she answered through the link emailed to it',
				'switchboard'
			);
	}
}

function deliveryLabel( message: Message ): string {
	switch ( message.delivery_status ) {
		case 'queued':
			return __( 'Queued', 'switchboard' );
		case 'sent':
			return __( 'Sent', 'switchboard' );
		case 'failed':
			return __( 'Failed to send', 'switchboard' );
		case 'bounced':
			return __( 'Bounced', 'switchboard' );
		default:
			return '';
	}
}

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
