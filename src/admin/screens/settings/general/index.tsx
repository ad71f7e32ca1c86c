/**
 * Settings → General: the overview, the support page, the search index, and the agent's own
 * preferences (stored in the browser).
 */

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import OverviewCard from '../../../components/overview-card';
import SupportPageSetting from '../../../components/support-page-setting';
import SearchIndexTool from '../../../components/search-index-tool';
import {
	getPreferences,
	setPreferences,
	type Preferences,
} from '../../../preferences';

export default function GeneralTab() {
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
