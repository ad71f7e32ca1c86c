/**
 * Settings → Canned responses: list, add, edit, delete; personal or shared with the team.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { cannedResponsesStore, coreStore } from '../../store';
import type { CannedResponse } from '../../../shared/types';
import { toApiError } from '../../../shared/api/errors';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import { confirmAction } from '../../utils/confirm';
import EditModal from './edit-modal';
import './style.scss';

export { PLACEHOLDERS } from './edit-modal';

export default function CannedResponsesManager() {
	const { items, error, overview } = useSelect(
		( select ) => ( {
			items: select( cannedResponsesStore ).getCannedResponses(),
			error: select( cannedResponsesStore ).getCannedResponsesError(),
			overview: select( coreStore ).getOverview(),
		} ),
		[]
	);
	const { refreshCannedResponses, deleteCannedResponse } =
		useDispatch( cannedResponsesStore );
	const { createNotice } = useDispatch( coreStore );
	const [ editing, setEditing ] = useState< CannedResponse | null | false >(
		false
	);
	const isManager = !! overview?.capabilities.manage;
	const userId = overview?.user.id ?? 0;
	const canEdit = ( item: CannedResponse ) =>
		isManager || item.owner_id === userId;

	return (
		<div className="switchboard-canned-manager">
			<div className="switchboard-canned-manager__toolbar">
				<p>
					{ __(
						'Saved replies agents insert with the “Canned responses” button. Placeholders are filled from the customer and her latest or linked order.',
						'switchboard'
					) }
				</p>
				<Button variant="primary" onClick={ () => setEditing( null ) }>
					{ __( 'Add canned response', 'switchboard' ) }
				</Button>
			</div>
			{ error && ! items && (
				<ErrorNotice
					error={ error }
					onRetry={ () => refreshCannedResponses() }
				/>
			) }
			{ ! items && ! error && <Loading /> }
			{ items && items.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No canned responses yet.', 'switchboard' ) }
				</div>
			) }
			{ items && items.length > 0 && (
				<table className="wp-list-table widefat fixed striped">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Title', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Shortcut', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Visibility', 'switchboard' ) }
							</th>
							<th scope="col">{ __( 'Used', 'switchboard' ) }</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Actions', 'switchboard' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ items.map( ( item ) => (
							<tr key={ item.id }>
								<td>
									<strong>{ item.title }</strong>
									<div className="switchboard-canned-manager__excerpt">
										{ item.body.slice( 0, 120 ) }
									</div>
								</td>
								<td>
									{ item.shortcut && (
										<code>{ item.shortcut }</code>
									) }
								</td>
								<td>
									{ item.shared
										? __( 'Shared', 'switchboard' )
										: __( 'Personal', 'switchboard' ) }
								</td>
								<td>{ item.usage_count }</td>
								<td>
									{ canEdit( item ) && (
										<>
											<Button
												variant="link"
												onClick={ () =>
													setEditing( item )
												}
											>
												{ __( 'Edit', 'switchboard' ) }
											</Button>{ ' ' }
											<Button
												variant="link"
												isDestructive
												onClick={ async () => {
													if (
														! confirmAction(
															__(
																'Delete this canned response?',
																'switchboard'
															)
														)
													) {
														return;
													}
													try {
														await deleteCannedResponse(
															item.id
														);
														createNotice(
															'success',
															__(
																'Canned response deleted.',
																'switchboard'
															)
														);
													} catch ( e ) {
														createNotice(
															'error',
															toApiError( e )
																.message
														);
													}
												} }
											>
												{ __(
													'Delete',
													'switchboard'
												) }
											</Button>
										</>
									) }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ editing !== false && (
				<EditModal
					item={ editing }
					canShare={ isManager }
					onClose={ () => setEditing( false ) }
				/>
			) }
		</div>
	);
}
