/**
 * Settings → Chat (managers). A tab of its own chunk (see ../index.tsx).
 */

/**
 * Internal dependencies
 */
export { default } from '../../../components/chat-settings';
