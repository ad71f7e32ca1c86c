/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import MergeModal from '..';
import type { Ticket } from '../../../../shared/types';

const ticket = { id: 12, number: 12 } as unknown as Ticket;

function typeSource( value: string ) {
	fireEvent.change( screen.getByLabelText( 'Ticket number to merge' ), {
		target: { value },
	} );
}

describe( 'MergeModal', () => {
	it( 'asks a manager to confirm both customers, then merges with their ids', async () => {
		const onMerge = jest
			.fn()
			.mockRejectedValueOnce( {
				code: 'switchboard_merge_confirm_customers',
				message: 'Confirm.',
				data: {
					status: 400,
					customers: [
						{
							id: 5,
							ticket_id: 34,
							name: 'Alice <alice@example.test>',
						},
						{
							id: 6,
							ticket_id: 12,
							name: 'Bob <bob@example.test>',
						},
					],
				},
			} )
			.mockResolvedValueOnce( undefined );
		const onClose = jest.fn();
		render(
			<MergeModal
				ticket={ ticket }
				onMerge={ onMerge }
				onClose={ onClose }
			/>
		);
		typeSource( '#34' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Merge' } ) );

		const confirm = await screen.findByRole(
			'button',
			{ name: 'Merge both customers’ tickets' },
			{ timeout: 5000 }
		);
		expect(
			screen.getByText(
				/Ticket #34 belongs to Alice <alice@example.test>/
			)
		).toHaveTextContent( 'ticket #12 to Bob <bob@example.test>' );
		expect( onMerge ).toHaveBeenLastCalledWith( 34, undefined );

		fireEvent.click( confirm );
		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( onMerge ).toHaveBeenLastCalledWith( 34, [ 5, 6 ] );
	} );

	it( 'shows an agent why the merge is refused, without a way around it', async () => {
		const onMerge = jest.fn().mockRejectedValue( {
			code: 'switchboard_merge_other_customer',
			message:
				'Ticket #34 belongs to Alice and ticket #12 to Bob. Tickets of two different customers can only be merged by a helpdesk manager.',
			data: { status: 403 },
		} );
		render(
			<MergeModal
				ticket={ ticket }
				onMerge={ onMerge }
				onClose={ jest.fn() }
			/>
		);
		typeSource( '34' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Merge' } ) );
		expect(
			await screen.findByText(
				/only be merged by a helpdesk manager/,
				{},
				{ timeout: 5000 }
			)
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', {
				name: 'Merge both customers’ tickets',
			} )
		).not.toBeInTheDocument();
	} );
} );
