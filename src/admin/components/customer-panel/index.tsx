/**
 * The customer beside the ticket: who she is on every channel, her other tickets, and — only
 * when WooCommerce is active, from a separately loaded chunk — her orders.
 */

/**
 * WordPress dependencies
 */
import { Dashicon, PanelBody, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { Suspense, lazy } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { customersStore } from '../../store';
import type { Ticket } from '../../../shared/types';
import { channelIcon, channelLabel } from '../../labels';
import { navigate, routeHref } from '../../router';
import { formatDate } from '../../utils/time';
import { StatusBadge } from '../ticket-badges';
import ErrorNotice from '../error-notice';
import Avatar from '../avatar';
import './style.scss';

const OrdersPanel = lazy(
	() => import( /* webpackChunkName: "orders-panel" */ '../orders-panel' )
);

interface Props {
	ticket: Ticket;
	woocommerceActive: boolean;
}

export default function CustomerPanel( { ticket, woocommerceActive }: Props ) {
	const customerId = ticket.customer?.id ?? 0;
	const { customer, error, tickets, ticketsError } = useSelect(
		( select ) => ( {
			customer: customerId
				? select( customersStore ).getCustomer( customerId )
				: null,
			error: customerId
				? select( customersStore ).getCustomerError( customerId )
				: null,
			tickets: customerId
				? select( customersStore ).getCustomerTickets( customerId )
				: null,
			ticketsError: customerId
				? select( customersStore ).getCustomerTicketsError( customerId )
				: null,
		} ),
		[ customerId ]
	);
	const { refreshCustomer, refreshCustomerTickets } =
		useDispatch( customersStore );

	if ( ! customerId ) {
		return (
			<PanelBody title={ __( 'Customer', 'switchboard' ) }>
				<p>{ __( 'No customer on this ticket.', 'switchboard' ) }</p>
			</PanelBody>
		);
	}

	const others = ( tickets ?? [] ).filter(
		( other ) => other.id !== ticket.id
	);

	return (
		<>
			<PanelBody
				title={ __( 'Customer', 'switchboard' ) }
				className="switchboard-customer-panel"
			>
				{ error && ! customer && (
					<ErrorNotice
						error={ error }
						onRetry={ () => refreshCustomer( customerId ) }
					/>
				) }
				{ ! customer && ! error && <Spinner /> }
				{ customer && (
					<>
						<div className="switchboard-customer-panel__who">
							<Avatar src={ customer.avatar } size={ 40 } />
							<div>
								<strong className="switchboard-customer-panel__name">
									{ customer.name || customer.email }
								</strong>
								<div className="switchboard-customer-panel__since">
									{ sprintf(
										/* translators: %s: date */
										__(
											'Customer since %s',
											'switchboard'
										),
										formatDate( customer.created_at )
									) }
								</div>
							</div>
						</div>
						<ul
							className="switchboard-customer-panel__identities"
							aria-label={ __(
								'Contact details',
								'switchboard'
							) }
						>
							{ customer.email && (
								<li>
									<Dashicon icon="email" />
									<a href={ `mailto:${ customer.email }` }>
										{ customer.email }
									</a>
								</li>
							) }
							{ customer.phone && (
								<li>
									<Dashicon icon="phone" />
									<a href={ `tel:${ customer.phone }` }>
										{ customer.phone }
									</a>
								</li>
							) }
							{ customer.identities
								.filter(
									( identity ) =>
										identity.identifier !==
											customer.email &&
										identity.identifier !== customer.phone
								)
								.map( ( identity ) => (
									<li
										key={ `${ identity.channel }:${ identity.identifier }` }
									>
										<Dashicon
											icon={
												channelIcon(
													identity.channel
												) as never
											}
										/>
										<span className="screen-reader-text">
											{ channelLabel( identity.channel ) }
											:{ ' ' }
										</span>
										{ identity.identifier }
									</li>
								) ) }
						</ul>
						{ customer.user_id > 0 && (
							<a
								className="switchboard-customer-panel__profile"
								href={ `${
									window.switchboardSettings?.adminUrl ??
									'/wp-admin/'
								}user-edit.php?user_id=${ customer.user_id }` }
							>
								{ __(
									'WordPress user profile',
									'switchboard'
								) }
							</a>
						) }
					</>
				) }
			</PanelBody>
			<PanelBody
				title={ sprintf(
					/* translators: %d: number of other tickets */
					__( 'Other tickets (%d)', 'switchboard' ),
					others.length
				) }
				initialOpen={ others.length > 0 }
				className="switchboard-customer-panel__tickets"
			>
				{ ticketsError && ! tickets && (
					<ErrorNotice
						error={ ticketsError }
						onRetry={ () => refreshCustomerTickets( customerId ) }
					/>
				) }
				{ ! tickets && ! ticketsError && <Spinner /> }
				{ tickets && others.length === 0 && (
					<p>{ __( 'This is her only ticket.', 'switchboard' ) }</p>
				) }
				<ul>
					{ others.map( ( other ) => (
						<li key={ other.id }>
							<a
								href={ routeHref( {
									ticket: String( other.id ),
								} ) }
								onClick={ ( event ) => {
									event.preventDefault();
									navigate( { ticket: String( other.id ) } );
								} }
							>
								#{ other.number } { other.subject }
							</a>{ ' ' }
							<StatusBadge status={ other.status } />{ ' ' }
							<span className="switchboard-customer-panel__channel">
								{ channelLabel( other.channel ) }
							</span>
						</li>
					) ) }
				</ul>
			</PanelBody>
			{ woocommerceActive && (
				<Suspense fallback={ <Spinner /> }>
					<OrdersPanel
						customerId={ customerId }
						linkedOrderId={ ticket.order_id }
					/>
				</Suspense>
			) }
		</>
	);
}
