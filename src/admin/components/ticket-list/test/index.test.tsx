/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import TicketList, { waitingSince } from '..';
import { makeTicket } from '../../../testing/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'TicketList', () => {
	const tickets = [
		makeTicket( {
			id: 1,
			number: 1,
			subject: 'Parcel late',
			customer: {
				id: 5,
				name: 'Alice',
				email: 'a@example.com',
				avatar: '',
			},
		} ),
		makeTicket( {
			id: 2,
			number: 2,
			subject: 'Refund',
			customer: {
				id: 6,
				name: 'Bob',
				email: 'b@example.com',
				avatar: '',
			},
			status: 'pending',
			channel: 'phone',
			assignee: { id: 3, name: 'Agnes Agent', avatar: '' },
			team_id: 4,
			team: { id: 4, name: 'Billing' },
			tags: [ { id: 1, name: 'VIP', slug: 'vip', color: '' } ],
		} ),
	];

	function setup( overrides = {} ) {
		const props = {
			tickets,
			selected: [] as number[],
			onSelect: jest.fn(),
			activeIndex: 0,
			onActivate: jest.fn(),
			onOpen: jest.fn(),
			linkParams: ( t: { id: number } ) => ( { ticket: String( t.id ) } ),
			...overrides,
		};
		render( <TicketList { ...props } /> );
		return props;
	}

	it( 'shows customer, subject, channel, status, assignee, team and tags', () => {
		setup();
		expect( screen.getByText( 'Alice' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: /#2 Refund/ } )
		).toHaveAttribute( 'href', expect.stringContaining( 'ticket=2' ) );
		expect( screen.getByText( 'Phone' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Pending' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Agnes Agent' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Unassigned' ) ).toBeInTheDocument();
		expect( screen.getByText( 'VIP' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Billing' ) ).toHaveClass(
			'switchboard-ticket-list__team'
		);
	} );

	it( 'opens a ticket from its link and selects with the checkboxes', () => {
		const props = setup( { selected: [ 2 ] } );
		fireEvent.click(
			screen.getByRole( 'link', { name: /#1 Parcel late/ } )
		);
		expect( props.onOpen ).toHaveBeenCalledWith( tickets[ 0 ] );

		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Select “Parcel late”' } )
		);
		expect( props.onSelect ).toHaveBeenCalledWith( [ 2, 1 ] );

		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Select all' } )
		);
		expect( props.onSelect ).toHaveBeenLastCalledWith( [ 1, 2 ] );
	} );

	it( 'marks the keyboard cursor row', () => {
		setup( { activeIndex: 1 } );
		expect(
			screen.getByRole( 'link', { name: /#2 Refund/ } ).closest( 'tr' )
		).toHaveClass( 'is-active' );
	} );
} );

describe( 'waitingSince', () => {
	it( 'counts from her last message only while it is unanswered', () => {
		expect(
			waitingSince(
				makeTicket( {
					last_customer_message_at: '2026-11-23T07:00:00Z',
					last_agent_reply_at: null,
				} )
			)
		).toEqual( new Date( '2026-11-23T07:00:00Z' ) );
		expect(
			waitingSince(
				makeTicket( {
					last_customer_message_at: '2026-11-23T07:00:00Z',
					last_agent_reply_at: '2026-11-23T08:00:00Z',
				} )
			)
		).toBeNull();
		expect( waitingSince( makeTicket( { status: 'solved' } ) ) ).toBeNull();
	} );
} );
