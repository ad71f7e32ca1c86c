/**
 * One mail server's fieldset of the mailbox form — used for both IMAP (incoming) and SMTP
 * (outgoing): host, port, security, user, write-only password, then the caller's extra field
 * and connection test.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export type Security = 'ssl' | 'starttls' | 'none';

export interface ServerValues {
	host: string;
	port: number;
	security: Security;
	user: string;
}

/**
 * The security choices, the server kind's usual one first.
 *
 * @param first 'ssl' for IMAP (993), 'starttls' for SMTP (587).
 */
export function securityOptions( first: 'ssl' | 'starttls' ) {
	const tls = [
		{ value: 'ssl', label: __( 'SSL/TLS', 'switchboard' ) },
		{ value: 'starttls', label: __( 'STARTTLS', 'switchboard' ) },
	];
	return [
		...( first === 'ssl' ? tls : [ ...tls ].reverse() ),
		{
			value: 'none',
			label: __( 'None (local servers only)', 'switchboard' ),
		},
	];
}

interface Props {
	legend: string;
	/** Shown under the legend. */
	hint?: string;
	/** Translated field labels. */
	labels: Record< keyof ServerValues | 'password', string >;
	values: ServerValues;
	onChange: < K extends keyof ServerValues >(
		key: K,
		value: ServerValues[ K ]
	) => void;
	portMin: number;
	portHelp?: string;
	securityFirst: 'ssl' | 'starttls';
	password: string;
	onPassword: ( value: string ) => void;
	/** A password is stored (an empty field keeps it). */
	passwordStored: boolean;
	/** After the password, on its row (IMAP: the folder). */
	extra?: ReactNode;
	/** Below the fields (the connection test). */
	children?: ReactNode;
}

export default function ServerFieldset( {
	legend,
	hint,
	labels,
	values,
	onChange,
	portMin,
	portHelp,
	securityFirst,
	password,
	onPassword,
	passwordStored,
	extra,
	children,
}: Props ) {
	return (
		<fieldset className="switchboard-mailboxes__fieldset">
			<legend>{ legend }</legend>
			{ hint && <p className="switchboard-mailboxes__hint">{ hint }</p> }
			<div className="switchboard-mailboxes__row">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ labels.host }
					value={ values.host }
					onChange={ ( value ) => onChange( 'host', value ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ labels.port }
					type="number"
					min={ portMin }
					max={ 65535 }
					help={ portHelp }
					value={ String( values.port ) }
					onChange={ ( value ) =>
						onChange( 'port', Number( value ) || 0 )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ labels.security }
					value={ values.security }
					options={ securityOptions( securityFirst ) }
					onChange={ ( value: string ) =>
						onChange( 'security', value as Security )
					}
				/>
			</div>
			<div className="switchboard-mailboxes__row">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ labels.user }
					value={ values.user }
					onChange={ ( value ) => onChange( 'user', value ) }
					autoComplete="off"
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ labels.password }
					type="password"
					value={ password }
					onChange={ onPassword }
					autoComplete="new-password"
					help={
						passwordStored
							? __(
									'A password is stored. Leave empty to keep it.',
									'switchboard'
							  )
							: undefined
					}
				/>
				{ extra }
			</div>
			{ children }
		</fieldset>
	);
}
