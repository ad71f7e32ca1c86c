/**
 * The vertical slice in the browser: an agent opens Support and sees the SPA greet them.
 */

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test.describe( 'Support admin page as an agent', () => {
	// Start without the admin's cookies: the agent logs in through the form like a person.
	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'an agent logs in and sees the helpdesk', async ( { page } ) => {
		await page.goto( '/wp-login.php' );
		await page.getByLabel( 'Username or Email Address' ).fill( 'agent' );
		await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		// Logged in: WordPress sends the agent on (to wp-admin, or WooCommerce's My Account).
		await expect( page ).not.toHaveURL( /wp-login\.php/ );

		await page.goto( '/wp-admin/admin.php?page=switchboard' );

		const root = page.locator( '#switchboard-admin-root' );
		await expect(
			root.getByRole( 'heading', { name: /Switchboard/ } ).first()
		).toBeVisible();
		// Their own name from GET /switchboard/v1/overview (other lists may name them too).
		await expect(
			root.getByText( /Signed in as Agnes Agent/ ).first()
		).toBeVisible();
	} );
} );

test.describe( 'Support admin page as the admin', () => {
	test( 'the Support menu opens the helpdesk', async ( { admin, page } ) => {
		await admin.visitAdminPage( 'index.php' );

		await page
			.locator( '#adminmenu' )
			// The menu title may carry a count badge ("Support 3").
			.getByRole( 'link', { name: /^Support\b/ } )
			.first()
			.click();
		await expect( page ).toHaveURL( /page=switchboard/ );
		await expect(
			page
				.locator( '#switchboard-admin-root' )
				.getByRole( 'heading', { name: /Switchboard/ } )
				.first()
		).toBeVisible();
	} );
} );
