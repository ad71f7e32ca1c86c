/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import ChatStatus, { syncMenuChatBadge } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

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

describe( 'ChatStatus', () => {
	it( 'shows the agent’s presence and the waiting chats, and mutes the sound', async () => {
		( apiFetch as unknown as jest.Mock ).mockImplementation(
			( { path }: { path: string } ) =>
				Promise.resolve(
					path.startsWith( '/switchboard/v1/chat/queue' )
						? {
								version: 'v1',
								waiting: 2,
								active: 0,
								changed: true,
								chats: [],
						  }
						: { status: 'away', available: false, online: [] }
				)
		);
		document.body.innerHTML = '';
		render( <ChatStatus /> );
		await waitFor( () =>
			expect( screen.getByText( '2 chats waiting' ) ).toBeInTheDocument()
		);
		expect(
			screen.getByRole( 'checkbox', { name: 'Chat: away' } )
		).not.toBeChecked();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Mute chat sound' } )
		);
		expect(
			screen.getByRole( 'button', { name: 'Unmute chat sound' } )
		).toBeInTheDocument();
	} );
} );
