/**
 * Teams over REST, black-box against the running test site: who may read and write them, the
 * validation errors, a ticket's team_id (validated, filtered with `team`, a timeline event), a
 * mailbox's default team, and what deleting a team does to both.
 */

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

const NS = '/switchboard/v1';
const RUN = Date.now().toString( 36 );

interface Team {
	id: number;
	name: string;
	description: string;
	member_ids: number[];
	members: Array< { id: number; name: string } >;
}

test.describe( 'teams', () => {
	const created: number[] = [];

	test.afterAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		for ( const id of created ) {
			await admin.delete( api.url( `${ NS }/teams/${ id }` ) );
		}
	} );

	test( 'managers write teams, agents read them, customers and guests are refused', async ( {
		api,
	} ) => {
		const admin = await api.as( 'admin' );
		const agent = await api.as( 'agent' );
		const agents = await (
			await agent.get( api.url( `${ NS }/agents` ) )
		).json();
		const agnes = agents.find(
			( a: { login: string } ) => a.login === 'agent'
		);

		const response = await admin.post( api.url( `${ NS }/teams` ), {
			data: {
				name: `Billing ${ RUN }`,
				description: 'Refunds and invoices',
				member_ids: [ agnes.id ],
			},
		} );
		expect( response.status(), await response.text() ).toBe( 201 );
		expect( response.headers().location ).toMatch(
			/\/switchboard\/v1\/teams\/\d+$/
		);
		const team: Team = await response.json();
		created.push( team.id );
		expect( team ).toMatchObject( {
			name: `Billing ${ RUN }`,
			description: 'Refunds and invoices',
			member_ids: [ agnes.id ],
			members: [ { id: agnes.id, name: agnes.name } ],
		} );

		const list = await agent.get( api.url( `${ NS }/teams` ) );
		expect( list.status() ).toBe( 200 );
		const teams: Team[] = await list.json();
		expect( teams.map( ( t ) => t.id ) ).toContain( team.id );
		expect( list.headers()[ 'x-wp-total' ] ).toBe( String( teams.length ) );

		await expectRestError(
			await agent.post( api.url( `${ NS }/teams` ), {
				data: { name: `Agent team ${ RUN }` },
			} ),
			403,
			'switchboard_forbidden'
		);
		await expectRestError(
			await agent.patch( api.url( `${ NS }/teams/${ team.id }` ), {
				data: { name: `Renamed by agent ${ RUN }` },
			} ),
			403,
			'switchboard_forbidden'
		);
		await expectRestError(
			await agent.delete( api.url( `${ NS }/teams/${ team.id }` ) ),
			403,
			'switchboard_forbidden'
		);
		for ( const who of [ 'alice', 'bob' ] as const ) {
			const customer = await api.as( who );
			await expectRestError(
				await customer.get( api.url( `${ NS }/teams` ) ),
				403,
				'switchboard_forbidden'
			);
			await expectRestError(
				await customer.post( api.url( `${ NS }/teams` ), {
					data: { name: `Customer team ${ RUN }` },
				} ),
				403,
				'switchboard_forbidden'
			);
		}
		const guest = await api.as( 'guest' );
		await expectRestError(
			await guest.get( api.url( `${ NS }/teams/${ team.id }` ) ),
			401,
			'switchboard_not_logged_in'
		);

		// The agent's team still has its name: nothing above changed it.
		const again: Team = await (
			await agent.get( api.url( `${ NS }/teams/${ team.id }` ) )
		).json();
		expect( again.name ).toBe( `Billing ${ RUN }` );
	} );

	test( 'names are required and unique, members must be agents', async ( {
		api,
	} ) => {
		const admin = await api.as( 'admin' );
		const alice = await api.as( 'alice' );
		const aliceId = (
			await ( await alice.get( api.url( '/wp/v2/users/me' ) ) ).json()
		).id;
		const first = await admin.post( api.url( `${ NS }/teams` ), {
			data: { name: `Returns ${ RUN }` },
		} );
		expect( first.status() ).toBe( 201 );
		const team: Team = await first.json();
		created.push( team.id );

		await expectRestError(
			await admin.post( api.url( `${ NS }/teams` ), {
				data: { name: '   ' },
			} ),
			400,
			'switchboard_team_invalid_name'
		);
		await expectRestError(
			await admin.post( api.url( `${ NS }/teams` ), {
				data: { name: `RETURNS ${ RUN }` },
			} ),
			409,
			'switchboard_team_exists'
		);
		await expectRestError(
			await admin.post( api.url( `${ NS }/teams` ), {
				data: {
					name: `Alice's team ${ RUN }`,
					member_ids: [ aliceId ],
				},
			} ),
			400,
			'switchboard_team_invalid_member'
		);
		await expectRestError(
			await admin.patch( api.url( `${ NS }/teams/${ team.id }` ), {
				data: { member_ids: [ aliceId ] },
			} ),
			400,
			'switchboard_team_invalid_member'
		);
		await expectRestError(
			await admin.post( api.url( `${ NS }/teams` ), {
				data: { name: `Typo ${ RUN }`, memberids: [ 1 ] },
			} ),
			400,
			'rest_invalid_param'
		);
		await expectRestError(
			await admin.get( api.url( `${ NS }/teams/2147483000` ) ),
			404,
			'switchboard_team_not_found'
		);

		const renamed = await admin.patch(
			api.url( `${ NS }/teams/${ team.id }` ),
			{ data: { name: `Exchanges ${ RUN }` } }
		);
		expect( renamed.status() ).toBe( 200 );
		expect( ( await renamed.json() ).name ).toBe( `Exchanges ${ RUN }` );
	} );

	test( 'tickets: team_id is validated, filtered by `team`, recorded, and cleared when the team goes', async ( {
		api,
	} ) => {
		const admin = await api.as( 'admin' );
		const agent = await api.as( 'agent' );
		const teamResponse = await admin.post( api.url( `${ NS }/teams` ), {
			data: { name: `Shipping ${ RUN }` },
		} );
		expect( teamResponse.status() ).toBe( 201 );
		const team: Team = await teamResponse.json();
		created.push( team.id );

		const open = async ( subject: string, teamId?: number ) =>
			agent.post( api.url( `${ NS }/tickets` ), {
				data: {
					subject,
					customer: { email: `teams-${ RUN }@example.com` },
					message: { body: 'Where is my parcel?' },
					...( teamId === undefined ? {} : { team_id: teamId } ),
				},
			} );

		await expectRestError(
			await open( `Bad team ${ RUN }`, 2147483000 ),
			400,
			'switchboard_invalid_team'
		);
		const inTeam = await open( `Parcel late ${ RUN }`, team.id );
		expect( inTeam.status(), await inTeam.text() ).toBe( 201 );
		const ticket = await inTeam.json();
		expect( ticket.team ).toEqual( { id: team.id, name: team.name } );
		const noTeam = await ( await open( `No team ${ RUN }` ) ).json();
		expect( noTeam.team_id ).toBe( 0 );

		await expectRestError(
			await agent.patch( api.url( `${ NS }/tickets/${ noTeam.id }` ), {
				data: { team_id: 2147483000 },
			} ),
			400,
			'switchboard_invalid_team'
		);
		const moved = await agent.patch(
			api.url( `${ NS }/tickets/${ noTeam.id }` ),
			{ data: { team_id: team.id } }
		);
		expect( moved.status() ).toBe( 200 );
		expect( ( await moved.json() ).team_id ).toBe( team.id );
		const timeline = await (
			await agent.get(
				api.url( `${ NS }/tickets/${ noTeam.id }/timeline` )
			)
		).json();
		expect(
			timeline
				.filter(
					( i: { kind: string; event?: { type: string } } ) =>
						i.kind === 'event' && i.event?.type === 'team_changed'
				)
				.map( ( i: { event: { data: unknown } } ) => i.event.data )
		).toEqual( [
			{ from: 0, to: team.id, from_name: '', to_name: team.name },
		] );

		const filtered = await agent.get(
			api.url( `${ NS }/tickets`, { team: team.id, per_page: 100 } )
		);
		expect( filtered.status() ).toBe( 200 );
		expect(
			( await filtered.json() )
				.map( ( t: { id: number } ) => t.id )
				.sort()
		).toEqual( [ ticket.id, noTeam.id ].sort() );
		expect( filtered.headers()[ 'x-wp-total' ] ).toBe( '2' );
		const withoutTeam = await (
			await agent.get(
				api.url( `${ NS }/tickets`, {
					team: 'none',
					search: `#${ ticket.id }`,
				} )
			)
		).json();
		expect( withoutTeam ).toEqual( [] );
		await expectRestError(
			await agent.get(
				api.url( `${ NS }/tickets`, { team: 'shipping' } )
			),
			400,
			'rest_invalid_param'
		);

		// A mailbox that routes to the team.
		const mailbox = await admin.post(
			api.url( `${ NS }/email/mailboxes` ),
			{
				data: { address: `ship-${ RUN }@shop.test`, team_id: team.id },
			}
		);
		expect( mailbox.status(), await mailbox.text() ).toBe( 201 );
		const mailboxId = ( await mailbox.json() ).id;
		await expectRestError(
			await admin.patch(
				api.url( `${ NS }/email/mailboxes/${ mailboxId }` ),
				{
					data: { team_id: 2147483000 },
				}
			),
			400,
			'switchboard_invalid_team'
		);

		const deleted = await admin.delete(
			api.url( `${ NS }/teams/${ team.id }` )
		);
		expect( deleted.status() ).toBe( 200 );
		expect( await deleted.json() ).toMatchObject( {
			deleted: true,
			previous: { id: team.id },
			tickets_cleared: 2,
		} );
		const after = await (
			await agent.get( api.url( `${ NS }/tickets/${ ticket.id }` ) )
		).json();
		expect( after ).toMatchObject( { team_id: 0, team: null } );
		const box = await (
			await admin.get(
				api.url( `${ NS }/email/mailboxes/${ mailboxId }` )
			)
		).json();
		expect( box.team_id ).toBe( 0 );
		await admin.delete(
			api.url( `${ NS }/email/mailboxes/${ mailboxId }` )
		);
		await expectRestError(
			await agent.get( api.url( `${ NS }/teams/${ team.id }` ) ),
			404,
			'switchboard_team_not_found'
		);
	} );
} );
