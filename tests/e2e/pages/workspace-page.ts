/**
 * Page object of the agent workspace (Support → the helpdesk SPA).
 */

/**
 * External dependencies
 */
import type { Locator, Page } from '@playwright/test';

export class WorkspacePage {
	readonly root: Locator;

	constructor( readonly page: Page ) {
		this.root = page.locator( '#switchboard-admin-root' );
	}

	/**
	 * Logs in through wp-login.php like a person.
	 *
	 * @param username Login.
	 * @param password Password.
	 */
	async login( username: string, password = 'password' ) {
		await this.page.goto( '/wp-login.php' );
		await this.page
			.getByLabel( 'Username or Email Address' )
			.fill( username );
		await this.page
			.getByLabel( 'Password', { exact: true } )
			.fill( password );
		await this.page.getByRole( 'button', { name: 'Log In' } ).click();
		await this.page.waitForURL( /\/wp-admin\// );
	}

	async open( query = '' ) {
		await this.page.goto(
			`/wp-admin/admin.php?page=switchboard${ query }`
		);
		await this.root
			.getByRole( 'heading', { name: 'Switchboard' } )
			.waitFor();
	}

	sidebarView( view: string ): Locator {
		return this.root.locator(
			`.switchboard-sidebar__view[data-view="${ view }"]`
		);
	}

	async viewCount( view: string ): Promise< number > {
		const text = await this.sidebarView( view )
			.locator( '.switchboard-sidebar__count' )
			.innerText();
		return Number( text );
	}

	get ticketList(): Locator {
		return this.root.locator( '.switchboard-ticket-list' );
	}

	ticketRow( subject: string ): Locator {
		return this.ticketList.locator( 'tr', { hasText: subject } );
	}

	async filter( label: string, value: string ) {
		await this.root
			.getByRole( 'combobox', { name: label, exact: true } )
			.selectOption( value );
	}

	// Ticket view.

	get timeline(): Locator {
		return this.root.getByRole( 'list', { name: 'Conversation' } );
	}

	get composer(): Locator {
		return this.root.locator( '.switchboard-composer' );
	}

	get composerBox(): Locator {
		return this.composer.locator( 'textarea' );
	}

	get details(): Locator {
		return this.root.getByRole( 'complementary', {
			name: 'Ticket details',
		} );
	}

	async setControl( label: string, option: string ) {
		await this.details
			.getByRole( 'combobox', { name: label, exact: true } )
			.selectOption( { label: option } );
	}

	async snackbar( text: string ) {
		await this.page
			.locator( '.components-snackbar', { hasText: text } )
			.first()
			.waitFor();
	}

	get presence(): Locator {
		return this.root.locator( '.switchboard-presence' );
	}
}
