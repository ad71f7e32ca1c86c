/**
 * Asks the agent to confirm a destructive action (the browser's own dialog: accessible,
 * keyboard-friendly, and Playwright can answer it).
 *
 * @param message Translated question.
 */
export function confirmAction( message: string ): boolean {
	// eslint-disable-next-line no-alert
	return window.confirm( message );
}
