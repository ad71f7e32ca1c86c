/**
 * What the agent is told after ending a chat or sending its transcript.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

interface TranscriptResult {
	transcript_sent: boolean;
	/** The address was typed by a guest and is not confirmed: it got the signed link only. */
	confirmation_only?: boolean;
	to?: string;
}

export function endedNotice( result: TranscriptResult ): string {
	if ( result.confirmation_only ) {
		return __(
			'Chat ended. The address is not confirmed yet: it got a link to the conversation instead of the transcript.',
			'switchboard'
		);
	}
	if ( result.transcript_sent ) {
		return __(
			'Chat ended. The transcript was emailed to the customer.',
			'switchboard'
		);
	}
	return __( 'Chat ended.', 'switchboard' );
}

export function transcriptNotice( result: TranscriptResult ): string {
	if ( result.confirmation_only ) {
		return sprintf(
			/* translators: %s: email address */
			__(
				'%s is not confirmed yet: it got a link to the conversation instead of the transcript.',
				'switchboard'
			),
			result.to ?? ''
		);
	}
	return sprintf(
		/* translators: %s: email address */
		__( 'Transcript emailed to %s.', 'switchboard' ),
		result.to ?? ''
	);
}
