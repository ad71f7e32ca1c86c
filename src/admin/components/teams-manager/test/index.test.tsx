/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import TeamsManager, { TeamForm, teamNameError, toggleMember } from '..';
import { teamOptions } from '../../team-select';
import type { Team } from '../../../../shared/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const agents = [
	{ id: 1, name: 'Site Admin', login: 'admin', avatar: '' },
	{ id: 3, name: 'Agnes Agent', login: 'agent', avatar: '' },
];

function team( id: number, name: string, memberIds: number[] = [] ): Team {
	return {
		id,
		name,
		description: '',
		member_ids: memberIds,
		members: [],
		created_at: null,
		updated_at: null,
	};
}

describe( 'toggleMember', () => {
	it( 'adds once and removes', () => {
		expect( toggleMember( [ 1 ], 3, true ) ).toEqual( [ 1, 3 ] );
		expect( toggleMember( [ 1, 3 ], 3, true ) ).toEqual( [ 1, 3 ] );
		expect( toggleMember( [ 1, 3 ], 1, false ) ).toEqual( [ 3 ] );
	} );
} );

describe( 'teamNameError', () => {
	const teams = [ team( 1, 'Billing' ), team( 2, 'Shipping' ) ];
	it( 'refuses empty and taken names, case-insensitively', () => {
		expect( teamNameError( '   ', teams ) ).toBe( 'A team needs a name.' );
		expect( teamNameError( ' billing ', teams ) ).toBe(
			'Another team already has this name.'
		);
		expect( teamNameError( 'Returns', teams ) ).toBeNull();
	} );
	it( 'lets a team keep its own name when renamed', () => {
		expect( teamNameError( 'BILLING', teams, 1 ) ).toBeNull();
		expect( teamNameError( 'Shipping', teams, 1 ) ).not.toBeNull();
	} );
} );

describe( 'teamOptions', () => {
	it( 'lists none first, then the teams, and keeps an unknown current id', () => {
		const teams = [ team( 4, 'Billing' ), team( 9, 'Shipping' ) ];
		expect( teamOptions( teams, 'No team', 4 ) ).toEqual( [
			{ value: '0', label: 'No team' },
			{ value: '4', label: 'Billing' },
			{ value: '9', label: 'Shipping' },
		] );
		expect(
			teamOptions( teams, 'No team', 12 ).map( ( o ) => o.label )
		).toEqual( [ 'No team', 'Billing', 'Shipping', '#12' ] );
	} );
} );

describe( 'TeamForm', () => {
	it( 'sends the trimmed name, description and checked members', async () => {
		const onSubmit = jest.fn().mockResolvedValue( undefined );
		render(
			<TeamForm
				team={ null }
				teams={ [ team( 1, 'Billing' ) ] }
				agents={ agents }
				onSubmit={ onSubmit }
			/>
		);
		fireEvent.change( screen.getByLabelText( 'Team name' ), {
			target: { value: '  Shipping ' },
		} );
		fireEvent.change( screen.getByLabelText( 'Description (optional)' ), {
			target: { value: 'Parcels' },
		} );
		fireEvent.click( screen.getByLabelText( 'Agnes Agent' ) );
		await act( async () => {
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Add team' } )
			);
		} );
		expect( onSubmit ).toHaveBeenCalledWith( {
			name: 'Shipping',
			description: 'Parcels',
			member_ids: [ 3 ],
		} );
		// A new-team form is emptied for the next one.
		expect( screen.getByLabelText( 'Team name' ) ).toHaveValue( '' );
	} );

	it( 'refuses a taken name without calling the server, and shows server errors', async () => {
		const onSubmit = jest.fn().mockRejectedValue( {
			code: 'switchboard_team_invalid_member',
			message: 'Only agents can be team members.',
		} );
		render(
			<TeamForm
				team={ team( 2, 'Returns', [ 1 ] ) }
				teams={ [ team( 1, 'Billing' ), team( 2, 'Returns', [ 1 ] ) ] }
				agents={ agents }
				onSubmit={ onSubmit }
			/>
		);
		expect( screen.getByLabelText( 'Site Admin' ) ).toBeChecked();
		fireEvent.change( screen.getByLabelText( 'Team name' ), {
			target: { value: 'billing' },
		} );
		await act( async () => {
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Save team' } )
			);
		} );
		expect( onSubmit ).not.toHaveBeenCalled();
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Another team already has this name.'
		);

		fireEvent.change( screen.getByLabelText( 'Team name' ), {
			target: { value: 'Refunds' },
		} );
		await act( async () => {
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Save team' } )
			);
		} );
		expect( onSubmit ).toHaveBeenCalledWith( {
			name: 'Refunds',
			description: '',
			member_ids: [ 1 ],
		} );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Only agents can be team members.'
		);
	} );
} );

describe( 'TeamsManager', () => {
	it( 'lists the teams from the server with their members; agents only read', async () => {
		( apiFetch as unknown as jest.Mock ).mockImplementation( () =>
			Promise.resolve( [
				{
					...team( 5, 'Billing', [ 3 ] ),
					members: [ { id: 3, name: 'Agnes Agent', avatar: '' } ],
				},
			] )
		);
		const { rerender } = render(
			<TeamsManager agents={ agents } canManage={ false } />
		);
		await waitFor( () =>
			expect( screen.getByText( 'Billing' ) ).toBeInTheDocument()
		);
		expect( screen.getByText( 'Agnes Agent' ) ).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Edit Billing' } )
		).toBeNull();
		rerender( <TeamsManager agents={ agents } canManage /> );
		expect(
			screen.getByRole( 'button', { name: 'Edit Billing' } )
		).toBeInTheDocument();
	} );
} );
