/**
 * The support page setting (GET/POST /settings/support-page).
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';

export interface SupportPageOption {
	id: number;
	title: string;
	has_screens: boolean;
}

export interface SupportPageSetting {
	page_id: number;
	url: string;
	has_screens: boolean;
	pages: SupportPageOption[];
}

export function fetchSupportPage(): Promise< SupportPageSetting > {
	return get< SupportPageSetting >( '/settings/support-page' );
}

export function saveSupportPage(
	pageId: number
): Promise< SupportPageSetting > {
	return send< SupportPageSetting >( 'POST', '/settings/support-page', {
		page_id: pageId,
	} );
}
