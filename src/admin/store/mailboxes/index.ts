/**
 * `switchboard/mailboxes` and `switchboard/quarantine` (managers): the support mailboxes and the
 * inbound mail that could not be imported, as entity stores (`../entities`). Registered by the
 * Settings → Mailboxes chunk only.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import {
	MAILBOXES_STORE_NAME,
	QUARANTINE_STORE_NAME,
	mailboxes,
	quarantine,
} from './entity';

export { MAILBOXES_STORE_NAME, QUARANTINE_STORE_NAME };

export const mailboxesStore = createReduxStore(
	MAILBOXES_STORE_NAME,
	mailboxes
);
export const quarantineStore = createReduxStore(
	QUARANTINE_STORE_NAME,
	quarantine
);

register( mailboxesStore );
register( quarantineStore );
