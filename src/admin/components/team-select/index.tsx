/**
 * A team picker (None + the teams), for the ticket sidebar and the mailbox form.
 */

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { teamsStore } from '../../store';
import type { Team } from '../../../shared/types';

export interface TeamOption {
	value: string;
	label: string;
}

/**
 * Options of a team picker: "none" first, then the teams by name. A current value that is no
 * known team (deleted meanwhile, or the list still loading) stays visible as "#id".
 *
 * @param teams     Teams.
 * @param noneLabel Label of the "no team" option (value "0").
 * @param current   The selected team id.
 */
export function teamOptions(
	teams: Team[],
	noneLabel: string,
	current = 0
): TeamOption[] {
	const options = [
		{ value: '0', label: noneLabel },
		...teams.map( ( team ) => ( {
			value: String( team.id ),
			label: team.name,
		} ) ),
	];
	if ( current > 0 && ! teams.some( ( team ) => team.id === current ) ) {
		options.push( { value: String( current ), label: `#${ current }` } );
	}
	return options;
}

interface Props {
	value: number;
	onChange: ( teamId: number ) => void;
	label?: string;
	help?: string;
	disabled?: boolean;
	/** Name shown for a current team that the list does not have (yet). */
	currentName?: string;
}

export default function TeamSelect( {
	value,
	onChange,
	label,
	help,
	disabled,
	currentName,
}: Props ) {
	const teams =
		useSelect( ( select ) => select( teamsStore ).getTeams(), [] ) ?? [];
	const options = teamOptions(
		teams,
		__( 'No team', 'switchboard' ),
		value
	).map( ( option ) =>
		currentName &&
		option.value === String( value ) &&
		option.label[ 0 ] === '#'
			? { ...option, label: currentName }
			: option
	);
	return (
		<SelectControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ label ?? __( 'Team', 'switchboard' ) }
			help={ help }
			value={ String( value ) }
			options={ options }
			disabled={ disabled }
			onChange={ ( id: string ) => onChange( Number( id ) || 0 ) }
		/>
	);
}
