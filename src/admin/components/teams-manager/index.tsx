/**
 * Settings → Team → Teams: routing groups of agents. Managers create, rename, change members
 * and delete; agents see the list.
 */

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
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
import type { Agent, Team } from '../../../shared/types';
import { TeamForm } from './team-form';
import './style.scss';

export { TeamForm, teamNameError, toggleMember } from './team-form';

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
