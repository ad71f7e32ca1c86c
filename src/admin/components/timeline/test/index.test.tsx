/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import Timeline from '..';
import type { Message, TimelineItem } from '../../../../shared/types';

function message( overrides: Partial< Message > ): Message {
	return {
		id: 1,
		ticket_id: 1,
		direction: 'in',
		author: { type: 'customer', id: 5, name: 'Alice', avatar: '' },
		channel: 'email',
		is_private: false,
		body_html: '<p>Where is my parcel?</p>',
		body_text: 'Where is my parcel?',
		created_at: '2026-11-23T07:30:00Z',
		delivery_status: '',
		delivery_error: '',
		attachments: [],
		...overrides,
	};
}

const agents = [ { id: 1, name: 'Admin', login: 'admin', avatar: '' } ];

describe( 'Timeline', () => {
	const items: TimelineItem[] = [
		{ kind: 'message', message: message( {} ) },
		{
			kind: 'event',
			event: {
				id: 4,
				type: 'assigned',
				actor: { type: 'agent', id: 3, name: 'Agnes Agent' },
				data: { from: 0, to: 1 },
				created_at: '2026-11-23T07:31:00Z',
			},
		},
		{
			kind: 'message',
			message: message( {
				id: 2,
				direction: 'out',
				is_private: true,
				author: {
					type: 'agent',
					id: 3,
					name: 'Agnes Agent',
					avatar: '',
				},
				body_html: '<p>Checking with @admin</p>',
			} ),
		},
		{
			kind: 'order_note',
			note: {
				id: 9,
				order_id: 77,
				content: 'Order status changed from Processing to Completed.',
				created_at: '2026-11-23T07:32:00Z',
			},
		},
		{
			kind: 'message',
			message: message( {
				id: 3,
				attachments: [
					{
						id: 5,
						filename: 'label.pdf',
						mime_type: 'application/pdf',
						size: 2048,
						url: 'https://example.com/label.pdf',
					},
				],
			} ),
		},
	];

	it( 'renders messages, private notes distinctly, events and order notes', () => {
		render( <Timeline items={ items } agents={ agents } /> );
		expect(
			screen.getAllByText( 'Where is my parcel?', { selector: 'p' } )
		).toHaveLength( 2 );
		const note = screen.getByRole( 'article', {
			name: 'Private note: Agnes Agent',
		} );
		expect( note ).toHaveClass( 'is-private' );
		expect(
			screen.getByText( 'Agnes Agent assigned the ticket to Admin' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Order #77' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'label.pdf' } )
		).toHaveAttribute( 'href', 'https://example.com/label.pdf' );
	} );

	it( 'offers to split a customer message into a new ticket', () => {
		const onSplit = jest.fn();
		render(
			<Timeline items={ items } agents={ agents } onSplit={ onSplit } />
		);
		fireEvent.click(
			screen.getAllByRole( 'button', {
				name: 'Split into new ticket',
			} )[ 0 ]
		);
		expect( onSplit ).toHaveBeenCalledWith(
			expect.objectContaining( { id: 1 } )
		);
	} );

	it( 'shows an empty state', () => {
		render( <Timeline items={ [] } agents={ agents } /> );
		expect( screen.getByText( 'No messages yet.' ) ).toBeInTheDocument();
	} );
} );
