/**
 * Settings → Team: the agents (name, @mention login, role) and the teams manager.
 */

/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../../store';
import TeamsManager from '../../../components/teams-manager';
import ErrorNotice from '../../../components/error-notice';
import Loading from '../../../components/loading';
import Avatar from '../../../components/avatar';

export default function TeamTab() {
	const { agents, error, overview } = useSelect(
		( select ) => ( {
			agents: select( coreStore ).getAgents(),
			error: select( coreStore ).getAgentsError(),
			overview: select( coreStore ).getOverview(),
		} ),
		[]
	);
	const { invalidateResolution } = useDispatch( coreStore );
	const adminUrl = window.switchboardSettings?.adminUrl ?? '/wp-admin/';
	return (
		<div>
			<p>
				{ __(
					'Everyone with the “Support Agent” role works tickets; administrators and shop managers also manage settings.',
					'switchboard'
				) }{ ' ' }
				{ overview?.capabilities.manage && (
					<a href={ `${ adminUrl }users.php?role=switchboard_agent` }>
						{ __( 'Manage users and roles', 'switchboard' ) }
					</a>
				) }
			</p>
			{ error && ! agents && (
				<ErrorNotice
					error={ error }
					onRetry={ () => invalidateResolution( 'getAgents', [] ) }
				/>
			) }
			{ ! agents && ! error && <Loading /> }
			{ agents && (
				<table className="wp-list-table widefat fixed striped switchboard-settings__team">
					<thead>
						<tr>
							<th scope="col">{ __( 'Name', 'switchboard' ) }</th>
							<th scope="col">
								{ __(
									'Username (for @mentions)',
									'switchboard'
								) }
							</th>
							<th scope="col">{ __( 'Role', 'switchboard' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ agents.map( ( agent ) => (
							<tr key={ agent.id }>
								<td>
									<Avatar src={ agent.avatar } />{ ' ' }
									{ agent.name }
								</td>
								<td>
									<code>@{ agent.login }</code>
								</td>
								<td>
									{ ( agent.roles ?? [] ).join( ', ' ) ||
										'—' }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			<TeamsManager
				agents={ agents ?? [] }
				canManage={ !! overview?.capabilities.manage }
			/>
		</div>
	);
}
