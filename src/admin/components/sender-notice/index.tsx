/**
 * Warns the agent that the customer on this ticket may not be who she says: a visitor who was not
 * signed in typed the address (contact form or pre-chat form), so the orders, cart and other
 * tickets beside it belong to that address — not necessarily to the person writing. It goes once
 * the address's owner answers (by e-mail, through the emailed link, or from her account).
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { UnverifiedSender } from '../../../shared/types';
import './style.scss';

/**
 * The warning's text.
 *
 * @param sender The unproven address and where it was typed.
 */
export function senderWarning( sender: UnverifiedSender ): string {
	if ( sender.via === 'chat' ) {
		return sprintf(
			/* translators: %s: email address */
			__(
				'Not verified: a visitor who was not signed in typed %s in the chat. Until the owner of that address answers from it, do not share order, address or account details in the chat — answer by email, or ask her to sign in.',
				'switchboard'
			),
			sender.email
		);
	}
	return sprintf(
		/* translators: %s: email address */
		__(
			'Not verified: someone who was not signed in typed %s in the contact form. Replies only go to that address, but the message may not come from its owner until she answers from it.',
			'switchboard'
		),
		sender.email
	);
}

export default function SenderNotice( {
	sender,
}: {
	sender: UnverifiedSender | null | undefined;
} ) {
	if ( ! sender ) {
		return null;
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="switchboard-sender-notice"
		>
			{ senderWarning( sender ) }
		</Notice>
	);
}
