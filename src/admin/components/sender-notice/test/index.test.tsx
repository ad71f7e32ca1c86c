/**
 * External dependencies
 */
import { render } from '@testing-library/react';

/**
 * Internal dependencies
 */
import SenderNotice from '..';

describe( 'SenderNotice', () => {
	it( 'says where the unproven address was typed', () => {
		const { container, rerender } = render(
			<SenderNotice
				sender={ { email: 'carla@example.com', via: 'chat' } }
			/>
		);
		const notice = () =>
			container.querySelector( '.switchboard-sender-notice' );
		expect( notice() ).toHaveTextContent(
			'typed carla@example.com in the chat'
		);
		expect( notice() ).toHaveTextContent(
			'do not share order, address or account details in the chat'
		);

		rerender(
			<SenderNotice
				sender={ { email: 'carla@example.com', via: 'contact_form' } }
			/>
		);
		expect( notice() ).toHaveTextContent(
			'typed carla@example.com in the contact form'
		);
	} );

	it( 'shows nothing once the owner answered', () => {
		const { container } = render( <SenderNotice sender={ null } /> );
		expect( container ).toBeEmptyDOMElement();
	} );
} );
