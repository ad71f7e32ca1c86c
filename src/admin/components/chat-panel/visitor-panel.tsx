/**
 * The visitor side of a chat: the page she is on, pages visited, her cart and recent orders.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDateTime } from '../../utils/time';
import type { ChatSession } from '../../../shared/api/chat';

export default function VisitorPanel( { session }: { session: ChatSession } ) {
	const { pages = [], cart, orders } = session.context;
	const visited = [ ...pages ].reverse();
	return (
		<div className="switchboard-chat-panel__visitor">
			<h4>{ __( 'Visitor', 'switchboard' ) }</h4>
			<p className="switchboard-chat-panel__page">
				{ session.visitor_online
					? __( 'On the page:', 'switchboard' )
					: __( 'Last seen on:', 'switchboard' ) }{ ' ' }
				{ session.page_url ? (
					<a
						href={ session.page_url }
						target="_blank"
						rel="noreferrer noopener"
					>
						{ session.page_title || session.page_url }
					</a>
				) : (
					'—'
				) }
			</p>
			{ visited.length > 1 && (
				<details className="switchboard-chat-panel__pages">
					<summary>
						{ sprintf(
							/* translators: %d: number of pages */
							_n(
								'%d page visited',
								'%d pages visited',
								visited.length,
								'switchboard'
							),
							visited.length
						) }
					</summary>
					<ol>
						{ visited.map( ( page, index ) => (
							<li key={ `${ page.at }-${ index }` }>
								<a
									href={ page.url }
									target="_blank"
									rel="noreferrer noopener"
								>
									{ page.title || page.url }
								</a>{ ' ' }
								<span className="switchboard-chat-panel__muted">
									{ formatDateTime( page.at ) }
								</span>
							</li>
						) ) }
					</ol>
				</details>
			) }
			{ cart && (
				<div className="switchboard-chat-panel__cart">
					<h4>
						{ sprintf(
							/* translators: %d: number of items */
							_n(
								'Cart: %d item',
								'Cart: %d items',
								cart.item_count,
								'switchboard'
							),
							cart.item_count
						) }
					</h4>
					{ cart.items.length > 0 ? (
						<table className="switchboard-chat-panel__table">
							<tbody>
								{ cart.items.map( ( item ) => (
									<tr key={ item.product_id }>
										<td>
											<a
												href={ item.url }
												target="_blank"
												rel="noreferrer noopener"
											>
												{ item.name }
											</a>
										</td>
										<td>× { item.quantity }</td>
										<td className="is-number">
											{ item.total }
										</td>
									</tr>
								) ) }
							</tbody>
							<tfoot>
								<tr>
									<th colSpan={ 2 }>
										{ __( 'Total', 'switchboard' ) }
									</th>
									<td className="is-number">
										{ cart.total_formatted }
									</td>
								</tr>
							</tfoot>
						</table>
					) : (
						<p className="switchboard-chat-panel__muted">
							{ __( 'The cart is empty.', 'switchboard' ) }
						</p>
					) }
				</div>
			) }
			{ orders && (
				<div className="switchboard-chat-panel__orders">
					<h4>{ __( 'Recent orders', 'switchboard' ) }</h4>
					{ orders.length === 0 ? (
						<p className="switchboard-chat-panel__muted">
							{ __( 'No orders yet.', 'switchboard' ) }
						</p>
					) : (
						<ul>
							{ orders.map( ( order ) => (
								<li key={ order.id }>
									<a href={ order.edit_url }>
										#{ order.number }
									</a>{ ' ' }
									{ order.status_label } ·{ ' ' }
									{ order.total_formatted } ·{ ' ' }
									<span className="switchboard-chat-panel__muted">
										{ formatDateTime( order.date_created ) }
									</span>
								</li>
							) ) }
						</ul>
					) }
				</div>
			) }
		</div>
	);
}
