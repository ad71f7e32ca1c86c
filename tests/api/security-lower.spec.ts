/**
 * Lower-severity findings of security issue #12, black-box over REST: merging two customers'
 * tickets, creating tags by name, revoking a ticket's signed links.
 */

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

const RUN = `${ Date.now() }-${ Math.floor( Math.random() * 1e6 ) }`;

test.describe( 'merging two customers’ tickets', () => {
	test( 'agents are refused, managers confirm both customers, nobody sees the other', async ( {
		api,
	} ) => {
		const alice = await api.as( 'alice' );
		const bob = await api.as( 'bob' );
		const aliceText = `Alice only ${ RUN }`;
		const mine = await (
			await alice.post( api.url( '/switchboard/v1/me/tickets' ), {
				data: { subject: `Alice merge ${ RUN }`, body: aliceText },
			} )
		).json();
		const his = await (
			await bob.post( api.url( '/switchboard/v1/me/tickets' ), {
				data: { subject: `Bob merge ${ RUN }`, body: `Bob ${ RUN }` },
			} )
		).json();
		expect( mine.id ).toBeGreaterThan( 0 );
		expect( his.id ).toBeGreaterThan( 0 );

		const agent = await api.as( 'agent' );
		const refused = await agent.post(
			api.url( `/switchboard/v1/tickets/${ his.id }/merge` ),
			{ data: { source_id: mine.id } }
		);
		await expectRestError(
			refused,
			403,
			'switchboard_merge_other_customer'
		);

		const admin = await api.as( 'admin' );
		const unconfirmed = await admin.post(
			api.url( `/switchboard/v1/tickets/${ his.id }/merge` ),
			{ data: { source_id: mine.id } }
		);
		const ask = await unconfirmed.json();
		expect( unconfirmed.status() ).toBe( 400 );
		expect( ask.code ).toBe( 'switchboard_merge_confirm_customers' );
		const ids = ask.data.customers.map( ( c: { id: number } ) => c.id );
		expect( ids ).toHaveLength( 2 );

		const merged = await admin.post(
			api.url( `/switchboard/v1/tickets/${ his.id }/merge` ),
			{ data: { source_id: mine.id, confirm_customers: ids } }
		);
		expect( merged.status(), await merged.text() ).toBe( 200 );

		const bobSees = await (
			await bob.get( api.url( `/switchboard/v1/me/tickets/${ his.id }` ) )
		).json();
		expect( JSON.stringify( bobSees ) ).not.toContain( aliceText );
		const aliceSees = await (
			await alice.get(
				api.url( `/switchboard/v1/me/tickets/${ mine.id }` )
			)
		).json();
		expect(
			aliceSees.messages.map(
				( m: { body_text: string } ) => m.body_text
			)
		).toContain( aliceText );
		const timeline = await (
			await admin.get(
				api.url( `/switchboard/v1/tickets/${ his.id }/timeline` )
			)
		).text();
		expect( timeline ).toContain( aliceText );
	} );
} );

test.describe( 'tags', () => {
	test( 'agents apply existing tags only; managers create them', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const created = await agent.post(
			api.url( '/switchboard/v1/tickets' ),
			{
				data: {
					subject: `Tags ${ RUN }`,
					customer: { email: `tags-${ RUN }@example.test` },
					message: { body: 'Hello' },
				},
			}
		);
		const ticket = await created.json();
		expect( created.status(), JSON.stringify( ticket ) ).toBe( 201 );
		const name = `Invented ${ RUN }`;

		await expectRestError(
			await agent.patch(
				api.url( `/switchboard/v1/tickets/${ ticket.id }` ),
				{ data: { tags: [ name ] } }
			),
			400,
			'switchboard_unknown_tag'
		);
		await expectRestError(
			await agent.post( api.url( '/switchboard/v1/tickets/bulk' ), {
				data: { ids: [ ticket.id ], add_tags: [ name ] },
			} ),
			400,
			'switchboard_unknown_tag'
		);
		const tags = await (
			await agent.get( api.url( '/switchboard/v1/tags' ) )
		).json();
		expect( tags.map( ( t: { name: string } ) => t.name ) ).not.toContain(
			name
		);

		const admin = await api.as( 'admin' );
		const byManager = await admin.patch(
			api.url( `/switchboard/v1/tickets/${ ticket.id }` ),
			{ data: { tags: [ name ] } }
		);
		expect( byManager.status() ).toBe( 200 );
		// Now it exists, the agent may apply it.
		const applied = await agent.post(
			api.url( '/switchboard/v1/tickets/bulk' ),
			{ data: { ids: [ ticket.id ], add_tags: [ name ] } }
		);
		expect( applied.status() ).toBe( 200 );
	} );
} );

test.describe( 'revoking signed links', () => {
	test( 'an agent revokes; the timeline says so', async ( { api } ) => {
		const alice = await api.as( 'alice' );
		const mine = await (
			await alice.post( api.url( '/switchboard/v1/me/tickets' ), {
				data: { subject: `Links ${ RUN }`, body: 'Hello' },
			} )
		).json();
		await expectRestError(
			await alice.post(
				api.url( `/switchboard/v1/tickets/${ mine.id }/revoke-links` )
			),
			403
		);
		const agent = await api.as( 'agent' );
		const revoked = await agent.post(
			api.url( `/switchboard/v1/tickets/${ mine.id }/revoke-links` )
		);
		expect( revoked.status(), await revoked.text() ).toBe( 200 );
		expect( await revoked.json() ).not.toHaveProperty( 'secret' );
		const timeline = await (
			await agent.get(
				api.url( `/switchboard/v1/tickets/${ mine.id }/timeline` )
			)
		).json();
		expect(
			timeline
				.filter( ( i: { kind: string } ) => i.kind === 'event' )
				.map( ( i: { event: { type: string } } ) => i.event.type )
		).toContain( 'links_revoked' );
	} );
} );
