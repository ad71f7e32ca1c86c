/**
 * One mailbox in the list: address, server, state (active, last check, last error), and its
 * actions (check now, edit, delete).
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { mailboxesStore } from '../../store/mailboxes';
import { checkMailbox, type Mailbox } from '../../../shared/api/mailboxes';
import { asApiError } from '../../../shared/api/errors';
import { confirmAction } from '../../utils/confirm';
import { formatUtc } from './utils';

export default function MailboxRow( {
	mailbox,
	onEdit,
	onChanged,
}: {
	mailbox: Mailbox;
	onEdit: () => void;
	onChanged: () => void;
} ) {
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );
	const { deleteRecord } = useDispatch( mailboxesStore );
	return (
		<tr data-mailbox={ mailbox.address }>
			<td>
				<strong>{ mailbox.address }</strong>
				{ mailbox.name && <div>{ mailbox.name }</div> }
			</td>
			<td>
				{ mailbox.imap_host ? (
					<>
						<code>
							{ mailbox.imap_host }:{ mailbox.imap_port }
						</code>
						<div>
							{ mailbox.imap_user } · { mailbox.imap_folder }
						</div>
					</>
				) : (
					'—'
				) }
			</td>
			<td className="switchboard-mailboxes__state">
				<div>
					{ mailbox.is_active
						? __( 'Active', 'switchboard' )
						: __( 'Paused', 'switchboard' ) }
				</div>
				<div>
					{ sprintf(
						/* translators: %s: date and time */
						__( 'Last checked: %s', 'switchboard' ),
						formatUtc( mailbox.last_polled_at )
					) }
				</div>
				{ mailbox.last_error && (
					<div className="switchboard-mailboxes__error">
						{ sprintf(
							/* translators: %s: the error of the last poll */
							__( 'Last error: %s', 'switchboard' ),
							mailbox.last_error
						) }
					</div>
				) }
			</td>
			<td className="switchboard-mailboxes__row-actions">
				<Button
					variant="secondary"
					size="compact"
					isBusy={ busy }
					disabled={ busy || ! mailbox.imap_host }
					onClick={ async () => {
						setBusy( true );
						try {
							const result = await checkMailbox( mailbox.id );
							if ( result.error ) {
								createNotice(
									'error',
									sprintf(
										/* translators: %s: error */
										__(
											'Checking failed: %s',
											'switchboard'
										),
										result.error
									)
								);
							} else {
								createNotice(
									'success',
									sprintf(
										/* translators: %d: number of emails */
										_n(
											'%d email imported.',
											'%d emails imported.',
											result.imported,
											'switchboard'
										),
										result.imported
									)
								);
							}
						} catch ( e ) {
							createNotice(
								'error',
								( await asApiError( e ) ).message
							);
						} finally {
							setBusy( false );
							onChanged();
						}
					} }
				>
					{ __( 'Check now', 'switchboard' ) }
				</Button>
				<Button variant="tertiary" size="compact" onClick={ onEdit }>
					{ __( 'Edit', 'switchboard' ) }
				</Button>
				<Button
					variant="tertiary"
					size="compact"
					isDestructive
					onClick={ async () => {
						if (
							! confirmAction(
								sprintf(
									/* translators: %s: email address */
									__(
										'Delete the mailbox %s? Its tickets stay.',
										'switchboard'
									),
									mailbox.address
								)
							)
						) {
							return;
						}
						try {
							await deleteRecord( mailbox.id );
							createNotice(
								'success',
								__( 'Mailbox deleted.', 'switchboard' )
							);
						} catch ( e ) {
							createNotice(
								'error',
								( await asApiError( e ) ).message
							);
						}
						onChanged();
					} }
				>
					{ __( 'Delete', 'switchboard' ) }
				</Button>
			</td>
		</tr>
	);
}
