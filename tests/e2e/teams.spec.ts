/**
 * Teams, as a store owner and an agent use them: the admin creates a team in Settings → Team
 * (with Agnes as a member) and makes it a mailbox's default team in the mailbox form; the agent,
 * in her own browser, moves a ticket into the team from the sidebar (the timeline says so) and
 * filters the inbox by the team (the URL keeps the filter).
 */

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { WorkspacePage } from './pages/workspace-page';

const RUN = Date.now().toString( 36 );
const TEAM = `Returns ${ RUN }`;
const ADDRESS = `returns-${ RUN }@shop.test`;
const SUBJECT = `Wrong colour delivered ${ RUN }`;
const OTHER = `Gift wrapping question ${ RUN }`;
const NS = '/switchboard/v1';

test.describe( 'Teams', () => {
	const cleanup: string[] = [];

	test.afterAll( async ( { requestUtils } ) => {
		for ( const path of cleanup.reverse() ) {
			await requestUtils
				.rest( { path, method: 'DELETE' } )
				.catch( () => undefined );
		}
	} );

	test( 'admin creates a team and routes a mailbox to it; an agent moves a ticket into it and filters the inbox', async ( {
		page,
		browser,
		requestUtils,
	} ) => {
		// Two tickets without a team, made the way an agent logs a phone call.
		const ticketIds: number[] = [];
		for ( const subject of [ SUBJECT, OTHER ] ) {
			const ticket = await requestUtils.rest< { id: number } >( {
				path: `${ NS }/tickets`,
				method: 'POST',
				data: {
					subject,
					status: 'open',
					customer: {
						name: 'Rita Returns',
						email: `rita-${ RUN }@example.com`,
					},
					message: { body: `<p>${ subject }</p>` },
				},
			} );
			ticketIds.push( ticket.id );
		}
		const [ ticketId, otherId ] = ticketIds;

		// Settings → Team: the admin adds the team with Agnes in it.
		const admin = new WorkspacePage( page );
		await admin.open( '&screen=settings&tab=team' );
		const teams = admin.root.locator( '.switchboard-teams' );
		await teams.getByLabel( 'Team name' ).fill( TEAM );
		await teams
			.getByLabel( 'Description (optional)' )
			.fill( 'Exchanges and refunds' );
		await teams.getByLabel( 'Agnes Agent' ).check();
		await teams.getByRole( 'button', { name: 'Add team' } ).click();
		await admin.snackbar( 'Team added.' );
		const row = teams.locator( 'tr', { hasText: TEAM } );
		await expect( row ).toContainText( 'Agnes Agent' );
		await expect( row ).toContainText( 'Exchanges and refunds' );

		const listed = await requestUtils.rest<
			Array< { id: number; name: string; member_ids: number[] } >
		>( { path: `${ NS }/teams` } );
		const team = listed.find( ( t ) => t.name === TEAM );
		expect( team?.member_ids ).toHaveLength( 1 );
		const teamId = team!.id;
		cleanup.push( `${ NS }/teams/${ teamId }` );

		// Settings → Mailboxes: a new mailbox whose tickets go to the team.
		await admin.root.getByRole( 'tab', { name: 'Mailboxes' } ).click();
		const mailboxes = admin.root.locator( '.switchboard-mailboxes' );
		await mailboxes.getByRole( 'button', { name: 'Add mailbox' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add mailbox' } );
		await form.getByLabel( 'Email address' ).fill( ADDRESS );
		await form.getByLabel( 'Sender name' ).fill( 'Returns desk' );
		await form
			.getByRole( 'combobox', { name: 'Default team' } )
			.selectOption( { label: TEAM } );
		await form.getByRole( 'button', { name: 'Save mailbox' } ).click();
		await expect( form ).toBeHidden();
		const boxes = await requestUtils.rest<
			Array< { id: number; address: string; team_id: number } >
		>( { path: `${ NS }/email/mailboxes` } );
		const box = boxes.find( ( m ) => m.address === ADDRESS );
		expect( box?.team_id ).toBe( teamId );
		cleanup.push( `${ NS }/email/mailboxes/${ box!.id }` );

		// Editing it shows the team picked.
		await mailboxes
			.locator( `tr[data-mailbox="${ ADDRESS }"]` )
			.getByRole( 'button', { name: 'Edit' } )
			.click();
		const edit = page.getByRole( 'dialog', { name: 'Edit mailbox' } );
		await expect(
			edit.getByRole( 'combobox', { name: 'Default team' } )
		).toHaveValue( String( teamId ) );
		await edit.getByRole( 'button', { name: 'Cancel' } ).click();

		// Agnes, in her own browser: the ticket's sidebar moves it into the team.
		const agentContext = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		try {
			const agentPage = await agentContext.newPage();
			const agent = new WorkspacePage( agentPage );
			await agent.login( 'agent' );
			await agent.open( `&ticket=${ ticketId }` );
			await expect(
				agent.details.getByRole( 'combobox', {
					name: 'Team',
					exact: true,
				} )
			).toHaveValue( '0' );
			await agent.setControl( 'Team', TEAM );
			await agent.snackbar( 'Ticket updated.' );
			await expect( agent.timeline ).toContainText(
				`Agnes Agent moved the ticket to the team ${ TEAM }`
			);
			const saved = await requestUtils.rest< { team_id: number } >( {
				path: `${ NS }/tickets/${ ticketId }`,
			} );
			expect( saved.team_id ).toBe( teamId );

			// The inbox, filtered by the team: only that ticket, and the URL says so.
			await agent.open( '&view=all' );
			await expect( agent.ticketRow( OTHER ) ).toBeVisible();
			await agent.filter( 'Team', String( teamId ) );
			await expect( agentPage ).toHaveURL(
				new RegExp( `[?&]team=${ teamId }(&|$)` )
			);
			await expect( agent.ticketRow( SUBJECT ) ).toBeVisible();
			await expect( agent.ticketRow( OTHER ) ).toHaveCount( 0 );
			await expect( agent.ticketList.locator( 'tbody tr' ) ).toHaveCount(
				1
			);

			// Reloading keeps the filter (URL-routed), and "My teams" finds it too.
			await agentPage.reload();
			await expect( agent.ticketRow( SUBJECT ) ).toBeVisible();
			await agent.filter( 'Team', 'mine' );
			await expect( agent.ticketRow( SUBJECT ) ).toBeVisible();
			await expect( agent.ticketRow( OTHER ) ).toHaveCount( 0 );
			expect( otherId ).toBeGreaterThan( 0 );
		} finally {
			await agentContext.close();
		}
	} );
} );
