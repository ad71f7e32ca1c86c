/**
 * WordPress dependencies
 */
import { Button, SelectControl } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, teamsStore } from '../../store';
import type { BulkUpdate, TicketStatus } from '../../../shared/types';
import { STATUSES, statusLabel, toOptions } from '../../labels';
import { teamOptions } from '../team-select';
import './style.scss';

interface Props {
	count: number;
	onApply: ( changes: Omit< BulkUpdate, 'ids' > ) => Promise< void >;
	onClear: () => void;
}

export default function BulkActions( { count, onApply, onClear }: Props ) {
	// The lists themselves (null while loading), so the selector returns stable values.
	const lists = useSelect(
		( select ) => ( {
			agents: select( coreStore ).getAgents(),
			tags: select( coreStore ).getTags(),
			teams: select( teamsStore ).getTeams(),
		} ),
		[]
	);
	const agents = lists.agents ?? [];
	const tags = lists.tags ?? [];
	const teams = lists.teams ?? [];
	const [ assignee, setAssignee ] = useState( '' );
	const [ team, setTeam ] = useState( '' );
	const [ status, setStatus ] = useState( '' );
	const [ tag, setTag ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	const changes: Omit< BulkUpdate, 'ids' > = {};
	if ( assignee !== '' ) {
		changes.assignee_id = Number( assignee );
	}
	if ( team !== '' ) {
		changes.team_id = Number( team );
	}
	if ( status ) {
		changes.status = status as TicketStatus;
	}
	if ( tag ) {
		changes.add_tags = [ tag ];
	}
	const hasChanges = Object.keys( changes ).length > 0;

	return (
		<div
			className="switchboard-bulk-actions"
			role="region"
			aria-label={ __( 'Bulk actions', 'switchboard' ) }
		>
			<strong className="switchboard-bulk-actions__count">
				{ sprintf(
					/* translators: %d: number of selected tickets */
					_n( '%d selected', '%d selected', count, 'switchboard' ),
					count
				) }
			</strong>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Assign to', 'switchboard' ) }
				value={ assignee }
				options={ [
					{ value: '', label: '—' },
					{ value: '0', label: __( 'Unassigned', 'switchboard' ) },
					...agents.map( ( a ) => ( {
						value: String( a.id ),
						label: a.name,
					} ) ),
				] }
				onChange={ setAssignee }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Move to team', 'switchboard' ) }
				value={ team }
				options={ [
					{ value: '', label: '—' },
					...teamOptions( teams, __( 'No team', 'switchboard' ) ),
				] }
				onChange={ setTeam }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Set status', 'switchboard' ) }
				value={ status }
				options={ [
					{ value: '', label: '—' },
					...toOptions( STATUSES, statusLabel ),
				] }
				onChange={ setStatus }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Add tag', 'switchboard' ) }
				value={ tag }
				options={ [
					{ value: '', label: '—' },
					...tags.map( ( t ) => ( {
						value: t.slug,
						label: t.name,
					} ) ),
				] }
				onChange={ setTag }
			/>
			<Button
				variant="primary"
				__next40pxDefaultSize
				disabled={ ! hasChanges || busy }
				isBusy={ busy }
				onClick={ async () => {
					setBusy( true );
					try {
						await onApply( changes );
						setAssignee( '' );
						setTeam( '' );
						setStatus( '' );
						setTag( '' );
					} finally {
						setBusy( false );
					}
				} }
			>
				{ __( 'Apply', 'switchboard' ) }
			</Button>
			<Button
				variant="tertiary"
				__next40pxDefaultSize
				onClick={ onClear }
			>
				{ __( 'Clear selection', 'switchboard' ) }
			</Button>
		</div>
	);
}
