/**
 * Settings → Mailboxes → Inbound webhooks (managers): the URL to give each mail provider, whether
 * its credentials are set, and a form to set them. Secrets are write-only.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import {
	fetchWebhooks,
	saveWebhooks,
	type WebhookSecrets,
	type WebhookStatus,
} from '../../../shared/api/mailboxes';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import ErrorNotice from '../error-notice';
import Loading from '../loading';

type Key = keyof WebhookSecrets;

const PROVIDERS: Array< {
	id: keyof WebhookStatus;
	label: string;
	help: string;
	fields: Array< { key: Key; label: string; secret: boolean } >;
} > = [
	{
		id: 'raw',
		label: __( 'Raw MIME (your own relay)', 'switchboard' ),
		help: __(
			'POST the message as message/rfc822 with X-Switchboard-Timestamp and X-Switchboard-Signature (hex HMAC-SHA256 of "timestamp.body").',
			'switchboard'
		),
		fields: [
			{
				key: 'raw_secret',
				label: __( 'Shared secret', 'switchboard' ),
				secret: true,
			},
		],
	},
	{
		id: 'mailgun',
		label: 'Mailgun',
		help: __(
			'A route that forwards to this URL (it ends in "mime", so Mailgun sends the full message). Requests are checked with your HTTP webhook signing key.',
			'switchboard'
		),
		fields: [
			{
				key: 'mailgun_key',
				label: __( 'HTTP webhook signing key', 'switchboard' ),
				secret: true,
			},
		],
	},
	{
		id: 'postmark',
		label: 'Postmark',
		help: __(
			'Postmark signs nothing: put these credentials into the webhook URL (https://user:password@…). Switch on "Include raw email content" to keep the original message byte for byte; without it the message is rebuilt from the fields Postmark sends.',
			'switchboard'
		),
		fields: [
			{
				key: 'postmark_user',
				label: __( 'User name', 'switchboard' ),
				secret: false,
			},
			{
				key: 'postmark_password',
				label: __( 'Password', 'switchboard' ),
				secret: true,
			},
		],
	},
	{
		id: 'sendgrid',
		label: 'SendGrid Inbound Parse',
		help: __(
			'Tick "POST the raw, full MIME message" and add ?token=… with this token to the URL (PHP cannot see the bytes SendGrid signs in a multipart request; the public key is checked where it can).',
			'switchboard'
		),
		fields: [
			{
				key: 'sendgrid_token',
				label: __( 'URL token', 'switchboard' ),
				secret: true,
			},
			{
				key: 'sendgrid_public_key',
				label: __( 'Signature public key (optional)', 'switchboard' ),
				secret: true,
			},
		],
	},
];

export default function InboundWebhooks() {
	const [ status, setStatus ] = useState< WebhookStatus | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ values, setValues ] = useState< WebhookSecrets >( {} );
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );

	const load = async () => {
		setError( null );
		try {
			setStatus( await fetchWebhooks() );
		} catch ( e ) {
			setError( toApiError( e ) );
		}
	};
	useEffect( () => {
		load();
	}, [] );

	const changed = Object.fromEntries(
		Object.entries( values ).filter( ( [ , value ] ) => value !== '' )
	) as WebhookSecrets;

	return (
		<section
			className="switchboard-mailboxes__webhooks"
			aria-labelledby="switchboard-webhooks-title"
		>
			<h3 id="switchboard-webhooks-title">
				{ __( 'Inbound webhooks', 'switchboard' ) }
			</h3>
			<p>
				{ __(
					'Instead of (or next to) IMAP, a mail provider can post each message to the shop. Each one must prove itself; requests without valid credentials are refused.',
					'switchboard'
				) }
			</p>
			{ error && <ErrorNotice error={ error } onRetry={ load } /> }
			{ ! status && ! error && <Loading /> }
			{ status && (
				<form
					onSubmit={ async ( event ) => {
						event.preventDefault();
						setBusy( true );
						try {
							setStatus( await saveWebhooks( changed ) );
							setValues( {} );
							createNotice(
								'success',
								__(
									'Webhook credentials saved.',
									'switchboard'
								)
							);
						} catch ( e ) {
							createNotice( 'error', toApiError( e ).message );
						} finally {
							setBusy( false );
						}
					} }
				>
					{ PROVIDERS.map( ( provider ) => (
						<fieldset
							key={ provider.id }
							className="switchboard-mailboxes__fieldset"
							data-provider={ provider.id }
						>
							<legend>
								{ provider.label } —{ ' ' }
								{ status[ provider.id ].configured
									? __( 'set up', 'switchboard' )
									: __( 'not set up', 'switchboard' ) }
							</legend>
							<p>
								<code>{ status[ provider.id ].url }</code>
							</p>
							<p className="description">{ provider.help }</p>
							<div className="switchboard-mailboxes__row">
								{ provider.fields.map( ( field ) => (
									<TextControl
										key={ field.key }
										__nextHasNoMarginBottom
										__next40pxDefaultSize
										label={ field.label }
										type={
											field.secret ? 'password' : 'text'
										}
										autoComplete="new-password"
										value={ values[ field.key ] ?? '' }
										placeholder={
											field.secret &&
											status[ provider.id ].configured
												? __(
														'stored — type to replace',
														'switchboard'
												  )
												: ''
										}
										onChange={ ( value: string ) =>
											setValues( ( current ) => ( {
												...current,
												[ field.key ]: value,
											} ) )
										}
									/>
								) ) }
							</div>
						</fieldset>
					) ) }
					<div className="switchboard-mailboxes__actions">
						<Button
							variant="primary"
							type="submit"
							__next40pxDefaultSize
							isBusy={ busy }
							disabled={ busy || ! Object.keys( changed ).length }
						>
							{ __( 'Save webhook credentials', 'switchboard' ) }
						</Button>
					</div>
				</form>
			) }
		</section>
	);
}
