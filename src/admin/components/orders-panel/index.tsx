/**
 * The customer's WooCommerce orders. Loaded as its own chunk, only when WooCommerce is active.
 */

/**
 * WordPress dependencies
 */
import { PanelBody, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { customersStore } from '../../store';
import type { OrderSummary } from '../../../shared/types';
import { formatDate } from '../../utils/time';
import ErrorNotice from '../error-notice';
import './style.scss';

function OrderRow( {
	order,
	isLinked,
}: {
	order: OrderSummary;
	isLinked: boolean;
} ) {
	return (
		<li
			className={ `switchboard-orders__order${
				isLinked ? ' is-linked' : ''
			}` }
			data-order-id={ order.id }
		>
			<div className="switchboard-orders__line">
				<a
					href={ order.edit_url }
					target="_blank"
					rel="noreferrer"
					className="switchboard-orders__number"
				>
					{ sprintf(
						/* translators: %s: order number */
						__( 'Order #%s', 'switchboard' ),
						order.number
					) }
				</a>
				<span
					className={ `switchboard-orders__status order-status status-${ order.status }` }
				>
					<span>{ order.status_label }</span>
				</span>
			</div>
			<div className="switchboard-orders__line switchboard-orders__meta">
				<span>{ formatDate( order.date_created ) }</span>
				<strong>{ order.total_formatted }</strong>
			</div>
			{ isLinked && (
				<div className="switchboard-orders__linked">
					{ __( 'Linked to this ticket', 'switchboard' ) }
				</div>
			) }
			<ul className="switchboard-orders__items">
				{ order.items.map( ( item, index ) => (
					<li key={ index }>
						{ item.quantity } × { item.name }
					</li>
				) ) }
			</ul>
			{ order.tracking && (
				<div className="switchboard-orders__tracking">
					{ sprintf(
						/* translators: %s: tracking number */
						__( 'Tracking: %s', 'switchboard' ),
						order.tracking
					) }
				</div>
			) }
		</li>
	);
}

export default function OrdersPanel( {
	customerId,
	linkedOrderId,
}: {
	customerId: number;
	linkedOrderId: number;
} ) {
	const { data, error } = useSelect(
		( select ) => ( {
			data: select( customersStore ).getCustomerOrders(
				customerId,
				linkedOrderId
			),
			error: select( customersStore ).getCustomerOrdersError(
				customerId,
				linkedOrderId
			),
		} ),
		[ customerId, linkedOrderId ]
	);
	// The ticket's order may be older than the recent ones, or not hers at all.
	const linked = data?.linked_order ?? null;
	const { refreshCustomerOrders } = useDispatch( customersStore );

	return (
		<PanelBody
			title={ __( 'Orders', 'switchboard' ) }
			className="switchboard-orders"
		>
			{ error && ! data && (
				<ErrorNotice
					error={ error }
					onRetry={ () =>
						refreshCustomerOrders( customerId, linkedOrderId )
					}
				/>
			) }
			{ ! data && ! error && <Spinner /> }
			{ data && (
				<>
					<dl className="switchboard-orders__stats">
						<div>
							<dt>{ __( 'Lifetime value', 'switchboard' ) }</dt>
							<dd>{ data.lifetime_value_formatted }</dd>
						</div>
						<div>
							<dt>{ __( 'Orders', 'switchboard' ) }</dt>
							<dd>{ data.order_count }</dd>
						</div>
					</dl>
					{ data.orders.length === 0 && ! linked && (
						<p>{ __( 'No orders yet.', 'switchboard' ) }</p>
					) }
					<ul className="switchboard-orders__list">
						{ linked && <OrderRow order={ linked } isLinked /> }
						{ data.orders.map( ( order ) => (
							<OrderRow
								key={ order.id }
								order={ order }
								isLinked={ order.id === linkedOrderId }
							/>
						) ) }
					</ul>
					{ data.order_count > data.orders.length && (
						<p className="switchboard-orders__more">
							{ sprintf(
								/* translators: %d: number of orders shown */
								_n(
									'Showing the latest %d order.',
									'Showing the latest %d orders.',
									data.orders.length,
									'switchboard'
								),
								data.orders.length
							) }
						</p>
					) }
				</>
			) }
		</PanelBody>
	);
}
