/**
 * "Revoke links": rotates the ticket's secret so every link mailed to the customer so far (and the
 * signed reply address of earlier mail) stops working. Asks for confirmation first.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { revokeTicketLinks } from '../../../shared/api/tickets';
import { toApiError } from '../../../shared/api/errors';
import { confirmAction } from '../../utils/confirm';
import { coreStore, ticketsStore } from '../../store';

export default function RevokeLinks( { ticketId }: { ticketId: number } ) {
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );
	const { refreshTicket } = useDispatch( ticketsStore );
	const revoke = async () => {
		const ok = confirmAction(
			__(
				'Every link to this ticket mailed so far stops working, and replies to earlier mail start a new ticket. The customer gets a fresh link with your next reply. Revoke the links?',
				'switchboard'
			)
		);
		if ( ! ok ) {
			return;
		}
		setBusy( true );
		try {
			await revokeTicketLinks( ticketId );
			await refreshTicket( ticketId );
			createNotice(
				'success',
				__(
					'Earlier links to this ticket no longer work.',
					'switchboard'
				)
			);
		} catch ( e ) {
			createNotice( 'error', toApiError( e ).message );
		} finally {
			setBusy( false );
		}
	};
	return (
		<Button
			variant="secondary"
			isDestructive
			className="switchboard-ticket-controls__revoke"
			disabled={ busy }
			isBusy={ busy }
			onClick={ revoke }
		>
			{ __( 'Revoke links…', 'switchboard' ) }
		</Button>
	);
}
