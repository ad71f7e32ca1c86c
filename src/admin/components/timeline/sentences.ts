/**
 * The sentences of the timeline: what an event, an automatic mail or a delivery state says.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, Message, TicketEvent } from '../../../shared/types';
import { channelLabel, priorityLabel, statusLabel } from '../../labels';

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
			if ( data.other_customer ) {
				return sprintf(
					/* translators: 1: ticket number, 2: subject */
					__(
						'Ticket #%1$s (“%2$s”) of another customer was merged into this one; each customer still sees only her own messages',
						'switchboard'
					),
					str( data.source_id ),
					str( data.source_subject )
				);
			}
			return sprintf(
				/* translators: 1: ticket number, 2: subject */
				__(
					'Ticket #%1$s (“%2$s”) was merged into this one',
					'switchboard'
				),
				str( data.source_id ),
				str( data.source_subject )
			);
		case 'links_revoked':
			return sprintf(
				/* translators: %s: who */
				__(
					'%s revoked the links mailed for this ticket: earlier links and reply addresses no longer work',
					'switchboard'
				),
				actor
			);
		case 'confirmation_mail_suppressed':
			return __(
				'No confirmation mail was sent: this address already got three in the last hour',
				'switchboard'
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

export function deliveryLabel( message: Message ): string {
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
