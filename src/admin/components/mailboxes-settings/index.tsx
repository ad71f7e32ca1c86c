/**
 * Settings → Mailboxes (managers): the shop's support mailboxes polled over IMAP — add, edit,
 * delete, test the connection, check now, each one's last poll and last error — and the
 * quarantine of inbound mail that could not be imported, with retry and download of the raw
 * source.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	Notice,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import {
	checkMailbox,
	createMailbox,
	deleteMailbox,
	fetchInboundRaw,
	fetchMailboxes,
	fetchQuarantine,
	retryInbound,
	testMailbox,
	testSmtp,
	updateMailbox,
	type InboundEmail,
	type Mailbox,
	type MailboxInput,
} from '../../../shared/api/mailboxes';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import { confirmAction } from '../../utils/confirm';
import InboundWebhooks from './webhooks';
import TeamSelect from '../team-select';
import './style.scss';

/**
 * A thrown value as an ApiError; apiFetch with `parse: false` throws the Response itself.
 *
 * @param error What was thrown.
 */
async function asApiError( error: unknown ): Promise< ApiError > {
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		try {
			return toApiError( await error.json() );
		} catch {
			return toApiError( new Error( error.statusText ) );
		}
	}
	return toApiError( error );
}

/**
 * What the mailbox form is doing: saving or one of its connection tests (one at a time).
 */
type Busy = 'save' | 'test' | 'smtp' | null;

/**
 * A "test the connection" button with its success message; a failure goes to the form's error.
 *
 * @param props          Props.
 * @param props.name     Which test (the form's busy state).
 * @param props.label    Button label.
 * @param props.success  Message shown when the test passes.
 * @param props.run      Runs the test (rejects with the server's error).
 * @param props.disabled Disabled besides while the form is busy.
 * @param props.busy     The form's busy state.
 * @param props.setBusy  Sets it.
 * @param props.setError Shows an error on the form (null clears it).
 */
function ConnectionTest( {
	name,
	label,
	success,
	run,
	disabled = false,
	busy,
	setBusy,
	setError,
}: {
	name: Exclude< Busy, 'save' | null >;
	label: string;
	success: string;
	run: () => Promise< unknown >;
	disabled?: boolean;
	busy: Busy;
	setBusy: ( busy: Busy ) => void;
	setError: ( error: string | null ) => void;
} ) {
	const [ passed, setPassed ] = useState( false );
	return (
		<div className="switchboard-mailboxes__test">
			<Button
				variant="secondary"
				__next40pxDefaultSize
				isBusy={ busy === name }
				disabled={ busy !== null || disabled }
				onClick={ async () => {
					setBusy( name );
					setPassed( false );
					setError( null );
					try {
						await run();
						setPassed( true );
					} catch ( e ) {
						setError( ( await asApiError( e ) ).message );
					} finally {
						setBusy( null );
					}
				} }
			>
				{ label }
			</Button>
			{ passed && (
				<span className="switchboard-mailboxes__ok" role="status">
					{ success }
				</span>
			) }
		</div>
	);
}

/**
 * A UTC database time (`YYYY-MM-DD HH:MM:SS`) in the browser's locale.
 *
 * @param utc Time or null.
 */
export function formatUtc( utc: string | null ): string {
	if ( ! utc ) {
		return __( 'never', 'switchboard' );
	}
	const date = new Date( utc.replace( ' ', 'T' ) + 'Z' );
	return Number.isNaN( date.getTime() ) ? utc : date.toLocaleString();
}

/**
 * What the form sends: tags split from the comma-separated field, and the IMAP password only
 * when one was typed (the stored one is never sent to the browser, and leaving the field empty
 * keeps it).
 *
 * @param data         Form values.
 * @param tags         Comma-separated tags.
 * @param password     Typed IMAP password ('' for none).
 * @param smtpPassword Typed SMTP password ('' for none: the stored one stays).
 */
export function toMailboxInput(
	data: MailboxInput,
	tags: string,
	password: string,
	smtpPassword = ''
): MailboxInput {
	const {
		imap_password: ignored,
		smtp_password: ignoredSmtp,
		...rest
	} = data;
	void ignored;
	void ignoredSmtp;
	return {
		...rest,
		tags: tags
			.split( ',' )
			.map( ( tag ) => tag.trim() )
			.filter( Boolean ),
		...( password ? { imap_password: password } : {} ),
		...( smtpPassword ? { smtp_password: smtpPassword } : {} ),
	};
}

const EMPTY: MailboxInput = {
	name: '',
	address: '',
	imap_host: '',
	imap_port: 993,
	imap_security: 'ssl',
	imap_user: '',
	imap_folder: 'INBOX',
	after_import: 'seen',
	move_folder: '',
	poll_interval: 300,
	is_active: true,
	team_id: 0,
	tags: [],
	signature: '',
	quote_history: false,
	acknowledge: false,
	ack_subject: '',
	ack_body: '',
	smtp_host: '',
	smtp_port: 0,
	smtp_security: '',
	smtp_user: '',
};

function MailboxForm( {
	mailbox,
	onClose,
	onSaved,
}: {
	mailbox: Mailbox | null;
	onClose: () => void;
	onSaved: () => void;
} ) {
	const [ data, setData ] = useState< MailboxInput >(
		mailbox
			? {
					name: mailbox.name,
					address: mailbox.address,
					imap_host: mailbox.imap_host,
					imap_port: mailbox.imap_port,
					imap_security: mailbox.imap_security,
					imap_user: mailbox.imap_user,
					imap_folder: mailbox.imap_folder,
					after_import: mailbox.after_import,
					move_folder: mailbox.move_folder,
					poll_interval: mailbox.poll_interval,
					is_active: mailbox.is_active,
					team_id: mailbox.team_id ?? 0,
					tags: mailbox.tags,
					signature: mailbox.signature,
					quote_history: mailbox.quote_history,
					acknowledge: mailbox.acknowledge,
					ack_subject: mailbox.ack_subject,
					ack_body: mailbox.ack_body,
					smtp_host: mailbox.smtp_host,
					smtp_port: mailbox.smtp_port,
					smtp_security: mailbox.smtp_security,
					smtp_user: mailbox.smtp_user,
			  }
			: EMPTY
	);
	// Write-only: empty means "keep the stored password" for a saved mailbox.
	const [ password, setPassword ] = useState( '' );
	const [ smtpPassword, setSmtpPassword ] = useState( '' );
	const [ tags, setTags ] = useState( ( mailbox?.tags ?? [] ).join( ', ' ) );
	const [ busy, setBusy ] = useState< Busy >( null );
	const [ error, setError ] = useState< string | null >( null );
	const { createNotice } = useDispatch( coreStore );

	const set =
		< K extends keyof MailboxInput >( key: K ) =>
		( value: MailboxInput[ K ] ) =>
			setData( ( current ) => ( { ...current, [ key ]: value } ) );

	const payload = (): MailboxInput =>
		toMailboxInput( data, tags, password, smtpPassword );

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
						if ( mailbox ) {
							await updateMailbox( mailbox.id, payload() );
						} else {
							await createMailbox( payload() );
						}
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
				<fieldset className="switchboard-mailboxes__fieldset">
					<legend>{ __( 'IMAP server', 'switchboard' ) }</legend>
					<div className="switchboard-mailboxes__row">
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'IMAP host', 'switchboard' ) }
							value={ data.imap_host }
							onChange={ set( 'imap_host' ) }
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'IMAP port', 'switchboard' ) }
							type="number"
							min={ 1 }
							max={ 65535 }
							value={ String( data.imap_port ) }
							onChange={ ( value ) =>
								set( 'imap_port' )( Number( value ) || 0 )
							}
						/>
						<SelectControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'IMAP security', 'switchboard' ) }
							value={ data.imap_security }
							options={ [
								{
									value: 'ssl',
									label: __( 'SSL/TLS', 'switchboard' ),
								},
								{
									value: 'starttls',
									label: __( 'STARTTLS', 'switchboard' ),
								},
								{
									value: 'none',
									label: __(
										'None (local servers only)',
										'switchboard'
									),
								},
							] }
							onChange={ ( value: string ) =>
								set( 'imap_security' )(
									value as MailboxInput[ 'imap_security' ]
								)
							}
						/>
					</div>
					<div className="switchboard-mailboxes__row">
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'IMAP user', 'switchboard' ) }
							value={ data.imap_user }
							onChange={ set( 'imap_user' ) }
							autoComplete="off"
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'IMAP password', 'switchboard' ) }
							type="password"
							value={ password }
							onChange={ setPassword }
							autoComplete="new-password"
							help={
								mailbox?.imap_password_set
									? __(
											'A password is stored. Leave empty to keep it.',
											'switchboard'
									  )
									: undefined
							}
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Folder', 'switchboard' ) }
							value={ data.imap_folder }
							onChange={ set( 'imap_folder' ) }
						/>
					</div>
					<ConnectionTest
						name="test"
						label={ __( 'Test connection', 'switchboard' ) }
						success={ __(
							'Connection works: logged in and opened the folder.',
							'switchboard'
						) }
						run={ () => testMailbox( mailbox?.id ?? 0, payload() ) }
						busy={ busy }
						setBusy={ setBusy }
						setError={ setError }
					/>
				</fieldset>
				<div className="switchboard-mailboxes__row">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'After import', 'switchboard' ) }
						value={ data.after_import }
						options={ [
							{
								value: 'seen',
								label: __( 'Mark as read', 'switchboard' ),
							},
							{
								value: 'move',
								label: __( 'Move to a folder', 'switchboard' ),
							},
							{
								value: 'none',
								label: __( 'Leave as it is', 'switchboard' ),
							},
						] }
						onChange={ ( value: string ) =>
							set( 'after_import' )(
								value as MailboxInput[ 'after_import' ]
							)
						}
					/>
					{ data.after_import === 'move' && (
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Move to folder', 'switchboard' ) }
							value={ data.move_folder }
							onChange={ set( 'move_folder' ) }
						/>
					) }
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Check every (seconds)', 'switchboard' ) }
						type="number"
						min={ 60 }
						value={ String( data.poll_interval ) }
						onChange={ ( value ) =>
							set( 'poll_interval' )( Number( value ) || 60 )
						}
					/>
				</div>
				<TeamSelect
					label={ __( 'Default team', 'switchboard' ) }
					help={ __(
						'New tickets from this mailbox go to this team.',
						'switchboard'
					) }
					value={ data.team_id }
					onChange={ set( 'team_id' ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Default tags', 'switchboard' ) }
					help={ __(
						'Comma-separated; added to every new ticket from this mailbox.',
						'switchboard'
					) }
					value={ tags }
					onChange={ setTags }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Signature', 'switchboard' ) }
					help={ __(
						'Added below every reply from this mailbox, in the HTML and the plain-text part.',
						'switchboard'
					) }
					value={ data.signature }
					onChange={ set( 'signature' ) }
					rows={ 3 }
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						"Quote the customer's last message below replies",
						'switchboard'
					) }
					checked={ data.quote_history }
					onChange={ set( 'quote_history' ) }
				/>
				<fieldset className="switchboard-mailboxes__fieldset">
					<legend>
						{ __( 'New-ticket acknowledgement', 'switchboard' ) }
					</legend>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Confirm new requests by email',
							'switchboard'
						) }
						help={ __(
							'Sent with a link to the ticket; never to automatic replies, mailing lists or bulk mail, and at most once an hour per sender.',
							'switchboard'
						) }
						checked={ data.acknowledge }
						onChange={ set( 'acknowledge' ) }
					/>
					{ data.acknowledge && (
						<>
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								label={ __(
									'Acknowledgement subject',
									'switchboard'
								) }
								placeholder={ __(
									'We received your message: (ticket subject)',
									'switchboard'
								) }
								value={ data.ack_subject }
								onChange={ set( 'ack_subject' ) }
							/>
							<TextareaControl
								__nextHasNoMarginBottom
								label={ __(
									'Acknowledgement text',
									'switchboard'
								) }
								placeholder={ __(
									'Thanks for writing to us. We will reply as soon as we can; you can simply answer this email to add more details.',
									'switchboard'
								) }
								value={ data.ack_body }
								onChange={ set( 'ack_body' ) }
								rows={ 3 }
							/>
						</>
					) }
				</fieldset>
				<fieldset className="switchboard-mailboxes__fieldset">
					<legend>
						{ __( 'Outgoing mail (SMTP)', 'switchboard' ) }
					</legend>
					<p className="switchboard-mailboxes__hint">
						{ __(
							"Leave the host empty to send replies through the site's mail setup (wp_mail and any SMTP plugin).",
							'switchboard'
						) }
					</p>
					<div className="switchboard-mailboxes__row">
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'SMTP host', 'switchboard' ) }
							value={ data.smtp_host }
							onChange={ set( 'smtp_host' ) }
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'SMTP port', 'switchboard' ) }
							type="number"
							min={ 0 }
							max={ 65535 }
							help={ __( '0: the usual port', 'switchboard' ) }
							value={ String( data.smtp_port ) }
							onChange={ ( value ) =>
								set( 'smtp_port' )( Number( value ) || 0 )
							}
						/>
						<SelectControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'SMTP security', 'switchboard' ) }
							value={ data.smtp_security || 'starttls' }
							options={ [
								{
									value: 'starttls',
									label: __( 'STARTTLS', 'switchboard' ),
								},
								{
									value: 'ssl',
									label: __( 'SSL/TLS', 'switchboard' ),
								},
								{
									value: 'none',
									label: __(
										'None (local servers only)',
										'switchboard'
									),
								},
							] }
							onChange={ ( value: string ) =>
								set( 'smtp_security' )(
									value as MailboxInput[ 'smtp_security' ]
								)
							}
						/>
					</div>
					<div className="switchboard-mailboxes__row">
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'SMTP user', 'switchboard' ) }
							value={ data.smtp_user }
							onChange={ set( 'smtp_user' ) }
							autoComplete="off"
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'SMTP password', 'switchboard' ) }
							type="password"
							value={ smtpPassword }
							onChange={ setSmtpPassword }
							autoComplete="new-password"
							help={
								mailbox?.smtp_password_set
									? __(
											'A password is stored. Leave empty to keep it.',
											'switchboard'
									  )
									: undefined
							}
						/>
					</div>
					<ConnectionTest
						name="smtp"
						label={ __( 'Test SMTP', 'switchboard' ) }
						success={ __(
							'SMTP works: connected and logged in (nothing was sent).',
							'switchboard'
						) }
						run={ () => testSmtp( mailbox?.id ?? 0, payload() ) }
						disabled={ ! data.smtp_host.trim() }
						busy={ busy }
						setBusy={ setBusy }
						setError={ setError }
					/>
				</fieldset>
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

function MailboxRow( {
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
							await deleteMailbox( mailbox.id );
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

function Quarantine( { refreshKey }: { refreshKey: number } ) {
	const [ items, setItems ] = useState< InboundEmail[] | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ busy, setBusy ] = useState< number | null >( null );
	const { createNotice } = useDispatch( coreStore );

	const load = useCallback( async () => {
		setError( null );
		try {
			setItems( ( await fetchQuarantine() ).items );
		} catch ( e ) {
			setError( await asApiError( e ) );
		}
	}, [] );
	useEffect( () => {
		load();
	}, [ load, refreshKey ] );

	return (
		<section
			className="switchboard-mailboxes__quarantine"
			aria-labelledby="switchboard-quarantine-title"
		>
			<h3 id="switchboard-quarantine-title">
				{ __( 'Quarantine', 'switchboard' ) }
			</h3>
			<p>
				{ __(
					'Emails that could not be imported. Nothing is lost: retry after fixing the cause, or download the original.',
					'switchboard'
				) }
			</p>
			{ error && <ErrorNotice error={ error } onRetry={ load } /> }
			{ ! items && ! error && <Loading /> }
			{ items && items.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No quarantined emails.', 'switchboard' ) }
				</div>
			) }
			{ items && items.length > 0 && (
				<table className="wp-list-table widefat fixed striped">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Received', 'switchboard' ) }
							</th>
							<th scope="col">{ __( 'From', 'switchboard' ) }</th>
							<th scope="col">
								{ __( 'Subject', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Problem', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Actions', 'switchboard' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ items.map( ( item ) => (
							<tr key={ item.id } data-inbound={ item.id }>
								<td>{ formatUtc( item.created_at ) }</td>
								<td>{ item.from || '—' }</td>
								<td>{ item.subject || '—' }</td>
								<td>
									<span className="switchboard-mailboxes__error">
										{ item.error }
									</span>
									<div>
										{ sprintf(
											/* translators: %d: number of attempts */
											_n(
												'%d attempt',
												'%d attempts',
												item.attempts,
												'switchboard'
											),
											item.attempts
										) }
									</div>
								</td>
								<td className="switchboard-mailboxes__row-actions">
									<Button
										variant="secondary"
										size="compact"
										isBusy={ busy === item.id }
										disabled={ busy !== null }
										onClick={ async () => {
											setBusy( item.id );
											try {
												const result =
													await retryInbound(
														item.id
													);
												createNotice(
													result.status ===
														'quarantined'
														? 'warning'
														: 'success',
													result.status ===
														'quarantined'
														? sprintf(
																/* translators: %s: error */
																__(
																	'Still quarantined: %s',
																	'switchboard'
																),
																result.error ??
																	''
														  )
														: __(
																'Imported.',
																'switchboard'
														  )
												);
											} catch ( e ) {
												createNotice(
													'error',
													( await asApiError( e ) )
														.message
												);
											} finally {
												setBusy( null );
												load();
											}
										} }
									>
										{ __( 'Retry', 'switchboard' ) }
									</Button>
									<Button
										variant="tertiary"
										size="compact"
										onClick={ async () => {
											try {
												const blob =
													await fetchInboundRaw(
														item.id
													);
												const url =
													URL.createObjectURL( blob );
												const link =
													document.createElement(
														'a'
													);
												link.href = url;
												link.download = `inbound-${ item.id }.eml`;
												document.body.appendChild(
													link
												);
												link.click();
												link.remove();
												setTimeout(
													() =>
														URL.revokeObjectURL(
															url
														),
													10000
												);
											} catch ( e ) {
												createNotice(
													'error',
													( await asApiError( e ) )
														.message
												);
											}
										} }
									>
										{ __( 'Download', 'switchboard' ) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
		</section>
	);
}

export default function MailboxesSettings() {
	const [ mailboxes, setMailboxes ] = useState< Mailbox[] | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ editing, setEditing ] = useState< Mailbox | 'new' | null >( null );
	const [ refreshKey, setRefreshKey ] = useState( 0 );

	const load = useCallback( async () => {
		setError( null );
		try {
			setMailboxes( await fetchMailboxes() );
		} catch ( e ) {
			setError( await asApiError( e ) );
		}
		setRefreshKey( ( key ) => key + 1 );
	}, [] );
	useEffect( () => {
		load();
	}, [ load ] );

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
			<Quarantine refreshKey={ refreshKey } />
			<InboundWebhooks />
		</div>
	);
}
