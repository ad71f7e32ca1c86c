/**
 * External dependencies
 */
import { act, fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import TicketControls from '..';
import type { Tag, Ticket } from '../../../../shared/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const ticket = {
	id: 12,
	number: 12,
	status: 'open',
	priority: 'normal',
	assignee: null,
	team_id: 0,
	team: null,
	order_id: 0,
	tags: [],
} as unknown as Ticket;

const tags: Tag[] = [
	{ id: 1, name: 'Existing', slug: 'existing', color: '' } as Tag,
];

async function mount( canManage: boolean ) {
	const onChange = jest.fn().mockResolvedValue( undefined );
	await act( async () => {
		render(
			<TicketControls
				ticket={ ticket }
				agents={ [] }
				tags={ tags }
				currentUserId={ 3 }
				woocommerceActive={ false }
				canManage={ canManage }
				onChange={ onChange }
				onMerge={ jest.fn() }
			/>
		);
	} );
	return onChange;
}

async function addTag( name: string ) {
	const input = screen.getByLabelText( 'Tags' );
	await act( async () => {
		fireEvent.change( input, { target: { value: name } } );
		fireEvent.keyDown( input, { key: 'Enter', code: 'Enter' } );
	} );
}

describe( 'TicketControls tags', () => {
	beforeEach( () =>
		( apiFetch as unknown as jest.Mock ).mockResolvedValue( [] )
	);

	it( 'lets an agent apply existing tags only', async () => {
		const onChange = await mount( false );
		await addTag( 'Brand new' );
		expect( onChange ).not.toHaveBeenCalled();
		await addTag( 'Existing' );
		expect( onChange ).toHaveBeenLastCalledWith( { tags: [ 'Existing' ] } );
	} );

	it( 'lets a manager create a tag by typing it', async () => {
		const onChange = await mount( true );
		await addTag( 'Brand new' );
		expect( onChange ).toHaveBeenLastCalledWith( {
			tags: [ 'Brand new' ],
		} );
	} );
} );
