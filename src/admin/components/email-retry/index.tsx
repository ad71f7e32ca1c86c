/**
 * "Retry sending" for an email reply that failed: sends it again now (the background retry
 * would otherwise try later) and reports the outcome; the caller reloads the timeline.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { retryEmailDelivery } from '../../../shared/api/mailboxes';
import { toApiError } from '../../../shared/api/errors';
import type { Message } from '../../../shared/types';

/**
 * Channels whose replies the email channel sends (web form and My Account replies go out by
 * email too; see Frontend\ReplyMail and Channels\Email\Mailer::channels()).
 */
const EMAILED_CHANNELS = [ 'email', 'web', 'account' ];

/**
 * Whether a message is an email reply that can be sent again.
 *
 * @param message Message.
 */
export function canRetryDelivery( message: Message ): boolean {
	return (
		EMAILED_CHANNELS.includes( message.channel ) &&
		message.direction === 'out' &&
		! message.is_private &&
		( message.delivery_status === 'failed' ||
			message.delivery_status === 'bounced' )
	);
}

export default function RetryDeliveryButton( {
	message,
	onDone,
}: {
	message: Message;
	onDone: () => void;
} ) {
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );
	return (
		<Button
			size="small"
			variant="secondary"
			className="switchboard-timeline__retry"
			isBusy={ busy }
			disabled={ busy }
			onClick={ async () => {
				setBusy( true );
				try {
					const result = await retryEmailDelivery( message.id );
					if ( result.delivery_status === 'sent' ) {
						createNotice(
							'success',
							__( 'The email was sent.', 'switchboard' )
						);
					} else {
						createNotice(
							'error',
							sprintf(
								/* translators: %s: the mail server's error */
								__(
									'Sending failed again: %s. It will be retried in the background.',
									'switchboard'
								),
								result.delivery_error
							)
						);
					}
				} catch ( e ) {
					createNotice( 'error', toApiError( e ).message );
				} finally {
					setBusy( false );
					onDone();
				}
			} }
		>
			{ __( 'Retry sending', 'switchboard' ) }
		</Button>
	);
}
