/**
 * Translated labels for statuses, priorities and channels, and the dashicon of each channel.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { TicketPriority, TicketStatus } from '../shared/types';

export const STATUSES: TicketStatus[] = [
	'new',
	'open',
	'pending',
	'on-hold',
	'solved',
	'closed',
];

export const PRIORITIES: TicketPriority[] = [
	'low',
	'normal',
	'high',
	'urgent',
];

export const KNOWN_CHANNELS = [
	'email',
	'web',
	'account',
	'chat',
	'phone',
	'messenger',
];

export function statusLabel( status: string ): string {
	switch ( status ) {
		case 'new':
			return __( 'New', 'switchboard' );
		case 'open':
			return __( 'Open', 'switchboard' );
		case 'pending':
			return __( 'Pending', 'switchboard' );
		case 'on-hold':
			return __( 'On hold', 'switchboard' );
		case 'solved':
			return __( 'Solved', 'switchboard' );
		case 'closed':
			return __( 'Closed', 'switchboard' );
		default:
			return status;
	}
}

export function priorityLabel( priority: string ): string {
	switch ( priority ) {
		case 'low':
			return __( 'Low', 'switchboard' );
		case 'normal':
			return __( 'Normal', 'switchboard' );
		case 'high':
			return __( 'High', 'switchboard' );
		case 'urgent':
			return __( 'Urgent', 'switchboard' );
		default:
			return priority;
	}
}

export function channelLabel( channel: string ): string {
	switch ( channel ) {
		case 'email':
			return __( 'Email', 'switchboard' );
		case 'web':
			return __( 'Web form', 'switchboard' );
		case 'account':
			return __( 'My Account', 'switchboard' );
		case 'chat':
			return __( 'Chat', 'switchboard' );
		case 'phone':
			return __( 'Phone', 'switchboard' );
		case 'messenger':
			return __( 'Messenger', 'switchboard' );
		default:
			return channel.charAt( 0 ).toUpperCase() + channel.slice( 1 );
	}
}

export function channelIcon( channel: string ): string {
	switch ( channel ) {
		case 'email':
			return 'email';
		case 'web':
			return 'feedback';
		case 'account':
			return 'admin-users';
		case 'chat':
			return 'format-chat';
		case 'phone':
			return 'phone';
		case 'messenger':
			return 'facebook-alt';
		default:
			return 'format-status';
	}
}

export interface SelectOption {
	value: string;
	label: string;
	disabled?: boolean;
}

/**
 * Options for a SelectControl, typed as plain strings.
 *
 * @param values Values.
 * @param label  Label of each value.
 */
export function toOptions(
	values: readonly string[],
	label: ( value: string ) => string
): SelectOption[] {
	return values.map( ( value ) => ( { value, label: label( value ) } ) );
}
