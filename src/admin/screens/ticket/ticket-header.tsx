/**
 * The ticket's header: back to the inbox, number and subject, status, channel, previous/next.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { StatusBadge, ChannelIcon } from '../../components/ticket-badges';
import { channelLabel } from '../../labels';
import type { Ticket } from '../../../shared/types';

interface Props {
	ticket: Ticket;
	/** Place of the ticket in the inbox list, -1 when it is not in it. */
	position: number;
	count: number;
	onBack: () => void;
	onGo: ( step: number ) => void;
}

export default function TicketHeader( {
	ticket,
	position,
	count,
	onBack,
	onGo,
}: Props ) {
	return (
		<header className="switchboard-ticket__header">
			<Button
				variant="tertiary"
				size="compact"
				onClick={ onBack }
				aria-keyshortcuts="Escape"
			>
				{ __( '← Inbox', 'switchboard' ) }
			</Button>
			<h2
				id="switchboard-ticket-subject"
				className="switchboard-ticket__subject"
			>
				<span className="switchboard-ticket__number">
					#{ ticket.number }
				</span>{ ' ' }
				{ ticket.subject || __( '(no subject)', 'switchboard' ) }
			</h2>
			<StatusBadge status={ ticket.status } />
			<span className="switchboard-ticket__channel">
				<ChannelIcon channel={ ticket.channel } />{ ' ' }
				{ channelLabel( ticket.channel ) }
			</span>
			{ position >= 0 && (
				<span className="switchboard-ticket__nav">
					<Button
						size="compact"
						variant="tertiary"
						disabled={ position <= 0 }
						onClick={ () => onGo( -1 ) }
						label={ __( 'Previous ticket (k)', 'switchboard' ) }
						aria-keyshortcuts="k"
					>
						‹
					</Button>
					<Button
						size="compact"
						variant="tertiary"
						disabled={ position >= count - 1 }
						onClick={ () => onGo( 1 ) }
						label={ __( 'Next ticket (j)', 'switchboard' ) }
						aria-keyshortcuts="j"
					>
						›
					</Button>
				</span>
			) }
		</header>
	);
}
