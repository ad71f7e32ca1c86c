/**
 * Merging another ticket into this one. Tickets of two different customers: a helpdesk manager
 * confirms both customers (named by the server) before the merge; an agent sees why it is refused.
 */

/**
 * WordPress dependencies
 */
import { Button, Modal, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { toApiError } from '../../../shared/api/errors';
import type { ApiError, Ticket } from '../../../shared/types';

export interface MergeCustomer {
	id: number;
	ticket_id: number;
	name: string;
}

interface Props {
	ticket: Ticket;
	/** Merges; confirmCustomers carries both customer ids once a manager confirmed them. */
	onMerge: (
		sourceId: number,
		confirmCustomers?: number[]
	) => Promise< void >;
	onClose: () => void;
}

/**
 * The customers named by a confirmation error, or null for any other error.
 *
 * @param error The error the merge route answered.
 */
export function customersToConfirm( error: ApiError ): MergeCustomer[] | null {
	if ( error.code !== 'switchboard_merge_confirm_customers' ) {
		return null;
	}
	const customers = error.data?.customers;
	return Array.isArray( customers ) ? ( customers as MergeCustomer[] ) : [];
}

/**
 * Whether a thrown merge error is one the dialog shows itself (two customers' tickets).
 *
 * @param error What the merge threw.
 */
export function isMergeRefusal( error: unknown ): boolean {
	const code = toApiError( error ).code;
	return (
		code === 'switchboard_merge_confirm_customers' ||
		code === 'switchboard_merge_other_customer'
	);
}

export default function MergeModal( { ticket, onMerge, onClose }: Props ) {
	const [ source, setSource ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ confirm, setConfirm ] = useState< MergeCustomer[] | null >( null );
	const sourceId = Number( source.replace( /^#/, '' ) );
	const valid =
		Number.isInteger( sourceId ) && sourceId > 0 && sourceId !== ticket.id;

	const submit = async ( confirmCustomers?: number[] ) => {
		setBusy( true );
		setError( null );
		try {
			await onMerge( sourceId, confirmCustomers );
			onClose();
		} catch ( e ) {
			const apiError = toApiError( e );
			const customers = customersToConfirm( apiError );
			setConfirm( customers );
			setError( customers ? null : apiError );
		} finally {
			setBusy( false );
		}
	};

	return (
		<Modal
			title={ __( 'Merge another ticket into this one', 'switchboard' ) }
			onRequestClose={ onClose }
		>
			<form
				onSubmit={ ( event ) => {
					event.preventDefault();
					if ( valid && ! confirm ) {
						submit();
					}
				} }
			>
				<p>
					{ sprintf(
						/* translators: %s: ticket number */
						__(
							'Its messages move to ticket #%s and it is closed. This cannot be undone.',
							'switchboard'
						),
						String( ticket.number )
					) }
				</p>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Ticket number to merge', 'switchboard' ) }
					value={ source }
					onChange={ ( value ) => {
						setSource( value );
						setConfirm( null );
						setError( null );
					} }
					// eslint-disable-next-line jsx-a11y/no-autofocus
					autoFocus
				/>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error.message }
					</Notice>
				) }
				{ confirm && (
					<Notice status="warning" isDismissible={ false }>
						<p>
							{ confirm.length === 2
								? sprintf(
										/* translators: 1: ticket number, 2: customer, 3: ticket number, 4: customer */
										__(
											'Ticket #%1$d belongs to %2$s and ticket #%3$d to %4$s: two different customers.',
											'switchboard'
										),
										confirm[ 0 ].ticket_id,
										confirm[ 0 ].name,
										confirm[ 1 ].ticket_id,
										confirm[ 1 ].name
								  )
								: __(
										'These tickets belong to two different customers.',
										'switchboard'
								  ) }
						</p>
						<p>
							{ __(
								'Each customer keeps seeing only her own messages; you will see both conversations on this ticket.',
								'switchboard'
							) }
						</p>
					</Notice>
				) }
				<div className="switchboard-ticket-controls__modal-actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'switchboard' ) }
					</Button>
					{ confirm ? (
						<Button
							variant="primary"
							isDestructive
							disabled={ busy }
							isBusy={ busy }
							onClick={ () =>
								submit( confirm.map( ( c ) => c.id ) )
							}
						>
							{ __(
								'Merge both customers’ tickets',
								'switchboard'
							) }
						</Button>
					) : (
						<Button
							variant="primary"
							type="submit"
							disabled={ ! valid || busy }
							isBusy={ busy }
						>
							{ __( 'Merge', 'switchboard' ) }
						</Button>
					) }
				</div>
			</form>
		</Modal>
	);
}
