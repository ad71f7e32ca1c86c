/**
 * Settings → Mailboxes (managers). A tab of its own chunk (see ../index.tsx).
 */

/**
 * Internal dependencies
 */
export { default } from '../../../components/mailboxes-settings';
