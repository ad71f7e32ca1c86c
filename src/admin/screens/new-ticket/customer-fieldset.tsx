/**
 * Who the new ticket is for: an existing customer found by name, email or phone, or a new one.
 */

/**
 * WordPress dependencies
 */
import {
	ComboboxControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { searchCustomers } from '../../../shared/api/customers';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { Customer } from '../../../shared/types';

export interface NewCustomer {
	name: string;
	email: string;
	phone: string;
}

interface Props {
	isNew: boolean;
	onToggleNew: ( isNew: boolean ) => void;
	customer: NewCustomer;
	onCustomerChange: ( customer: NewCustomer ) => void;
	customerId: number | null;
	onCustomerIdChange: ( id: number | null ) => void;
}

export default function CustomerFieldset( {
	isNew,
	onToggleNew,
	customer,
	onCustomerChange,
	customerId,
	onCustomerIdChange,
}: Props ) {
	const [ customerSearch, setCustomerSearch ] = useState( '' );
	const [ matches, setMatches ] = useState< Customer[] >( [] );
	const debounced = useDebouncedValue( customerSearch, 300 );

	useEffect( () => {
		if ( debounced.trim().length < 2 ) {
			return;
		}
		let current = true;
		searchCustomers( debounced.trim() )
			.then( ( page ) => current && setMatches( page.items ) )
			.catch( () => current && setMatches( [] ) );
		return () => {
			current = false;
		};
	}, [ debounced ] );

	return (
		<fieldset className="switchboard-new-ticket__customer">
			<legend>{ __( 'Customer', 'switchboard' ) }</legend>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'New customer', 'switchboard' ) }
				checked={ isNew }
				onChange={ onToggleNew }
			/>
			{ isNew ? (
				<div className="switchboard-new-ticket__row">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Name', 'switchboard' ) }
						value={ customer.name }
						onChange={ ( name ) =>
							onCustomerChange( { ...customer, name } )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="email"
						label={ __( 'Email', 'switchboard' ) }
						value={ customer.email }
						onChange={ ( email ) =>
							onCustomerChange( { ...customer, email } )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="tel"
						label={ __( 'Phone', 'switchboard' ) }
						value={ customer.phone }
						onChange={ ( phone ) =>
							onCustomerChange( { ...customer, phone } )
						}
					/>
				</div>
			) : (
				<ComboboxControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __(
						'Find a customer (name, email or phone)',
						'switchboard'
					) }
					value={ customerId ? String( customerId ) : null }
					options={ matches.map( ( match ) => ( {
						value: String( match.id ),
						label: [ match.name, match.email, match.phone ]
							.filter( Boolean )
							.join( ' · ' ),
					} ) ) }
					onFilterValueChange={ setCustomerSearch }
					onChange={ ( value?: string | null ) =>
						onCustomerIdChange( value ? Number( value ) : null )
					}
				/>
			) }
		</fieldset>
	);
}
