/**
 * Settings → Canned responses: list, add, edit, delete; personal or shared with the team.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { cannedResponsesStore, coreStore } from '../../store';
import type {
	CannedResponse,
	CannedResponseInput,
} from '../../../shared/types';
import { toApiError } from '../../../shared/api/errors';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import { confirmAction } from '../../utils/confirm';
import './style.scss';

export const PLACEHOLDERS = [
	'{customer.name}',
	'{customer.first_name}',
	'{customer.last_name}',
	'{customer.email}',
	'{ticket.number}',
	'{ticket.subject}',
	'{agent.name}',
	'{agent.first_name}',
	'{order.number}',
	'{order.status}',
	'{order.date}',
	'{order.total}',
	'{order.tracking}',
	'{site.name}',
];

function EditModal( {
	item,
	canShare,
	onClose,
}: {
	item: CannedResponse | null;
	canShare: boolean;
	onClose: () => void;
} ) {
	const [ data, setData ] = useState< CannedResponseInput >( {
		title: item?.title ?? '',
		body: item?.body ?? '',
		shortcut: item?.shortcut ?? '',
		shared: item ? item.shared : canShare,
	} );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const { saveCannedResponse } = useDispatch( cannedResponsesStore );
	const { createNotice } = useDispatch( coreStore );
	const set =
		( key: keyof CannedResponseInput ) => ( value: string | boolean ) =>
			setData( ( current ) => ( { ...current, [ key ]: value } ) );

	return (
		<Modal
			title={
				item
					? __( 'Edit canned response', 'switchboard' )
					: __( 'Add canned response', 'switchboard' )
			}
			onRequestClose={ onClose }
			size="medium"
		>
			<form
				className="switchboard-canned-manager__form"
				onSubmit={ async ( event ) => {
					event.preventDefault();
					setBusy( true );
					setError( null );
					try {
						await saveCannedResponse( data, item?.id );
						createNotice(
							'success',
							__( 'Canned response saved.', 'switchboard' )
						);
						onClose();
					} catch ( e ) {
						setError( toApiError( e ).message );
					} finally {
						setBusy( false );
					}
				} }
			>
				{ error && (
					<p
						className="switchboard-canned-manager__error"
						role="alert"
					>
						{ error }
					</p>
				) }
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Title', 'switchboard' ) }
					value={ data.title }
					onChange={ set( 'title' ) }
					required
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Text', 'switchboard' ) }
					value={ data.body }
					onChange={ set( 'body' ) }
					rows={ 8 }
					required
					help={ sprintf(
						/* translators: %s: list of placeholders */
						__( 'Placeholders: %s', 'switchboard' ),
						PLACEHOLDERS.join( ' ' )
					) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Shortcut (optional)', 'switchboard' ) }
					value={ data.shortcut ?? '' }
					onChange={ set( 'shortcut' ) }
				/>
				{ canShare && (
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Shared with all agents', 'switchboard' ) }
						checked={ !! data.shared }
						onChange={ set( 'shared' ) }
					/>
				) }
				<div className="switchboard-canned-manager__actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'switchboard' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={
							busy || ! data.title.trim() || ! data.body.trim()
						}
					>
						{ __( 'Save', 'switchboard' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}

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
