/**
 * The files attached to the reply being written, each with a remove button.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Attachment } from '../../../shared/types';
import { formatBytes } from '../../utils/text';

export default function AttachedFiles( {
	files,
	onRemove,
}: {
	files: Attachment[];
	onRemove: ( id: number ) => void;
} ) {
	if ( files.length === 0 ) {
		return null;
	}
	return (
		<ul
			className="switchboard-composer__files"
			aria-label={ __( 'Attached files', 'switchboard' ) }
		>
			{ files.map( ( file ) => (
				<li key={ file.id }>
					{ file.filename } <span>{ formatBytes( file.size ) }</span>
					<Button
						size="small"
						variant="link"
						isDestructive
						label={ sprintf(
							/* translators: %s: file name */
							__( 'Remove %s', 'switchboard' ),
							file.filename
						) }
						onClick={ () => onRemove( file.id ) }
					>
						×
					</Button>
				</li>
			) ) }
		</ul>
	);
}
