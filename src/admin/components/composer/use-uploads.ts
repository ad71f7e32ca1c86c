/**
 * WordPress dependencies
 */
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Attachment } from '../../../shared/types';
import { uploadAttachment } from '../../../shared/api/tickets';
import { toApiError } from '../../../shared/api/errors';

/**
 * The reply's attachments: files are uploaded one by one as they are picked; a failed one is
 * reported by name and the others go on.
 *
 * @param onError Shows an error.
 */
export function useUploads( onError: ( message: string ) => void ) {
	const [ files, setFiles ] = useState< Attachment[] >( [] );
	const [ uploading, setUploading ] = useState( 0 );
	const fileRef = useRef< HTMLInputElement >( null );

	const upload = async ( list: FileList | null ) => {
		if ( ! list ) {
			return;
		}
		for ( const file of Array.from( list ) ) {
			setUploading( ( n ) => n + 1 );
			try {
				const stored = await uploadAttachment( file );
				setFiles( ( current ) => [ ...current, stored ] );
			} catch ( error ) {
				onError(
					sprintf(
						/* translators: 1: file name, 2: error message */
						__( 'Could not attach %1$s: %2$s', 'switchboard' ),
						file.name,
						toApiError( error ).message
					)
				);
			} finally {
				setUploading( ( n ) => n - 1 );
			}
		}
		if ( fileRef.current ) {
			fileRef.current.value = '';
		}
	};

	return { files, setFiles, uploading, upload, fileRef };
}
