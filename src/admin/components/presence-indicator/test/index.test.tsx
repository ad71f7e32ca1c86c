/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import PresenceIndicator from '..';

describe( 'PresenceIndicator', () => {
	it( 'announces who else views or replies', () => {
		render(
			<PresenceIndicator
				others={ [
					{
						user_id: 1,
						name: 'Site Admin',
						avatar: '',
						state: 'replying',
						seen_at: '',
					},
					{
						user_id: 4,
						name: 'Bert',
						avatar: '',
						state: 'viewing',
						seen_at: '',
					},
				] }
			/>
		);
		const region = screen.getByRole( 'status' );
		expect( region ).toHaveClass( 'is-replying' );
		expect( region ).toHaveTextContent( 'Site Admin is replying' );
		expect( region ).toHaveTextContent( 'Bert is viewing this ticket' );
	} );

	it( 'is empty (but present for screen readers) when alone', () => {
		render( <PresenceIndicator others={ [] } /> );
		expect( screen.getByRole( 'status' ) ).toHaveClass( 'is-empty' );
	} );
} );
