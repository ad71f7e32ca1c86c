/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/types';

interface Props {
	error: ApiError;
	onRetry?: () => void;
	/** What failed, e.g. "Could not load the tickets." */
	title?: string;
}

/**
 * A failed request as an error notice with its message and a retry button.
 *
 * @param props         Props.
 * @param props.error
 * @param props.onRetry
 * @param props.title
 */
export default function ErrorNotice( { error, onRetry, title }: Props ) {
	return (
		<Notice
			status="error"
			isDismissible={ false }
			className="switchboard-error-notice"
		>
			<p>
				{ title && <strong>{ title } </strong> }
				{ error.message }
			</p>
			{ onRetry && (
				<Button variant="secondary" onClick={ onRetry }>
					{ __( 'Retry', 'switchboard' ) }
				</Button>
			) }
		</Notice>
	);
}
