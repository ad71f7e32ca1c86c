/**
 * A ticket logged on behalf of a customer (a phone call, a walk-in): find her or enter her
 * details, write what she asked, and the ticket is created on the "phone" channel by default.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, ticketsStore } from '../../store';
import { navigate } from '../../router';
import { toApiError } from '../../../shared/api/errors';
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
	NewTicket,
	TicketPriority,
	TicketStatus,
} from '../../../shared/types';
import CustomerFieldset from './customer-fieldset';
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
				<CustomerFieldset
					isNew={ isNewCustomer }
					onToggleNew={ setIsNewCustomer }
					customer={ customer }
					onCustomerChange={ setCustomer }
					customerId={ customerId }
					onCustomerIdChange={ setCustomerId }
				/>
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
