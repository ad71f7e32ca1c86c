/**
 * Settings: canned responses, tags, the team, general options. Tabs are linkable (`&tab=`).
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	SelectControl,
	TabPanel,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { Suspense, lazy, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { navigate, type Route } from '../../router';
import CannedResponsesManager from '../../components/canned-responses-manager';
import MailboxesSettings from '../../components/mailboxes-settings';
import OverviewCard from '../../components/overview-card';
import SupportPageSetting from '../../components/support-page-setting';
import SearchIndexTool from '../../components/search-index-tool';
import KbInsights from '../../components/kb-insights';
import TeamsManager from '../../components/teams-manager';
import ErrorNotice from '../../components/error-notice';
import Loading from '../../components/loading';
import { TagChip } from '../../components/ticket-badges';
import Avatar from '../../components/avatar';
import {
	getPreferences,
	setPreferences,
	type Preferences,
} from '../../preferences';
import { toApiError } from '../../../shared/api/errors';
import './style.scss';

const ChatSettingsTab = lazy(
	() =>
		import(
			/* webpackChunkName: "chat-settings" */ '../../components/chat-settings'
		)
);

function TagsTab() {
	const { tags, error } = useSelect(
		( select ) => ( {
			tags: select( coreStore ).getTags(),
			error: select( coreStore ).getTagsError(),
		} ),
		[]
	);
	const { createTag, refreshTags, createNotice } = useDispatch( coreStore );
	const [ name, setName ] = useState( '' );
	const [ color, setColor ] = useState( '#2271b1' );
	const [ busy, setBusy ] = useState( false );

	return (
		<div className="switchboard-settings__tags">
			<form
				className="switchboard-settings__inline-form"
				onSubmit={ async ( event ) => {
					event.preventDefault();
					setBusy( true );
					try {
						await createTag( name.trim(), color );
						setName( '' );
						createNotice(
							'success',
							__( 'Tag added.', 'switchboard' )
						);
					} catch ( e ) {
						createNotice( 'error', toApiError( e ).message );
					} finally {
						setBusy( false );
					}
				} }
			>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'New tag', 'switchboard' ) }
					value={ name }
					onChange={ setName }
				/>
				<div className="components-base-control">
					<label
						className="components-base-control__label"
						htmlFor="switchboard-tag-color"
					>
						{ __( 'Color', 'switchboard' ) }
					</label>
					<input
						id="switchboard-tag-color"
						type="color"
						value={ color }
						onChange={ ( event ) => setColor( event.target.value ) }
					/>
				</div>
				<Button
					variant="primary"
					type="submit"
					__next40pxDefaultSize
					disabled={ busy || ! name.trim() }
					isBusy={ busy }
				>
					{ __( 'Add tag', 'switchboard' ) }
				</Button>
			</form>
			{ error && ! tags && (
				<ErrorNotice error={ error } onRetry={ () => refreshTags() } />
			) }
			{ ! tags && ! error && <Loading /> }
			{ tags && tags.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No tags yet.', 'switchboard' ) }
				</div>
			) }
			{ tags && tags.length > 0 && (
				<ul className="switchboard-settings__tag-list">
					{ tags.map( ( tag ) => (
						<li key={ tag.id }>
							<TagChip name={ tag.name } color={ tag.color } />{ ' ' }
							<code>{ tag.slug }</code>
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}

function TeamTab() {
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

function GeneralTab() {
	const [ prefs, setPrefs ] = useState< Preferences >( getPreferences() );
	return (
		<div className="switchboard-settings__general">
			<OverviewCard />
			<SupportPageSetting />
			<SearchIndexTool />
			<h3>{ __( 'Your preferences', 'switchboard' ) }</h3>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __(
					'After sending a reply, set the ticket to',
					'switchboard'
				) }
				value={ prefs.afterReplyStatus }
				options={ [
					{
						value: '',
						label: __( 'Keep its status', 'switchboard' ),
					},
					{
						value: 'pending',
						label: __(
							'Pending (waiting for the customer)',
							'switchboard'
						),
					},
					{ value: 'solved', label: __( 'Solved', 'switchboard' ) },
				] }
				onChange={ ( value: string ) =>
					setPrefs(
						setPreferences( {
							afterReplyStatus:
								value as Preferences[ 'afterReplyStatus' ],
						} )
					)
				}
				help={ __( 'Stored in this browser.', 'switchboard' ) }
			/>
		</div>
	);
}

export default function SettingsScreen( { route }: { route: Route } ) {
	const canManage = useSelect(
		( select ) => !! select( coreStore ).getOverview()?.capabilities.manage,
		[]
	);
	const tabs = [
		{ name: 'canned', title: __( 'Canned responses', 'switchboard' ) },
		{ name: 'tags', title: __( 'Tags', 'switchboard' ) },
		{ name: 'team', title: __( 'Team', 'switchboard' ) },
		...( canManage
			? [
					{
						name: 'mailboxes',
						title: __( 'Mailboxes', 'switchboard' ),
					},
					{ name: 'chat', title: __( 'Chat', 'switchboard' ) },
			  ]
			: [] ),
		{ name: 'general', title: __( 'General', 'switchboard' ) },
		{ name: 'kb', title: __( 'Knowledge base', 'switchboard' ) },
	];
	const initial = tabs.some( ( tab ) => tab.name === route.params.tab )
		? route.params.tab
		: 'canned';
	return (
		<section
			className="switchboard-settings"
			aria-labelledby="switchboard-settings-title"
		>
			<h2
				id="switchboard-settings-title"
				className="switchboard-settings__title"
			>
				{ __( 'Settings', 'switchboard' ) }
			</h2>
			<TabPanel
				// Manager tabs arrive with the overview: remount then, so a link to one of them
				// (`&tab=mailboxes`) opens it instead of falling back to the first tab.
				key={ canManage ? 'manager' : 'agent' }
				tabs={ tabs }
				initialTabName={ initial }
				onSelect={ ( tab: string ) =>
					navigate( { screen: 'settings', tab }, { replace: true } )
				}
			>
				{ ( tab ) => (
					<div className="switchboard-settings__panel">
						{ tab.name === 'canned' && <CannedResponsesManager /> }
						{ tab.name === 'tags' && <TagsTab /> }
						{ tab.name === 'team' && <TeamTab /> }
						{ tab.name === 'mailboxes' && <MailboxesSettings /> }
						{ tab.name === 'chat' && (
							<Suspense fallback={ <Loading /> }>
								<ChatSettingsTab />
							</Suspense>
						) }
						{ tab.name === 'general' && <GeneralTab /> }
						{ tab.name === 'kb' && <KbInsights /> }
					</div>
				) }
			</TabPanel>
		</section>
	);
}
