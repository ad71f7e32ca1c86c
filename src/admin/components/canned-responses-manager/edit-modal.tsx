/**
 * The add/edit canned response modal, with the placeholders it can use.
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
import { useDispatch } from '@wordpress/data';
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

export default function EditModal( {
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
