/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function Loading() {
	return (
		<div className="switchboard-loading" aria-busy="true">
			<Spinner />
			<span className="screen-reader-text">
				{ __( 'Loading…', 'switchboard' ) }
			</span>
		</div>
	);
}
