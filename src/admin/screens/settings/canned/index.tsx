/**
 * Settings → Canned responses. A tab of its own chunk (see ../index.tsx).
 */

/**
 * Internal dependencies
 */
export { default } from '../../../components/canned-responses-manager';
