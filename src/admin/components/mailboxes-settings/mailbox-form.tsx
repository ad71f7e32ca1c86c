/**
 * The add/edit mailbox modal: address and sender name, the IMAP and SMTP servers (one shared
 * fieldset each, with a connection test), the import options and the acknowledgement.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	Notice,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { mailboxesStore } from '../../store/mailboxes';
import {
	testMailbox,
	testSmtp,
	type Mailbox,
	type MailboxInput,
} from '../../../shared/api/mailboxes';
import { asApiError } from '../../../shared/api/errors';
import ConnectionTest, { type Busy } from './connection-test';
import ServerFieldset, { type ServerValues } from './server-fieldset';
import { AcknowledgementFieldset, ImportOptions } from './mailbox-options';
import { toFormValues, toMailboxInput } from './utils';

export default function MailboxForm( {
	mailbox,
	onClose,
	onSaved,
}: {
	mailbox: Mailbox | null;
	onClose: () => void;
	onSaved: () => void;
} ) {
	const [ data, setData ] = useState< MailboxInput >( () =>
		toFormValues( mailbox )
	);
	// Write-only: empty means "keep the stored password" for a saved mailbox.
	const [ password, setPassword ] = useState( '' );
	const [ smtpPassword, setSmtpPassword ] = useState( '' );
	const [ tags, setTags ] = useState( ( mailbox?.tags ?? [] ).join( ', ' ) );
	const [ busy, setBusy ] = useState< Busy >( null );
	const [ error, setError ] = useState< string | null >( null );
	const { createNotice } = useDispatch( coreStore );
	const { saveRecord } = useDispatch( mailboxesStore );

	const set =
		< K extends keyof MailboxInput >( key: K ) =>
		( value: MailboxInput[ K ] ) =>
			setData( ( current ) => ( { ...current, [ key ]: value } ) );

	// One server's fields (`imap_*` or `smtp_*`) for the shared fieldset.
	const server = ( prefix: 'imap' | 'smtp' ) => ( {
		values: {
			host: data[ `${ prefix }_host` ],
			port: data[ `${ prefix }_port` ],
			security: data[ `${ prefix }_security` ] || 'starttls',
			user: data[ `${ prefix }_user` ],
		} as ServerValues,
		onChange: < K extends keyof ServerValues >(
			key: K,
			value: ServerValues[ K ]
		) =>
			setData( ( current ) => ( {
				...current,
				[ `${ prefix }_${ key }` ]: value,
			} ) ),
	} );

	const payload = (): MailboxInput =>
		toMailboxInput( data, tags, password, smtpPassword );
	const testProps = { busy, setBusy, setError };

	return (
		<Modal
			title={
				mailbox
					? __( 'Edit mailbox', 'switchboard' )
					: __( 'Add mailbox', 'switchboard' )
			}
			onRequestClose={ onClose }
			size="medium"
		>
			<form
				className="switchboard-mailboxes__form"
				onSubmit={ async ( event ) => {
					event.preventDefault();
					setBusy( 'save' );
					setError( null );
					try {
						await saveRecord( payload(), mailbox?.id );
						createNotice(
							'success',
							__( 'Mailbox saved.', 'switchboard' )
						);
						onSaved();
					} catch ( e ) {
						setError( ( await asApiError( e ) ).message );
					} finally {
						setBusy( null );
					}
				} }
			>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						<p role="alert">{ error }</p>
					</Notice>
				) }
				<div className="switchboard-mailboxes__row">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Email address', 'switchboard' ) }
						type="email"
						value={ data.address }
						onChange={ set( 'address' ) }
						required
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Sender name', 'switchboard' ) }
						value={ data.name }
						onChange={ set( 'name' ) }
					/>
				</div>
				<ServerFieldset
					legend={ __( 'IMAP server', 'switchboard' ) }
					labels={ {
						host: __( 'IMAP host', 'switchboard' ),
						port: __( 'IMAP port', 'switchboard' ),
						security: __( 'IMAP security', 'switchboard' ),
						user: __( 'IMAP user', 'switchboard' ),
						password: __( 'IMAP password', 'switchboard' ),
					} }
					{ ...server( 'imap' ) }
					portMin={ 1 }
					securityFirst="ssl"
					password={ password }
					onPassword={ setPassword }
					passwordStored={ !! mailbox?.imap_password_set }
					extra={
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Folder', 'switchboard' ) }
							value={ data.imap_folder }
							onChange={ set( 'imap_folder' ) }
						/>
					}
				>
					<ConnectionTest
						name="test"
						label={ __( 'Test connection', 'switchboard' ) }
						success={ __(
							'Connection works: logged in and opened the folder.',
							'switchboard'
						) }
						run={ () => testMailbox( mailbox?.id ?? 0, payload() ) }
						{ ...testProps }
					/>
				</ServerFieldset>
				<ImportOptions
					data={ data }
					set={ set }
					tags={ tags }
					setTags={ setTags }
				/>
				<AcknowledgementFieldset data={ data } set={ set } />
				<ServerFieldset
					legend={ __( 'Outgoing mail (SMTP)', 'switchboard' ) }
					hint={ __(
						"Leave the host empty to send replies through the site's mail setup (wp_mail and any SMTP plugin).",
						'switchboard'
					) }
					labels={ {
						host: __( 'SMTP host', 'switchboard' ),
						port: __( 'SMTP port', 'switchboard' ),
						security: __( 'SMTP security', 'switchboard' ),
						user: __( 'SMTP user', 'switchboard' ),
						password: __( 'SMTP password', 'switchboard' ),
					} }
					{ ...server( 'smtp' ) }
					portMin={ 0 }
					portHelp={ __( '0: the usual port', 'switchboard' ) }
					securityFirst="starttls"
					password={ smtpPassword }
					onPassword={ setSmtpPassword }
					passwordStored={ !! mailbox?.smtp_password_set }
				>
					<ConnectionTest
						name="smtp"
						label={ __( 'Test SMTP', 'switchboard' ) }
						success={ __(
							'SMTP works: connected and logged in (nothing was sent).',
							'switchboard'
						) }
						run={ () => testSmtp( mailbox?.id ?? 0, payload() ) }
						disabled={ ! data.smtp_host.trim() }
						{ ...testProps }
					/>
				</ServerFieldset>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Active (checked in the background)',
						'switchboard'
					) }
					checked={ data.is_active }
					onChange={ set( 'is_active' ) }
				/>
				<div className="switchboard-mailboxes__actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'switchboard' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						__next40pxDefaultSize
						isBusy={ busy === 'save' }
						disabled={ busy !== null || ! data.address.trim() }
					>
						{ __( 'Save mailbox', 'switchboard' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
