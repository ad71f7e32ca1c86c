/**
 * A ticket logged on behalf of a customer (a phone call, a walk-in): find her or enter her
 * details, write what she asked, and the ticket is created on the "phone" channel by default.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	ComboboxControl,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from '../../store';
import { navigate } from '../../router';
import { searchCustomers } from '../../../shared/api/customers';
import { toApiError } from '../../../shared/api/errors';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import {
	KNOWN_CHANNELS,
	PRIORITIES,
	STATUSES,
	channelLabel,
	priorityLabel,
	statusLabel,
	toOptions,
} from '../../labels';
import { textToHtml } from '../../utils/text';
import TeamSelect from '../../components/team-select';
import type {
	Agent,
	Customer,
	NewTicket,
	TicketPriority,
	TicketStatus,
} from '../../../shared/types';
import './style.scss';

/** A stable empty list while agents load (a new [] on every call makes useSelect warn). */
const NO_AGENTS: Agent[] = [];

export default function NewTicketScreen() {
	const { agents, overview } = useSelect(
		( select ) => ( {
			agents: select( coreStore ).getAgents() ?? NO_AGENTS,
			overview: select( coreStore ).getOverview(),
		} ),
		[]
	);
	const { createTicket } = useDispatch( ticketsStore );
	const { createNotice } = useDispatch( coreStore );

	const [ isNewCustomer, setIsNewCustomer ] = useState( false );
	const [ customerSearch, setCustomerSearch ] = useState( '' );
	const [ matches, setMatches ] = useState< Customer[] >( [] );
	const [ customerId, setCustomerId ] = useState< number | null >( null );
	const [ customer, setCustomer ] = useState( {
		name: '',
		email: '',
		phone: '',
	} );
	const [ subject, setSubject ] = useState( '' );
	const [ body, setBody ] = useState( '' );
	const [ isPrivate, setIsPrivate ] = useState( false );
	const [ channel, setChannel ] = useState( 'phone' );
	const [ status, setStatus ] = useState< string >( 'open' );
	const [ priority, setPriority ] = useState< string >( 'normal' );
	const [ assignee, setAssignee ] = useState(
		String( overview?.user.id ?? 0 )
	);
	const [ teamId, setTeamId ] = useState( 0 );
	const [ orderId, setOrderId ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
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

	const hasCustomer = isNewCustomer
		? !! (
				customer.name.trim() &&
				( customer.email.trim() || customer.phone.trim() )
		  )
		: !! customerId;
	const valid = hasCustomer && subject.trim() !== '' && body.trim() !== '';

	return (
		<section
			className="switchboard-new-ticket"
			aria-labelledby="switchboard-new-ticket-title"
		>
			<h2 id="switchboard-new-ticket-title">
				{ __( 'New ticket on behalf of a customer', 'switchboard' ) }
			</h2>
			<form
				onSubmit={ async ( event ) => {
					event.preventDefault();
					if ( ! valid ) {
						return;
					}
					setBusy( true );
					setError( null );
					const data: NewTicket = {
						subject: subject.trim(),
						channel,
						status: status as TicketStatus,
						priority: priority as TicketPriority,
						assignee_id: Number( assignee ),
						...( teamId > 0 ? { team_id: teamId } : {} ),
						message: {
							body: textToHtml( body ),
							is_private: isPrivate,
						},
						...( Number( orderId ) > 0
							? { order_id: Number( orderId ) }
							: {} ),
						...( isNewCustomer
							? {
									customer: {
										name: customer.name.trim(),
										email: customer.email.trim(),
										phone: customer.phone.trim(),
									},
							  }
							: { customer_id: customerId ?? 0 } ),
					};
					try {
						const ticket = await createTicket( data );
						createNotice(
							'success',
							__( 'Ticket created.', 'switchboard' )
						);
						navigate( { ticket: String( ticket.id ) } );
					} catch ( e ) {
						setError( toApiError( e ).message );
					} finally {
						setBusy( false );
					}
				} }
			>
				{ error && (
					<div className="notice notice-error inline" role="alert">
						<p>{ error }</p>
					</div>
				) }
				<fieldset className="switchboard-new-ticket__customer">
					<legend>{ __( 'Customer', 'switchboard' ) }</legend>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'New customer', 'switchboard' ) }
						checked={ isNewCustomer }
						onChange={ setIsNewCustomer }
					/>
					{ isNewCustomer ? (
						<div className="switchboard-new-ticket__row">
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								label={ __( 'Name', 'switchboard' ) }
								value={ customer.name }
								onChange={ ( name ) =>
									setCustomer( { ...customer, name } )
								}
							/>
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								type="email"
								label={ __( 'Email', 'switchboard' ) }
								value={ customer.email }
								onChange={ ( email ) =>
									setCustomer( { ...customer, email } )
								}
							/>
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								type="tel"
								label={ __( 'Phone', 'switchboard' ) }
								value={ customer.phone }
								onChange={ ( phone ) =>
									setCustomer( { ...customer, phone } )
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
								setCustomerId( value ? Number( value ) : null )
							}
						/>
					) }
				</fieldset>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Subject', 'switchboard' ) }
					value={ subject }
					onChange={ setSubject }
					required
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'What the customer asked', 'switchboard' ) }
					value={ body }
					onChange={ setBody }
					rows={ 6 }
					required
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Keep this first message as a private note',
						'switchboard'
					) }
					checked={ isPrivate }
					onChange={ setIsPrivate }
				/>
				<div className="switchboard-new-ticket__row">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Channel', 'switchboard' ) }
						value={ channel }
						options={ toOptions( KNOWN_CHANNELS, channelLabel ) }
						onChange={ setChannel }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Status', 'switchboard' ) }
						value={ status }
						options={ toOptions( STATUSES, statusLabel ) }
						onChange={ setStatus }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Priority', 'switchboard' ) }
						value={ priority }
						options={ toOptions( PRIORITIES, priorityLabel ) }
						onChange={ setPriority }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Assignee', 'switchboard' ) }
						value={ assignee }
						options={ [
							{
								value: '0',
								label: __( 'Unassigned', 'switchboard' ),
							},
							...agents.map( ( a ) => ( {
								value: String( a.id ),
								label: a.name,
							} ) ),
						] }
						onChange={ setAssignee }
					/>
					<TeamSelect value={ teamId } onChange={ setTeamId } />
					{ overview?.woocommerce_active && (
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Order number', 'switchboard' ) }
							value={ orderId }
							onChange={ setOrderId }
						/>
					) }
				</div>
				<div className="switchboard-new-ticket__actions">
					<Button variant="tertiary" onClick={ () => navigate( {} ) }>
						{ __( 'Cancel', 'switchboard' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						disabled={ ! valid || busy }
						isBusy={ busy }
					>
						{ __( 'Create ticket', 'switchboard' ) }
					</Button>
				</div>
			</form>
		</section>
	);
}
