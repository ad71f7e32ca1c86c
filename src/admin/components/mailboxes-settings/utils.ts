/**
 * Pure helpers of Settings → Mailboxes.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Mailbox, MailboxInput } from '../../../shared/api/mailboxes';

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

/** A new mailbox's form. */
export const EMPTY_MAILBOX: MailboxInput = {
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

/**
 * A saved mailbox's form: its settings (the form's fields), no password.
 *
 * @param mailbox Saved mailbox, or null for a new one.
 */
export function toFormValues( mailbox: Mailbox | null ): MailboxInput {
	if ( ! mailbox ) {
		return EMPTY_MAILBOX;
	}
	const values = Object.fromEntries(
		Object.keys( EMPTY_MAILBOX ).map( ( key ) => [
			key,
			mailbox[ key as keyof Mailbox ],
		] )
	) as unknown as MailboxInput;
	return { ...values, team_id: mailbox.team_id ?? 0 };
}
