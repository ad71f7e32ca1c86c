/**
 * Mailboxes and the inbound quarantine through the entity pattern.
 */

/**
 * Internal dependencies
 */
import * as api from '../../../shared/api/mailboxes';
import { createEntityConfig } from '../entities';
import type {
	InboundEmail,
	Mailbox,
	MailboxInput,
} from '../../../shared/api/mailboxes';

export const MAILBOXES_STORE_NAME = 'switchboard/mailboxes';
export const QUARANTINE_STORE_NAME = 'switchboard/quarantine';

/** Mailboxes, in the order they were added (as the server lists them). */
export const mailboxes = createEntityConfig<
	Mailbox,
	MailboxInput,
	{ deleted: boolean }
>( {
	kind: 'MAILBOXES',
	api: {
		list: api.fetchMailboxes,
		create: api.createMailbox,
		update: api.updateMailbox,
		remove: api.deleteMailbox,
	},
	compare: ( a, b ) => a.id - b.id,
} );

/**
 * The quarantine's first page in the server's order; read-only (retry has its own route, and
 * the list is loaded again after it).
 */
export const quarantine = createEntityConfig< InboundEmail, never, never >( {
	kind: 'QUARANTINE',
	api: {
		list: async () => ( await api.fetchQuarantine() ).items,
	},
	compare: () => 0,
} );
