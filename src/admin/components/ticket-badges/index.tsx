/**
 * WordPress dependencies
 */
import { Dashicon } from '@wordpress/components';

/**
 * Internal dependencies
 */
import {
	channelIcon,
	channelLabel,
	priorityLabel,
	statusLabel,
} from '../../labels';
import './style.scss';

export function StatusBadge( { status }: { status: string } ) {
	return (
		<span
			className={ `switchboard-badge switchboard-badge--status is-${ status }` }
		>
			{ statusLabel( status ) }
		</span>
	);
}

export function PriorityBadge( { priority }: { priority: string } ) {
	return (
		<span
			className={ `switchboard-badge switchboard-badge--priority is-${ priority }` }
		>
			{ priorityLabel( priority ) }
		</span>
	);
}

export function ChannelIcon( { channel }: { channel: string } ) {
	const label = channelLabel( channel );
	return (
		<span className="switchboard-channel-icon" title={ label }>
			<Dashicon icon={ channelIcon( channel ) as never } />
			<span className="screen-reader-text">{ label }</span>
		</span>
	);
}

export function TagChip( { name, color }: { name: string; color?: string } ) {
	return (
		<span
			className="switchboard-badge switchboard-badge--tag"
			style={ color ? { borderColor: color } : undefined }
		>
			{ name }
		</span>
	);
}
