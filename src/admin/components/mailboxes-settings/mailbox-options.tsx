/**
 * The mailbox form's options besides the servers: what happens after import, how often it is
 * checked, the defaults of new tickets, the reply signature and quoting, and the acknowledgement.
 */

/**
 * WordPress dependencies
 */
import {
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { MailboxInput } from '../../../shared/api/mailboxes';
import TeamSelect from '../team-select';

export type SetField = < K extends keyof MailboxInput >(
	key: K
) => ( value: MailboxInput[ K ] ) => void;

interface Props {
	data: MailboxInput;
	set: SetField;
}

export function ImportOptions( {
	data,
	set,
	tags,
	setTags,
}: Props & { tags: string; setTags: ( tags: string ) => void } ) {
	return (
		<>
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
		</>
	);
}

export function AcknowledgementFieldset( { data, set }: Props ) {
	return (
		<fieldset className="switchboard-mailboxes__fieldset">
			<legend>
				{ __( 'New-ticket acknowledgement', 'switchboard' ) }
			</legend>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Confirm new requests by email', 'switchboard' ) }
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
						label={ __( 'Acknowledgement subject', 'switchboard' ) }
						placeholder={ __(
							'We received your message: (ticket subject)',
							'switchboard'
						) }
						value={ data.ack_subject }
						onChange={ set( 'ack_subject' ) }
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Acknowledgement text', 'switchboard' ) }
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
	);
}
