/**
 * Short, translated durations ("5 min", "3 h", "2 d") and local date-times for the timeline.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

export function parseDate( iso: string | null | undefined ): Date | null {
	if ( ! iso ) {
		return null;
	}
	const date = new Date( iso );
	return Number.isNaN( date.getTime() ) ? null : date;
}

/**
 * A compact duration between two instants.
 *
 * @param from Start.
 * @param to   End (now by default).
 */
export function shortDuration( from: Date, to: Date = new Date() ): string {
	const seconds = Math.max(
		0,
		Math.round( ( to.getTime() - from.getTime() ) / 1000 )
	);
	if ( seconds < 60 ) {
		return __( 'now', 'switchboard' );
	}
	const minutes = Math.floor( seconds / 60 );
	if ( minutes < 60 ) {
		/* translators: %d: number of minutes */
		return sprintf( __( '%d min', 'switchboard' ), minutes );
	}
	const hours = Math.floor( minutes / 60 );
	if ( hours < 48 ) {
		/* translators: %d: number of hours */
		return sprintf( __( '%d h', 'switchboard' ), hours );
	}
	/* translators: %d: number of days */
	return sprintf( __( '%d d', 'switchboard' ), Math.floor( hours / 24 ) );
}

export function formatDateTime( iso: string | null | undefined ): string {
	const date = parseDate( iso );
	if ( ! date ) {
		return '';
	}
	return date.toLocaleString( undefined, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} );
}

export function formatDate( iso: string | null | undefined ): string {
	const date = parseDate( iso );
	return date
		? date.toLocaleDateString( undefined, { dateStyle: 'medium' } )
		: '';
}
