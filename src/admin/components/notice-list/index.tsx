/**
 * WordPress dependencies
 */
import { Notice, SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import './style.scss';

/**
 * Errors stay on top of the screen until dismissed; successes and infos are snackbars.
 */
export default function NoticeList() {
	const notices = useSelect(
		( select ) => select( coreStore ).getNotices(),
		[]
	);
	const { removeNotice } = useDispatch( coreStore );
	const errors = notices.filter(
		( notice ) => notice.status === 'error' || notice.status === 'warning'
	);
	const snackbars = notices.filter(
		( notice ) => notice.status === 'success' || notice.status === 'info'
	);

	return (
		<>
			<div
				className="switchboard-notices"
				role="region"
				aria-live="assertive"
			>
				{ errors.map( ( notice ) => (
					<Notice
						key={ notice.id }
						status={ notice.status }
						onRemove={ () => removeNotice( notice.id ) }
					>
						{ notice.content }
					</Notice>
				) ) }
			</div>
			<SnackbarList
				className="switchboard-snackbars"
				notices={ snackbars.map( ( notice ) => ( {
					id: notice.id,
					content: notice.content,
					spokenMessage: notice.content,
				} ) ) }
				onRemove={ ( id: string ) => removeNotice( id ) }
			/>
		</>
	);
}
