/**
 * Settings: canned responses, tags, the team, mailboxes and chat (managers), general options and
 * the knowledge base. Tabs are linkable (`&tab=`); each tab lives in its own folder and chunk,
 * loaded when it is opened.
 */

/**
 * WordPress dependencies
 */
import { TabPanel } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { Suspense, lazy } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { navigate, type Route } from '../../router';
import Loading from '../../components/loading';
import './style.scss';

const TABS = {
	canned: lazy(
		() => import( /* webpackChunkName: "settings-canned" */ './canned' )
	),
	tags: lazy(
		() => import( /* webpackChunkName: "settings-tags" */ './tags' )
	),
	team: lazy(
		() => import( /* webpackChunkName: "settings-team" */ './team' )
	),
	mailboxes: lazy(
		() =>
			import( /* webpackChunkName: "settings-mailboxes" */ './mailboxes' )
	),
	chat: lazy(
		() => import( /* webpackChunkName: "chat-settings" */ './chat' )
	),
	general: lazy(
		() => import( /* webpackChunkName: "settings-general" */ './general' )
	),
	kb: lazy( () => import( /* webpackChunkName: "settings-kb" */ './kb' ) ),
};

type TabName = keyof typeof TABS;

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
				{ ( tab ) => {
					const Tab = TABS[ tab.name as TabName ];
					return (
						<div className="switchboard-settings__panel">
							<Suspense fallback={ <Loading /> }>
								<Tab />
							</Suspense>
						</div>
					);
				} }
			</TabPanel>
		</section>
	);
}
