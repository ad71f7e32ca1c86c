/**
 * Status, priority, assignee, team, tags and linked order of a ticket, merging another ticket in,
 * and revoking the links mailed to the customer.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	FormTokenField,
	PanelBody,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, Tag, Ticket, TicketPatch } from '../../../shared/types';
import {
	PRIORITIES,
	STATUSES,
	priorityLabel,
	statusLabel,
	toOptions,
} from '../../labels';
import TeamSelect from '../team-select';
import MergeModal from '../merge-modal';
import RevokeLinks from '../revoke-links';
import './style.scss';

interface Props {
	ticket: Ticket;
	agents: Agent[];
	tags: Tag[];
	currentUserId: number;
	woocommerceActive: boolean;
	/** Helpdesk managers create tags by typing them; agents pick existing ones. */
	canManage: boolean;
	onChange: ( patch: TicketPatch ) => Promise< void >;
	onMerge: (
		sourceId: number,
		confirmCustomers?: number[]
	) => Promise< void >;
}

export default function TicketControls( {
	ticket,
	agents,
	tags,
	currentUserId,
	woocommerceActive,
	canManage,
	onChange,
	onMerge,
}: Props ) {
	const knownTag = ( token: string ) =>
		tags.some(
			( tag ) =>
				tag.name.toLowerCase() === token.trim().toLowerCase() ||
				tag.slug === token.trim().toLowerCase()
		);
	const [ busy, setBusy ] = useState( false );
	const [ order, setOrder ] = useState(
		ticket.order_id ? String( ticket.order_id ) : ''
	);
	const [ merging, setMerging ] = useState( false );

	const apply = async ( patch: TicketPatch ) => {
		setBusy( true );
		try {
			await onChange( patch );
		} finally {
			setBusy( false );
		}
	};

	const assigneeOptions = [
		{ value: '0', label: __( 'Unassigned', 'switchboard' ) },
		...agents.map( ( agent ) => ( {
			value: String( agent.id ),
			label:
				agent.id === currentUserId
					? sprintf(
							/* translators: %s: the agent's own name */
							__( '%s (me)', 'switchboard' ),
							agent.name
					  )
					: agent.name,
		} ) ),
	];
	if (
		ticket.assignee &&
		! agents.some( ( a ) => a.id === ticket.assignee?.id )
	) {
		assigneeOptions.push( {
			value: String( ticket.assignee.id ),
			label: ticket.assignee.name,
		} );
	}

	return (
		<PanelBody
			title={ __( 'Ticket', 'switchboard' ) }
			className="switchboard-ticket-controls"
		>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Status', 'switchboard' ) }
				value={ ticket.status as string }
				options={ toOptions( STATUSES, statusLabel ) }
				disabled={ busy }
				onChange={ ( status: string ) =>
					apply( { status: status as Ticket[ 'status' ] } )
				}
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Priority', 'switchboard' ) }
				value={ ticket.priority as string }
				options={ toOptions( PRIORITIES, priorityLabel ) }
				disabled={ busy }
				onChange={ ( priority: string ) =>
					apply( { priority: priority as Ticket[ 'priority' ] } )
				}
			/>
			<div className="switchboard-ticket-controls__assignee">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Assignee', 'switchboard' ) }
					value={ String( ticket.assignee?.id ?? 0 ) }
					options={ assigneeOptions }
					disabled={ busy }
					onChange={ ( id: string ) =>
						apply( { assignee_id: Number( id ) } )
					}
				/>
				{ ticket.assignee?.id !== currentUserId &&
					currentUserId > 0 && (
						<Button
							variant="link"
							disabled={ busy }
							onClick={ () =>
								apply( { assignee_id: currentUserId } )
							}
						>
							{ __( 'Assign to me', 'switchboard' ) }
						</Button>
					) }
			</div>
			<TeamSelect
				value={ ticket.team_id ?? 0 }
				currentName={ ticket.team?.name }
				disabled={ busy }
				onChange={ ( teamId ) => apply( { team_id: teamId } ) }
			/>
			<FormTokenField
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Tags', 'switchboard' ) }
				value={ ticket.tags.map( ( tag ) => tag.name ) }
				suggestions={ tags.map( ( tag ) => tag.name ) }
				__experimentalValidateInput={ ( token: string ) =>
					canManage || knownTag( token )
				}
				__experimentalShowHowTo={ canManage }
				disabled={ busy }
				onChange={ ( tokens ) =>
					apply( {
						tags: tokens.map( ( token ) =>
							typeof token === 'string' ? token : token.value
						),
					} )
				}
			/>
			{ woocommerceActive && (
				<form
					className="switchboard-ticket-controls__order"
					onSubmit={ ( event ) => {
						event.preventDefault();
						apply( {
							order_id: Number( order.replace( /^#/, '' ) ) || 0,
						} );
					} }
				>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Linked order', 'switchboard' ) }
						value={ order }
						placeholder={ __( 'Order number', 'switchboard' ) }
						onChange={ setOrder }
					/>
					<Button
						variant="secondary"
						__next40pxDefaultSize
						type="submit"
						disabled={
							busy ||
							( Number( order.replace( /^#/, '' ) ) || 0 ) ===
								ticket.order_id
						}
					>
						{ order
							? __( 'Link', 'switchboard' )
							: __( 'Unlink', 'switchboard' ) }
					</Button>
				</form>
			) }
			<Button
				variant="secondary"
				className="switchboard-ticket-controls__merge"
				onClick={ () => setMerging( true ) }
			>
				{ __( 'Merge a ticket into this one…', 'switchboard' ) }
			</Button>
			{ merging && (
				<MergeModal
					ticket={ ticket }
					onMerge={ onMerge }
					onClose={ () => setMerging( false ) }
				/>
			) }
			<RevokeLinks ticketId={ ticket.id } />
		</PanelBody>
	);
}
