/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { createEntityConfig, createEntityStore, EMPTY_ENTITY_STATE } from '..';

interface Thing {
	id: number;
	name: string;
}

function things() {
	const list = jest.fn< Promise< Thing[] >, [] >();
	const create = jest.fn< Promise< Thing >, [ { name: string } ] >();
	const update = jest.fn< Promise< Thing >, [ number, { name: string } ] >();
	const remove = jest.fn< Promise< { deleted: boolean } >, [ number ] >();
	const config = {
		kind: 'THINGS',
		api: { list, create, update, remove },
		compare: ( a: Thing, b: Thing ) => a.name.localeCompare( b.name ),
	};
	return { list, create, update, remove, config };
}

describe( 'entity reducer', () => {
	const { config } = things();
	const { reducer, actions, selectors } = createEntityConfig( config );

	it( 'keeps the list sorted through receive, upsert and remove', () => {
		let state = reducer(
			EMPTY_ENTITY_STATE,
			actions.receiveRecords( [
				{ id: 1, name: 'b' },
				{ id: 2, name: 'a' },
			] )
		);
		state = reducer( state, actions.upsertRecord( { id: 1, name: 'c' } ) );
		state = reducer( state, actions.upsertRecord( { id: 3, name: 'b' } ) );
		expect( selectors.getRecords( state )?.map( ( t ) => t.id ) ).toEqual( [
			2, 3, 1,
		] );
		expect( selectors.getRecord( state, 3 )?.name ).toBe( 'b' );
		state = reducer( state, actions.removeRecord( 2 ) );
		expect( selectors.getRecords( state )?.map( ( t ) => t.id ) ).toEqual( [
			3, 1,
		] );
	} );

	it( 'names its actions after the resource', () => {
		expect( actions.receiveRecords( [] ).type ).toBe( 'RECEIVE_THINGS' );
		expect(
			actions.receiveRecordsError( { code: 'x', message: 'y' } ).type
		).toBe( 'RECEIVE_THINGS_ERROR' );
	} );
} );

describe( 'entity store', () => {
	it( 'loads on first select, keeps the list when a refresh fails, and writes through the API', async () => {
		const { list, create, update, remove, config } = things();
		list.mockResolvedValueOnce( [ { id: 1, name: 'one' } ] );
		const store = createEntityStore( 'test/things', config );
		const registry = createRegistry();
		registry.register( store );

		expect( await registry.resolveSelect( store ).getRecords() ).toEqual( [
			{ id: 1, name: 'one' },
		] );

		list.mockRejectedValueOnce( {
			code: 'switchboard_forbidden',
			message: 'No',
		} );
		await registry.dispatch( store ).refresh();
		expect( registry.select( store ).getRecords() ).toHaveLength( 1 );
		expect( registry.select( store ).getRecordsError()?.code ).toBe(
			'switchboard_forbidden'
		);

		create.mockResolvedValueOnce( { id: 2, name: 'alpha' } );
		await registry.dispatch( store ).saveRecord( { name: 'alpha' } );
		update.mockResolvedValueOnce( { id: 1, name: 'zulu' } );
		await registry.dispatch( store ).saveRecord( { name: 'zulu' }, 1 );
		expect( update ).toHaveBeenCalledWith( 1, { name: 'zulu' } );
		expect(
			registry
				.select( store )
				.getRecords()
				?.map( ( t ) => t.name )
		).toEqual( [ 'alpha', 'zulu' ] );

		remove.mockResolvedValueOnce( { deleted: true } );
		await expect(
			registry.dispatch( store ).deleteRecord( 2 )
		).resolves.toEqual( { deleted: true } );
		expect( registry.select( store ).getRecords() ).toEqual( [
			{ id: 1, name: 'zulu' },
		] );
	} );

	it( 'rejects a failed write and leaves the list as it was', async () => {
		const { list, remove, config } = things();
		list.mockResolvedValueOnce( [ { id: 1, name: 'one' } ] );
		const store = createEntityStore( 'test/things-2', config );
		const registry = createRegistry();
		registry.register( store );
		await registry.resolveSelect( store ).getRecords();
		remove.mockRejectedValueOnce( { code: 'nope', message: 'Nope' } );
		await expect(
			registry.dispatch( store ).deleteRecord( 1 )
		).rejects.toEqual( { code: 'nope', message: 'Nope' } );
		expect( registry.select( store ).getRecords() ).toHaveLength( 1 );
	} );

	it( 'refuses writes on a read-only resource', async () => {
		const list = jest.fn().mockResolvedValue( [] );
		const store = createEntityStore< Thing, never, never >( 'test/ro', {
			kind: 'RO',
			api: { list },
			compare: () => 0,
		} );
		const registry = createRegistry();
		registry.register( store );
		await expect(
			registry.dispatch( store ).deleteRecord( 1 )
		).rejects.toThrow( 'read-only' );
	} );
} );
