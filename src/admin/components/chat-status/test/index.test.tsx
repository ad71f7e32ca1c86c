/**
 * Internal dependencies
 */
import { syncMenuChatBadge } from '..';

describe( 'syncMenuChatBadge', () => {
	it( 'updates the waiting-chat count printed on the wp-admin menu', () => {
		document.body.innerHTML = `<li id="toplevel_page_switchboard"><a>Support
			<span class="awaiting-mod switchboard-menu-chats count-0"><span class="count">0</span></span></a></li>`;
		syncMenuChatBadge( 3 );
		const badge = document.querySelector( '.switchboard-menu-chats' )!;
		expect( badge.classList.contains( 'count-3' ) ).toBe( true );
		expect( badge.classList.contains( 'count-0' ) ).toBe( false );
		expect( badge.querySelector( '.count' )!.textContent ).toBe( '3' );
		syncMenuChatBadge( 0 );
		expect( badge.className ).toBe(
			'awaiting-mod switchboard-menu-chats count-0'
		);
	} );

	it( 'does nothing without the menu (another admin screen layout)', () => {
		document.body.innerHTML = '';
		expect( () => syncMenuChatBadge( 2 ) ).not.toThrow();
	} );
} );
