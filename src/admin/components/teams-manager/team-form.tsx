/**
 * The team form (name, description, members) and its checks.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { toApiError } from '../../../shared/api/errors';
import type { Agent, Team, TeamInput } from '../../../shared/types';

/**
 * The member ids after a checkbox changed (order kept, no duplicates).
 *
 * @param ids     Current member ids.
 * @param id      The agent.
 * @param checked Whether the box is now checked.
 */
export function toggleMember(
	ids: number[],
	id: number,
	checked: boolean
): number[] {
	const rest = ids.filter( ( member ) => member !== id );
	return checked ? [ ...rest, id ] : rest;
}

/**
 * What is wrong with a team name before it is sent, or null (the server checks again).
 *
 * @param name      Typed name.
 * @param teams     Existing teams.
 * @param editingId The team being renamed (its own name is fine).
 */
export function teamNameError(
	name: string,
	teams: Team[],
	editingId = 0
): string | null {
	const trimmed = name.trim();
	if ( ! trimmed ) {
		return __( 'A team needs a name.', 'switchboard' );
	}
	const taken = teams.some(
		( team ) =>
			team.id !== editingId &&
			team.name.localeCompare( trimmed, undefined, {
				sensitivity: 'accent',
			} ) === 0
	);
	return taken
		? __( 'Another team already has this name.', 'switchboard' )
		: null;
}

interface FormProps {
	team: Team | null;
	teams: Team[];
	agents: Agent[];
	onSubmit: ( data: TeamInput ) => Promise< void >;
	onCancel?: () => void;
}

/**
 * The team form: name, description, members as checkboxes.
 *
 * @param props          Props.
 * @param props.team
 * @param props.teams
 * @param props.agents
 * @param props.onSubmit
 * @param props.onCancel
 */
export function TeamForm( {
	team,
	teams,
	agents,
	onSubmit,
	onCancel,
}: FormProps ) {
	const [ name, setName ] = useState( team?.name ?? '' );
	const [ description, setDescription ] = useState( team?.description ?? '' );
	const [ members, setMembers ] = useState< number[] >(
		team?.member_ids ?? []
	);
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const prefix = team ? `switchboard-team-${ team.id }` : 'switchboard-team';

	return (
		<form
			className="switchboard-teams__form"
			onSubmit={ async ( event ) => {
				event.preventDefault();
				const problem = teamNameError( name, teams, team?.id );
				if ( problem ) {
					setError( problem );
					return;
				}
				setBusy( true );
				setError( null );
				try {
					await onSubmit( {
						name: name.trim(),
						description: description.trim(),
						member_ids: members,
					} );
					if ( ! team ) {
						setName( '' );
						setDescription( '' );
						setMembers( [] );
					}
				} catch ( e ) {
					setError( toApiError( e ).message );
				} finally {
					setBusy( false );
				}
			} }
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					<p role="alert">{ error }</p>
				</Notice>
			) }
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Team name', 'switchboard' ) }
				value={ name }
				onChange={ setName }
				maxLength={ 100 }
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Description (optional)', 'switchboard' ) }
				value={ description }
				onChange={ setDescription }
				maxLength={ 255 }
			/>
			<fieldset className="switchboard-teams__members">
				<legend>{ __( 'Members', 'switchboard' ) }</legend>
				{ agents.length === 0 && (
					<p>{ __( 'No agents yet.', 'switchboard' ) }</p>
				) }
				{ agents.map( ( agent ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ agent.id }
						id={ `${ prefix }-member-${ agent.id }` }
						label={ agent.name }
						checked={ members.includes( agent.id ) }
						onChange={ ( checked: boolean ) =>
							setMembers( ( current ) =>
								toggleMember( current, agent.id, checked )
							)
						}
					/>
				) ) }
			</fieldset>
			<div className="switchboard-teams__actions">
				{ onCancel && (
					<Button variant="tertiary" onClick={ onCancel }>
						{ __( 'Cancel', 'switchboard' ) }
					</Button>
				) }
				<Button
					variant="primary"
					type="submit"
					__next40pxDefaultSize
					disabled={ busy || ! name.trim() }
					isBusy={ busy }
				>
					{ team
						? __( 'Save team', 'switchboard' )
						: __( 'Add team', 'switchboard' ) }
				</Button>
			</div>
		</form>
	);
}
