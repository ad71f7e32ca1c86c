/**
 * Settings → Mailboxes (managers): the shop's support mailboxes polled over IMAP — add, edit,
 * delete, test the connection, check now, each one's last poll and last error — and the
 * quarantine of inbound mail that could not be imported, with retry and download of the raw
 * source. Split by concern: the form (mailbox-form, with one server-fieldset for IMAP and SMTP),
 * a list row (mailbox-row), the quarantine, the inbound webhooks; the lists are entity stores.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useEntityRecords } from '../../store/entities';
import { mailboxesStore, quarantineStore } from '../../store/mailboxes';
import type { Mailbox, MailboxInput } from '../../../shared/api/mailboxes';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import InboundWebhooks from './webhooks';
import MailboxForm from './mailbox-form';
import MailboxRow from './mailbox-row';
import Quarantine from './quarantine';
import './style.scss';

export { formatUtc, toMailboxInput } from './utils';

export default function MailboxesSettings() {
	const {
		records: mailboxes,
		error,
		refresh,
	} = useEntityRecords< Mailbox, MailboxInput, unknown >( mailboxesStore );
	const { refresh: refreshQuarantine } = useDispatch( quarantineStore );
	const [ editing, setEditing ] = useState< Mailbox | 'new' | null >( null );

	// A change to the mailboxes (saved, checked, deleted) can change the quarantine too.
	const load = useCallback( () => {
		refresh();
		refreshQuarantine();
	}, [ refresh, refreshQuarantine ] );
	// Opening the tab again shows fresh state (the first open loads through the resolvers).
	const loaded = mailboxes !== null;
	useEffect( () => {
		if ( loaded ) {
			load();
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
	}, [] );

	return (
		<div className="switchboard-mailboxes">
			<div className="switchboard-mailboxes__toolbar">
				<p>
					{ __(
						'Support mailboxes the helpdesk checks over IMAP. Replies leave from the mailbox address with threading headers.',
						'switchboard'
					) }
				</p>
				<Button
					variant="primary"
					__next40pxDefaultSize
					onClick={ () => setEditing( 'new' ) }
				>
					{ __( 'Add mailbox', 'switchboard' ) }
				</Button>
			</div>
			{ error && <ErrorNotice error={ error } onRetry={ load } /> }
			{ ! mailboxes && ! error && <Loading /> }
			{ mailboxes && mailboxes.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No mailboxes yet.', 'switchboard' ) }
				</div>
			) }
			{ mailboxes && mailboxes.length > 0 && (
				<table className="wp-list-table widefat fixed striped switchboard-mailboxes__list">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Mailbox', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Server', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Status', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Actions', 'switchboard' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ mailboxes.map( ( mailbox ) => (
							<MailboxRow
								key={ mailbox.id }
								mailbox={ mailbox }
								onEdit={ () => setEditing( mailbox ) }
								onChanged={ load }
							/>
						) ) }
					</tbody>
				</table>
			) }
			{ editing && (
				<MailboxForm
					mailbox={ editing === 'new' ? null : editing }
					onClose={ () => setEditing( null ) }
					onSaved={ () => {
						setEditing( null );
						load();
					} }
				/>
			) }
			<Quarantine />
			<InboundWebhooks />
		</div>
	);
}
