/**
 * WordPress dependencies
 */
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import './style.scss';

export function shortcutList(): Array< [ string, string ] > {
	return [
		[ 'j', __( 'Next ticket', 'switchboard' ) ],
		[ 'k', __( 'Previous ticket', 'switchboard' ) ],
		[ 'Enter', __( 'Open the selected ticket', 'switchboard' ) ],
		[ 'x', __( 'Select the ticket for bulk actions', 'switchboard' ) ],
		[ '/', __( 'Search', 'switchboard' ) ],
		[ 'r', __( 'Reply', 'switchboard' ) ],
		[ 'n', __( 'Add a private note', 'switchboard' ) ],
		[ 'Ctrl/⌘ + Enter', __( 'Send', 'switchboard' ) ],
		[ 'Escape', __( 'Back to the inbox', 'switchboard' ) ],
		[ '?', __( 'Show these shortcuts', 'switchboard' ) ],
	];
}

export default function ShortcutsHelp( { onClose }: { onClose: () => void } ) {
	return (
		<Modal
			title={ __( 'Keyboard shortcuts', 'switchboard' ) }
			onRequestClose={ onClose }
		>
			<table className="switchboard-shortcuts">
				<tbody>
					{ shortcutList().map( ( [ key, label ] ) => (
						<tr key={ key }>
							<td>
								<kbd>{ key }</kbd>
							</td>
							<td>{ label }</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</Modal>
	);
}
