/**
 * Settings → Chat: the admin changes the widget's greeting, colour, position and the pages that
 * show it; the storefront follows. Invalid business hours are refused by the server and its
 * message is shown. The original settings are restored afterwards.
 */

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { unique } from '../api/chat-helpers';

const NS = '/switchboard/v1';

test.describe( 'Chat settings', () => {
	test( 'the admin configures the widget and the storefront follows', async ( {
		page,
		browser,
		requestUtils,
	} ) => {
		const run = unique();
		const before = await requestUtils.rest< Record< string, unknown > >( {
			path: `${ NS }/chat/settings`,
		} );
		const hidden = await requestUtils.rest< { id: number; link: string } >(
			{
				path: '/wp/v2/pages',
				method: 'POST',
				data: { title: `No chat here ${ run }`, status: 'publish' },
			}
		);
		const visitorContext = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitor = await visitorContext.newPage();
		try {
			await page.goto(
				'/wp-admin/admin.php?page=switchboard&screen=settings&tab=chat'
			);
			const form = page.locator( '.switchboard-chat-settings' );
			await expect( form ).toBeVisible();

			await form
				.getByLabel( 'Greeting' )
				.fill( `Hej! Ask us anything ${ run }` );
			await form.getByLabel( 'Colour (hex)' ).fill( '#008a20' );
			await form.getByLabel( 'Position' ).selectOption( 'left' );
			await form
				.getByLabel( 'Show the widget on' )
				.selectOption( 'except' );
			await form
				.getByLabel( 'Page, post or product IDs' )
				.fill( String( hidden.id ) );

			// Business hours the server refuses: closing before opening.
			await form
				.getByRole( 'checkbox', {
					name: 'Offer a person only within business hours',
				} )
				.check();
			await form.getByLabel( 'Monday' ).fill( '17:00-09:00' );
			await form
				.getByRole( 'button', { name: 'Save chat settings' } )
				.click();
			await expect( form ).toContainText(
				'The settings were not saved.'
			);
			await expect( form ).toContainText( 'Invalid chat setting: hours' );

			await form.getByLabel( 'Monday' ).fill( '09:00-17:00' );
			await form
				.getByRole( 'button', { name: 'Save chat settings' } )
				.click();
			await expect( form ).toContainText( 'Chat settings saved.' );

			// Stored as sent (the form reloads from the server's answer).
			await page.reload();
			await expect(
				page
					.locator( '.switchboard-chat-settings' )
					.getByLabel( 'Greeting' )
			).toHaveValue( `Hej! Ask us anything ${ run }` );

			// The storefront: the launcher on the left in the new colour, the greeting inside …
			await visitor.goto( '/' );
			const launcher = visitor.getByRole( 'button', {
				name: 'Chat with us',
			} );
			await expect( launcher ).toBeVisible();
			await expect( launcher ).toHaveCSS(
				'background-color',
				'rgb(0, 138, 32)'
			);
			await expect( launcher ).toHaveCSS( 'left', '20px' );
			await launcher.click();
			await expect(
				visitor.getByRole( 'dialog', { name: 'Support' } )
			).toContainText( `Hej! Ask us anything ${ run }` );

			// … and no launcher on the excluded page.
			await visitor.goto( hidden.link );
			await expect(
				visitor.getByRole( 'heading', {
					name: `No chat here ${ run }`,
				} )
			).toBeVisible();
			await expect(
				visitor.getByRole( 'button', { name: 'Chat with us' } )
			).toHaveCount( 0 );
		} finally {
			await requestUtils.rest( {
				path: `${ NS }/chat/settings`,
				method: 'PATCH',
				data: before,
			} );
			await requestUtils.rest( {
				path: `/wp/v2/pages/${ hidden.id }?force=true`,
				method: 'DELETE',
			} );
			await visitorContext.close();
		}
	} );
} );
