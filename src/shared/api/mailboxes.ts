/**
 * Typed calls for the email channel's settings: mailboxes and the inbound quarantine
 * (managers only; the routes answer 403 to everyone else).
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { getPage, get, send, NAMESPACE, type Page } from './client';

export type ImapSecurity = 'ssl' | 'starttls' | 'none';
/** '' = no own SMTP server: replies go through the site's mail setup. */
export type SmtpSecurity = '' | 'ssl' | 'starttls' | 'none';
export type AfterImport = 'seen' | 'move' | 'none';

/**
 * A mailbox's settings: what the REST API returns and what the form sends.
 */
export interface MailboxSettings {
	name: string;
	address: string;
	imap_host: string;
	imap_port: number;
	imap_security: ImapSecurity;
	imap_user: string;
	imap_folder: string;
	after_import: AfterImport;
	move_folder: string;
	poll_interval: number;
	is_active: boolean;
	/** Default team of new tickets (0 = none). */
	team_id: number;
	tags: string[];
	signature: string;
	/** Quote the customer's last message below replies. */
	quote_history: boolean;
	acknowledge: boolean;
	ack_subject: string;
	ack_body: string;
	smtp_host: string;
	smtp_port: number;
	smtp_security: SmtpSecurity;
	smtp_user: string;
}

/**
 * A mailbox as the REST API returns it. The passwords are never sent back, only whether one
 * is stored (`imap_password_set`, `smtp_password_set`).
 */
export interface Mailbox extends MailboxSettings {
	id: number;
	imap_password_set: boolean;
	smtp_password_set: boolean;
	failures: number;
	last_error: string;
	/** UTC, `YYYY-MM-DD HH:MM:SS`, or null before the first poll. */
	last_polled_at: string | null;
	next_poll_at: string | null;
}

/**
 * What the form sends. A password is only included when the manager typed one: leaving it
 * out keeps the stored password.
 */
export interface MailboxInput extends MailboxSettings {
	imap_password?: string;
	/** Only when typed; leaving it out keeps the stored one. */
	smtp_password?: string;
}

/** A reply's delivery after a manual retry. */
export interface DeliveryResult {
	id: number;
	delivery_status: string;
	delivery_error: string;
	delivery_attempts: number;
}

export interface CheckResult {
	imported: number;
	/** The poll's error ('' when it worked); also in mailbox.last_error. */
	error: string;
	mailbox: Mailbox;
}

export interface InboundEmail {
	id: number;
	mailbox_id: number;
	source: string;
	status: string;
	kind: string;
	from: string;
	subject: string;
	message_id: string;
	size: number;
	ticket_id: number;
	error: string;
	attempts: number;
	created_at: string;
}

export interface RetryResult {
	status: string;
	inbound_id: number;
	ticket_id?: number;
	error?: string;
}

const BASE = '/email/mailboxes';

export function fetchMailboxes(): Promise< Mailbox[] > {
	return get< Mailbox[] >( BASE );
}

export function createMailbox( data: MailboxInput ): Promise< Mailbox > {
	return send< Mailbox >(
		'POST',
		BASE,
		data as unknown as Record< string, unknown >
	);
}

export function updateMailbox(
	id: number,
	data: Partial< MailboxInput >
): Promise< Mailbox > {
	return send< Mailbox >(
		'PATCH',
		`${ BASE }/${ id }`,
		data as Record< string, unknown >
	);
}

export function deleteMailbox( id: number ): Promise< { deleted: boolean } > {
	return send< { deleted: boolean } >( 'DELETE', `${ BASE }/${ id }` );
}

/**
 * Tests IMAP settings: those of a saved mailbox (with the form's unsaved changes on top), or of
 * a mailbox not saved yet (id 0). Rejects with a generic error (the server's own answer goes to the debug log only).
 *
 * @param id   Mailbox id, or 0.
 * @param data The form's current values.
 */
export function testMailbox(
	id: number,
	data: Partial< MailboxInput >
): Promise< { ok: boolean } > {
	return send< { ok: boolean } >(
		'POST',
		id ? `${ BASE }/${ id }/test` : `${ BASE }/test`,
		data as Record< string, unknown >
	);
}

export function checkMailbox( id: number ): Promise< CheckResult > {
	return send< CheckResult >( 'POST', `${ BASE }/${ id }/check` );
}

export function fetchQuarantine( page = 1 ): Promise< Page< InboundEmail > > {
	return getPage< InboundEmail >( '/email/inbound', {
		status: [ 'quarantined' ],
		page,
		per_page: 20,
	} );
}

export function retryInbound( id: number ): Promise< RetryResult > {
	return send< RetryResult >( 'POST', `/email/inbound/${ id }/retry` );
}

/**
 * The raw source of an inbound email as a Blob (message/rfc822), fetched with the REST nonce.
 *
 * @param id Inbound id.
 */
export async function fetchInboundRaw( id: number ): Promise< Blob > {
	const response = ( await apiFetch( {
		path: addQueryArgs( `${ NAMESPACE }/email/inbound/${ id }/raw` ),
		parse: false,
	} ) ) as Response;
	return response.blob();
}

export interface WebhookStatus {
	raw: { url: string; configured: boolean };
	mailgun: { url: string; configured: boolean };
	postmark: { url: string; user: string; configured: boolean };
	sendgrid: {
		url: string;
		configured: boolean;
		public_key_set: boolean;
		token_set: boolean;
	};
}

export type WebhookSecrets = Partial<
	Record<
		| 'raw_secret'
		| 'mailgun_key'
		| 'postmark_user'
		| 'postmark_password'
		| 'sendgrid_public_key'
		| 'sendgrid_token',
		string
	>
>;

export function fetchWebhooks(): Promise< WebhookStatus > {
	return get< WebhookStatus >( '/email/webhooks' );
}

/**
 * Sets webhook credentials; only the keys sent change ('' clears one). Secrets never come back.
 *
 * @param secrets Credentials.
 */
export function saveWebhooks(
	secrets: WebhookSecrets
): Promise< WebhookStatus > {
	return send< WebhookStatus >(
		'PUT',
		'/email/webhooks',
		secrets as Record< string, unknown >
	);
}

/**
 * Logs in to a mailbox's SMTP server without sending anything: the saved mailbox (id) with the
 * form's unsaved values on top, or unsaved settings (id 0). Rejects with the server's error.
 *
 * @param id   Mailbox id, or 0.
 * @param data The form's current values.
 */
export function testSmtp(
	id: number,
	data: Partial< MailboxInput >
): Promise< { ok: boolean } > {
	return send< { ok: boolean } >( 'POST', `${ BASE }/smtp-test`, {
		...( data as Record< string, unknown > ),
		...( id ? { id } : {} ),
	} );
}

/**
 * Sends a failed email reply again now (agents).
 *
 * @param messageId Message id.
 */
export function retryEmailDelivery(
	messageId: number
): Promise< DeliveryResult > {
	return send< DeliveryResult >(
		'POST',
		`/email/messages/${ messageId }/retry`
	);
}
