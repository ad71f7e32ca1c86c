/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceEntry } from '../../../shared/types';
import Avatar from '../avatar';
import './style.scss';

export function describePresence( entry: PresenceEntry ): string {
	if ( entry.state === 'replying' ) {
		return sprintf(
			/* translators: %s: agent name */
			__( '%s is replying', 'switchboard' ),
			entry.name
		);
	}
	return sprintf(
		/* translators: %s: agent name */
		__( '%s is viewing this ticket', 'switchboard' ),
		entry.name
	);
}

export default function PresenceIndicator( {
	others,
}: {
	others: PresenceEntry[];
} ) {
	const replying = others.some( ( entry ) => entry.state === 'replying' );
	return (
		<div
			className={ `switchboard-presence${
				replying ? ' is-replying' : ''
			}${ others.length ? '' : ' is-empty' }` }
			role="status"
			aria-live="polite"
		>
			{ others.map( ( entry ) => (
				<span
					key={ entry.user_id }
					className={ `switchboard-presence__agent is-${ entry.state }` }
					data-user-id={ entry.user_id }
				>
					<Avatar src={ entry.avatar } size={ 20 } />
					{ describePresence( entry ) }
				</span>
			) ) }
		</div>
	);
}
