/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { DEFAULT_STATE, plainActions, reducer, selectors, store } from '..';
import { queryKey } from '../query-key';
import type { Message } from '../../../../shared/types';
import { makeTicket } from '../../../testing/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

function jsonResponse( body: unknown, headers: Record< string, string > = {} ) {
	return {
		json: () => Promise.resolve( body ),
		headers: { get: ( name: string ) => headers[ name ] ?? null },
	};
}

describe( 'queryKey', () => {
	it( 'ignores key order and empty values', () => {
		expect(
			queryKey( { status: 'open', assignee: 'me', search: '' } )
		).toBe( queryKey( { assignee: 'me', status: 'open' } ) );
	} );
} );

describe( 'tickets reducer and selectors', () => {
	it( 'stores a list and returns a stable array for it', () => {
		const query = { status: 'open' };
		const state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTicketList(
				query,
				[ makeTicket(), makeTicket( { id: 2 } ) ],
				2,
				1
			)
		);
		const first = selectors.getTickets( state, query );
		expect( first?.map( ( t ) => t.id ) ).toEqual( [ 1, 2 ] );
		expect( selectors.getTickets( state, { status: 'open' } ) ).toBe(
			first
		);
		expect( selectors.getTicketsTotal( state, query ) ).toBe( 2 );
		expect( selectors.getTicket( state, 2 )?.id ).toBe( 2 );
		expect(
			selectors.getTickets( state, { status: 'pending' } )
		).toBeNull();
	} );

	it( 'keeps the list when a refresh fails, and reports the error', () => {
		const query = { status: 'open' };
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTicketList( query, [ makeTicket() ], 1, 1 )
		);
		state = reducer(
			state,
			plainActions.receiveTicketListError( query, {
				code: 'x',
				message: 'Down',
			} )
		);
		expect( selectors.getTickets( state, query ) ).toHaveLength( 1 );
		expect( selectors.getTicketsError( state, query )?.message ).toBe(
			'Down'
		);
	} );

	it( 'updates a ticket everywhere it is listed', () => {
		const query = { status: 'open' };
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTicketList( query, [ makeTicket() ], 1, 1 )
		);
		state = reducer(
			state,
			plainActions.receiveTicket( makeTicket( { status: 'pending' } ) )
		);
		expect( selectors.getTickets( state, query )?.[ 0 ].status ).toBe(
			'pending'
		);
	} );

	it( 'appends a sent message to the timeline once', () => {
		const message = { id: 9, ticket_id: 1 } as Message;
		let state = reducer(
			DEFAULT_STATE,
			plainActions.receiveTimeline( 1, [] )
		);
		state = reducer( state, plainActions.appendMessage( message ) );
		state = reducer( state, plainActions.appendMessage( message ) );
		expect( selectors.getTimeline( state, 1 ) ).toEqual( [
			{ kind: 'message', message },
		] );
	} );
} );

describe( 'tickets store with the REST API', () => {
	beforeEach( () => mockedApiFetch.mockReset() );

	it( 'resolves a list with the pagination headers', async () => {
		mockedApiFetch.mockResolvedValueOnce(
			jsonResponse( [ makeTicket() ], {
				'X-WP-Total': '31',
				'X-WP-TotalPages': '2',
			} )
		);
		const registry = createRegistry();
		registry.register( store );
		const query = { status: 'open', per_page: 25 };

		const tickets = await registry
			.resolveSelect( store )
			.getTickets( query );

		expect( tickets?.map( ( t ) => t.id ) ).toEqual( [ 1 ] );
		expect( registry.select( store ).getTicketsTotal( query ) ).toBe( 31 );
		expect( registry.select( store ).getTicketsTotalPages( query ) ).toBe(
			2
		);
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/tickets?status=open&per_page=25',
			parse: false,
		} );
	} );

	it( 'records a failed list as an error with the server message', async () => {
		mockedApiFetch.mockRejectedValueOnce( {
			code: 'switchboard_forbidden',
			message: 'Nope',
		} );
		const registry = createRegistry();
		registry.register( store );

		await registry.resolveSelect( store ).getTickets( { status: 'open' } );

		expect(
			registry.select( store ).getTicketsError( { status: 'open' } )
		).toEqual( {
			code: 'switchboard_forbidden',
			message: 'Nope',
		} );
	} );

	it( 'patches a ticket, then refreshes its timeline and the counts', async () => {
		const registry = createRegistry();
		registry.register( store );
		mockedApiFetch.mockImplementation(
			( options: { path: string; method?: string } ) => {
				if ( options.method === 'PATCH' ) {
					return Promise.resolve(
						makeTicket( { status: 'pending' } )
					);
				}
				if ( options.path.endsWith( '/timeline' ) ) {
					return Promise.resolve( [] );
				}
				if ( options.path.endsWith( '/queues' ) ) {
					return Promise.resolve( {
						mine: 1,
						unassigned: 0,
						all_open: 1,
						new: 0,
						open: 0,
						pending: 1,
						on_hold: 0,
						solved: 0,
						channels: {},
					} );
				}
				return Promise.reject(
					new Error( `unexpected ${ options.path }` )
				);
			}
		);

		const ticket = await registry
			.dispatch( store )
			.updateTicket( 1, { status: 'pending' } );

		expect( ticket.status ).toBe( 'pending' );
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/tickets/1',
			method: 'PATCH',
			data: { status: 'pending' },
		} );
		expect( registry.select( store ).getTicket( 1 )?.status ).toBe(
			'pending'
		);
		expect( registry.select( store ).getQueues()?.pending ).toBe( 1 );
	} );
} );
