/**
 * Settings → Team → Teams: routing groups of agents. Managers create, rename, change members
 * and delete; agents see the list.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Modal,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, teamsStore } from '../../store';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import { confirmAction } from '../../utils/confirm';
import { toApiError } from '../../../shared/api/errors';
import type { Agent, Team, TeamInput } from '../../../shared/types';
import './style.scss';

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

interface Props {
	agents: Agent[];
	canManage: boolean;
}

export default function TeamsManager( { agents, canManage }: Props ) {
	const { teams, error } = useSelect(
		( select ) => ( {
			teams: select( teamsStore ).getTeams(),
			error: select( teamsStore ).getTeamsError(),
		} ),
		[]
	);
	const { saveTeam, deleteTeam, refreshTeams } = useDispatch( teamsStore );
	const { createNotice } = useDispatch( coreStore );
	const [ editing, setEditing ] = useState< Team | null >( null );

	const remove = async ( team: Team ) => {
		if (
			! confirmAction(
				sprintf(
					/* translators: %s: team name */
					__(
						'Delete the team “%s”? Its tickets and mailboxes stay, without a team.',
						'switchboard'
					),
					team.name
				)
			)
		) {
			return;
		}
		try {
			const cleared = await deleteTeam( team.id );
			createNotice(
				'success',
				sprintf(
					/* translators: %d: number of tickets */
					_n(
						'Team deleted; %d ticket no longer has a team.',
						'Team deleted; %d tickets no longer have a team.',
						cleared,
						'switchboard'
					),
					cleared
				)
			);
		} catch ( e ) {
			createNotice( 'error', toApiError( e ).message );
		}
	};

	return (
		<section
			className="switchboard-teams"
			aria-labelledby="switchboard-teams-title"
		>
			<h3 id="switchboard-teams-title">
				{ __( 'Teams', 'switchboard' ) }
			</h3>
			<p>
				{ __(
					'Teams route tickets to a group of agents: a mailbox can put its new tickets into a team, agents move tickets between teams, and the inbox filters by team.',
					'switchboard'
				) }
			</p>
			{ error && ! teams && (
				<ErrorNotice error={ error } onRetry={ () => refreshTeams() } />
			) }
			{ ! teams && ! error && <Loading /> }
			{ teams && teams.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No teams yet.', 'switchboard' ) }
				</div>
			) }
			{ teams && teams.length > 0 && (
				<table className="wp-list-table widefat fixed striped switchboard-teams__list">
					<thead>
						<tr>
							<th scope="col">{ __( 'Team', 'switchboard' ) }</th>
							<th scope="col">
								{ __( 'Members', 'switchboard' ) }
							</th>
							{ canManage && (
								<th scope="col">
									<span className="screen-reader-text">
										{ __( 'Actions', 'switchboard' ) }
									</span>
								</th>
							) }
						</tr>
					</thead>
					<tbody>
						{ teams.map( ( team ) => (
							<tr key={ team.id } data-team={ team.id }>
								<td>
									<strong>{ team.name }</strong>
									{ team.description && (
										<div className="switchboard-teams__description">
											{ team.description }
										</div>
									) }
								</td>
								<td>
									{ team.members
										.map( ( member ) => member.name )
										.join( ', ' ) ||
										__( 'Nobody yet', 'switchboard' ) }
								</td>
								{ canManage && (
									<td className="switchboard-teams__row-actions">
										<Button
											variant="link"
											onClick={ () => setEditing( team ) }
											label={ sprintf(
												/* translators: %s: team name */
												__( 'Edit %s', 'switchboard' ),
												team.name
											) }
										>
											{ __( 'Edit', 'switchboard' ) }
										</Button>
										<Button
											variant="link"
											isDestructive
											onClick={ () => remove( team ) }
											label={ sprintf(
												/* translators: %s: team name */
												__(
													'Delete %s',
													'switchboard'
												),
												team.name
											) }
										>
											{ __( 'Delete', 'switchboard' ) }
										</Button>
									</td>
								) }
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ canManage && (
				<>
					<h4>{ __( 'Add a team', 'switchboard' ) }</h4>
					<TeamForm
						team={ null }
						teams={ teams ?? [] }
						agents={ agents }
						onSubmit={ async ( data ) => {
							await saveTeam( data );
							createNotice(
								'success',
								__( 'Team added.', 'switchboard' )
							);
						} }
					/>
				</>
			) }
			{ editing && (
				<Modal
					title={ sprintf(
						/* translators: %s: team name */
						__( 'Edit team “%s”', 'switchboard' ),
						editing.name
					) }
					onRequestClose={ () => setEditing( null ) }
				>
					<TeamForm
						team={ editing }
						teams={ teams ?? [] }
						agents={ agents }
						onCancel={ () => setEditing( null ) }
						onSubmit={ async ( data ) => {
							await saveTeam( data, editing.id );
							createNotice(
								'success',
								__( 'Team saved.', 'switchboard' )
							);
							setEditing( null );
						} }
					/>
				</Modal>
			) }
		</section>
	);
}
