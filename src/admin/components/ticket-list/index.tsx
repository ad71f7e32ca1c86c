/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Ticket } from '../../../shared/types';
import { routeHref, type RouteParams } from '../../router';
import { parseDate, shortDuration, formatDateTime } from '../../utils/time';
import {
	ChannelIcon,
	PriorityBadge,
	StatusBadge,
	TagChip,
} from '../ticket-badges';
import './style.scss';

/**
 * How long the customer has been waiting for us: since her last message when it is newer than
 * our last reply, else nothing to wait for.
 *
 * @param ticket Ticket.
 */
export function waitingSince( ticket: Ticket ): Date | null {
	const customer = parseDate( ticket.last_customer_message_at );
	if ( ! customer || [ 'solved', 'closed' ].includes( ticket.status ) ) {
		return null;
	}
	const agent = parseDate( ticket.last_agent_reply_at );
	if ( agent && agent >= customer ) {
		return null;
	}
	return customer;
}

interface Props {
	tickets: Ticket[];
	selected: number[];
	onSelect: ( ids: number[] ) => void;
	activeIndex: number;
	onActivate: ( index: number ) => void;
	onOpen: ( ticket: Ticket ) => void;
	linkParams: ( ticket: Ticket ) => RouteParams;
}

export default function TicketList( {
	tickets,
	selected,
	onSelect,
	activeIndex,
	onActivate,
	onOpen,
	linkParams,
}: Props ) {
	const bodyRef = useRef< HTMLTableSectionElement >( null );
	const allSelected =
		tickets.length > 0 &&
		tickets.every( ( t ) => selected.includes( t.id ) );

	useEffect( () => {
		const body = bodyRef.current;
		const row = body?.children[ activeIndex ] as HTMLElement | undefined;
		if ( ! body || ! row ) {
			return;
		}
		const focused = body.ownerDocument.activeElement;
		row.scrollIntoView?.( { block: 'nearest' } );
		// Keyboard users moving with j/k inside the list: focus follows the cursor.
		if ( focused?.closest( '.switchboard-ticket-list' ) ) {
			row
				.querySelector< HTMLElement >(
					'.switchboard-ticket-list__subject-link'
				)
				?.focus();
		}
	}, [ activeIndex ] );

	const toggle = ( id: number, on: boolean ) =>
		onSelect(
			on ? [ ...selected, id ] : selected.filter( ( x ) => x !== id )
		);

	return (
		<table className="wp-list-table widefat fixed striped switchboard-ticket-list">
			<caption className="screen-reader-text">
				{ __(
					'Tickets. Use j and k to move, Enter to open, x to select.',
					'switchboard'
				) }
			</caption>
			<thead>
				<tr>
					<td className="manage-column check-column switchboard-ticket-list__check">
						<input
							type="checkbox"
							aria-label={ __( 'Select all', 'switchboard' ) }
							checked={ allSelected }
							onChange={ ( event ) =>
								onSelect(
									event.target.checked
										? tickets.map( ( t ) => t.id )
										: []
								)
							}
						/>
					</td>
					<th
						scope="col"
						className="switchboard-ticket-list__channel"
					>
						<span className="screen-reader-text">
							{ __( 'Channel', 'switchboard' ) }
						</span>
					</th>
					<th
						scope="col"
						className="switchboard-ticket-list__customer"
					>
						{ __( 'Customer', 'switchboard' ) }
					</th>
					<th
						scope="col"
						className="switchboard-ticket-list__subject"
					>
						{ __( 'Subject', 'switchboard' ) }
					</th>
					<th
						scope="col"
						className="switchboard-ticket-list__waiting"
					>
						{ __( 'Waiting', 'switchboard' ) }
					</th>
					<th scope="col" className="switchboard-ticket-list__status">
						{ __( 'Status', 'switchboard' ) }
					</th>
					<th
						scope="col"
						className="switchboard-ticket-list__assignee"
					>
						{ __( 'Assignee', 'switchboard' ) }
					</th>
				</tr>
			</thead>
			<tbody ref={ bodyRef }>
				{ tickets.map( ( ticket, index ) => {
					const waiting = waitingSince( ticket );
					const isSelected = selected.includes( ticket.id );
					return (
						<tr
							key={ ticket.id }
							className={ [
								'switchboard-ticket-list__row',
								index === activeIndex ? 'is-active' : '',
								isSelected ? 'is-selected' : '',
								ticket.status === 'new' ? 'is-new' : '',
							].join( ' ' ) }
							data-ticket-id={ ticket.id }
							onClick={ ( event ) => {
								const target = event.target as HTMLElement;
								if (
									target.closest( 'a, input, button, label' )
								) {
									return;
								}
								onActivate( index );
								onOpen( ticket );
							} }
						>
							<th
								scope="row"
								className="check-column switchboard-ticket-list__check"
							>
								<input
									type="checkbox"
									aria-label={ sprintf(
										/* translators: %s: ticket subject */
										__( 'Select “%s”', 'switchboard' ),
										ticket.subject
									) }
									checked={ isSelected }
									onChange={ ( event ) =>
										toggle(
											ticket.id,
											event.target.checked
										)
									}
								/>
							</th>
							<td className="switchboard-ticket-list__channel">
								<ChannelIcon channel={ ticket.channel } />
							</td>
							<td className="switchboard-ticket-list__customer">
								{ ticket.customer?.name ||
									ticket.customer?.email ||
									'—' }
							</td>
							<td className="switchboard-ticket-list__subject">
								<a
									className="switchboard-ticket-list__subject-link"
									href={ routeHref( linkParams( ticket ) ) }
									onFocus={ () => onActivate( index ) }
									onClick={ ( event ) => {
										if (
											event.metaKey ||
											event.ctrlKey ||
											event.shiftKey
										) {
											return;
										}
										event.preventDefault();
										onOpen( ticket );
									} }
								>
									<span className="switchboard-ticket-list__number">
										#{ ticket.number }
									</span>{ ' ' }
									{ ticket.subject ||
										__( '(no subject)', 'switchboard' ) }
								</a>
								{ ticket.priority !== 'normal' && (
									<>
										{ ' ' }
										<PriorityBadge
											priority={ ticket.priority }
										/>
									</>
								) }
								{ ticket.tags.map( ( tag ) => (
									<TagChip
										key={ tag.id }
										name={ tag.name }
										color={ tag.color }
									/>
								) ) }
								<div className="switchboard-ticket-list__preview">
									{ ticket.preview }
								</div>
							</td>
							<td
								className="switchboard-ticket-list__waiting"
								title={ formatDateTime(
									ticket.last_message_at
								) }
							>
								{ waiting ? (
									<span className="is-waiting">
										{ shortDuration( waiting ) }
									</span>
								) : (
									shortDuration(
										parseDate( ticket.last_message_at ) ??
											new Date()
									)
								) }
							</td>
							<td className="switchboard-ticket-list__status">
								<StatusBadge status={ ticket.status } />
							</td>
							<td className="switchboard-ticket-list__assignee">
								{ ticket.assignee?.name ?? (
									<span className="is-unassigned">
										{ __( 'Unassigned', 'switchboard' ) }
									</span>
								) }
								{ ticket.team && (
									<span className="switchboard-ticket-list__team">
										{ ticket.team.name }
									</span>
								) }
							</td>
						</tr>
					);
				} ) }
			</tbody>
		</table>
	);
}
