/**
 * /switchboard/v1/canned-responses: personal and shared responses, who may change which, and
 * rendering with placeholders filled from the ticket's customer (and, with WooCommerce, her order).
 */

/**
 * External dependencies
 */
import type { APIRequestContext } from '@playwright/test';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError, type Api } from './fixtures';

const NS = '/switchboard/v1';
const RUN = Date.now().toString( 36 );

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by the assertions.
type Json = any;

async function json(
	response: Awaited< ReturnType< APIRequestContext[ 'get' ] > >
): Promise< { status: number; body: Json } > {
	const body = await response.json();
	return { status: response.status(), body };
}

async function createTicket(
	api: Api,
	customer: { name: string; email: string }
) {
	const admin = await api.as( 'admin' );
	const { status, body } = await json(
		await admin.post( api.url( `${ NS }/tickets` ), {
			data: {
				subject: `Canned test ${ RUN }`,
				customer,
				channel: 'phone',
				message: { body: '<p>Where is my order?</p>' },
			},
		} )
	);
	expect( status, JSON.stringify( body ) ).toBe( 201 );
	return body as { id: number; number: number; customer: { id: number } };
}

test.describe( 'canned responses', () => {
	const created: Array< { who: 'admin' | 'agent'; id: number } > = [];

	test.afterAll( async ( { api } ) => {
		for ( const { who, id } of created ) {
			const context = await api.as( who );
			await context.delete(
				api.url( `${ NS }/canned-responses/${ id }` )
			);
		}
	} );

	test( 'an agent keeps personal responses; only managers share', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const admin = await api.as( 'admin' );

		const mine = await json(
			await agent.post( api.url( `${ NS }/canned-responses` ), {
				data: {
					title: `Mine ${ RUN }`,
					body: 'Hi {customer.first_name}',
					shortcut: '/mine',
				},
			} )
		);
		expect( mine.status, JSON.stringify( mine.body ) ).toBe( 201 );
		created.push( { who: 'agent', id: mine.body.id } );
		expect( mine.body ).toEqual(
			expect.objectContaining( {
				title: `Mine ${ RUN }`,
				shortcut: 'mine',
				shared: false,
				usage_count: 0,
			} )
		);

		await expectRestError(
			await agent.post( api.url( `${ NS }/canned-responses` ), {
				data: { title: 'Shared by agent', body: 'x', shared: true },
			} ),
			403,
			'switchboard_forbidden'
		);

		const shared = await json(
			await admin.post( api.url( `${ NS }/canned-responses` ), {
				data: {
					title: `Shared ${ RUN }`,
					body: 'Thanks, {agent.first_name}',
					shared: true,
				},
			} )
		);
		expect( shared.status ).toBe( 201 );
		created.push( { who: 'admin', id: shared.body.id } );
		expect( shared.body.owner_id ).toBe( 0 );

		// The agent sees the shared one and hers; the admin does not see the agent's personal one.
		const agentList = await json(
			await agent.get(
				api.url( `${ NS }/canned-responses`, { search: RUN } )
			)
		);
		expect(
			agentList.body.map( ( c: { id: number } ) => c.id ).sort()
		).toEqual( [ mine.body.id, shared.body.id ].sort() );
		const adminList = await json(
			await admin.get(
				api.url( `${ NS }/canned-responses`, { search: RUN } )
			)
		);
		expect( adminList.body.map( ( c: { id: number } ) => c.id ) ).toEqual( [
			shared.body.id,
		] );
		await expectRestError(
			await admin.get(
				api.url( `${ NS }/canned-responses/${ mine.body.id }` )
			),
			404
		);

		// Agents cannot edit shared ones; they edit their own.
		await expectRestError(
			await agent.patch(
				api.url( `${ NS }/canned-responses/${ shared.body.id }` ),
				{ data: { title: 'Hijack' } }
			),
			403
		);
		const edited = await json(
			await agent.patch(
				api.url( `${ NS }/canned-responses/${ mine.body.id }` ),
				{ data: { title: `Mine edited ${ RUN }` } }
			)
		);
		expect( edited.status ).toBe( 200 );
		expect( edited.body.title ).toBe( `Mine edited ${ RUN }` );

		await expectRestError(
			await agent.post( api.url( `${ NS }/canned-responses` ), {
				data: { title: '', body: '' },
			} ),
			400,
			'switchboard_canned_invalid'
		);
	} );

	test( 'customers and guests have no access', async ( { api } ) => {
		await expectRestError(
			await (
				await api.as( 'alice' )
			).get( api.url( `${ NS }/canned-responses` ) ),
			403
		);
		await expectRestError(
			await (
				await api.as( 'guest' )
			).get( api.url( `${ NS }/canned-responses` ) ),
			401
		);
	} );

	test( 'render fills customer, ticket and agent placeholders and counts the use', async ( {
		api,
	} ) => {
		const agent = await api.as( 'agent' );
		const ticket = await createTicket( api, {
			name: 'Carla Caller',
			email: `carla-${ RUN }@example.com`,
		} );
		const canned = await json(
			await agent.post( api.url( `${ NS }/canned-responses` ), {
				data: {
					title: `Render ${ RUN }`,
					body: 'Hi {customer.first_name}, about #{ticket.number}: {order.number} {unknown.thing}\n— {agent.name}',
				},
			} )
		);
		created.push( { who: 'agent', id: canned.body.id } );

		const rendered = await json(
			await agent.post(
				api.url(
					`${ NS }/canned-responses/${ canned.body.id }/render`
				),
				{
					data: { ticket_id: ticket.id },
				}
			)
		);
		expect( rendered.status, JSON.stringify( rendered.body ) ).toBe( 200 );
		expect( rendered.body.body ).toBe(
			`Hi Carla, about #${ ticket.number }:  {unknown.thing}\n— Agnes Agent`
		);
		expect( rendered.body.missing ).toEqual( [ 'order.number' ] );

		const after = await json(
			await agent.get(
				api.url( `${ NS }/canned-responses/${ canned.body.id }` )
			)
		);
		expect( after.body.usage_count ).toBe( 1 );

		await expectRestError(
			await agent.post(
				api.url(
					`${ NS }/canned-responses/${ canned.body.id }/render`
				),
				{ data: { ticket_id: 2147483000 } }
			),
			404,
			'switchboard_ticket_not_found'
		);
	} );

	test( 'with WooCommerce: order placeholders and the customer orders panel', async ( {
		api,
	} ) => {
		const admin = await api.as( 'admin' );
		const overview = await json(
			await admin.get( api.url( `${ NS }/overview` ) )
		);
		if ( ! overview.body.woocommerce_active ) {
			// eslint-disable-next-line no-console
			console.log( 'skipped: WooCommerce not installed' );
			test.skip( true, 'skipped: WooCommerce not installed' );
			return;
		}

		const email = `olga-${ RUN }@example.com`;
		const order = await json(
			await admin.post( api.url( '/wc/v3/orders' ), {
				data: {
					status: 'completed',
					billing: { first_name: 'Olga', last_name: 'Orders', email },
					line_items: [],
					fee_lines: [ { name: 'Mug', total: '12.50' } ],
					meta_data: [
						{ key: '_tracking_number', value: `TRACK${ RUN }` },
					],
				},
			} )
		);
		expect( order.status, JSON.stringify( order.body ) ).toBe( 201 );

		const ticket = await createTicket( api, {
			name: 'Olga Orders',
			email,
		} );
		const agent = await api.as( 'agent' );
		const canned = await json(
			await agent.post( api.url( `${ NS }/canned-responses` ), {
				data: {
					title: `Woo ${ RUN }`,
					body: 'Order {order.number} is {order.status}, tracking {order.tracking}.',
				},
			} )
		);
		created.push( { who: 'agent', id: canned.body.id } );

		const rendered = await json(
			await agent.post(
				api.url(
					`${ NS }/canned-responses/${ canned.body.id }/render`
				),
				{ data: { ticket_id: ticket.id } }
			)
		);
		expect( rendered.body.body ).toBe(
			`Order ${ order.body.number } is Completed, tracking TRACK${ RUN }.`
		);

		const orders = await json(
			await agent.get(
				api.url( `${ NS }/customers/${ ticket.customer.id }/orders`, {
					linked_order: order.body.id,
				} )
			)
		);
		expect( orders.status, JSON.stringify( orders.body ) ).toBe( 200 );
		expect( orders.body.order_count ).toBe( 1 );
		expect( orders.body.orders[ 0 ] ).toEqual(
			expect.objectContaining( {
				id: order.body.id,
				number: String( order.body.number ),
				status: 'completed',
				tracking: `TRACK${ RUN }`,
				edit_url: expect.stringContaining( String( order.body.id ) ),
			} )
		);
		expect( Number( orders.body.lifetime_value ) ).toBeCloseTo( 12.5 );
		expect( orders.body.linked_order ).toBeNull();
	} );
} );
