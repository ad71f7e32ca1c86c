/**
 * Runs once before the Playwright projects, as Gutenberg's does: logs the admin in through the
 * REST-aware RequestUtils and writes the storage state every `test` fixture starts from.
 */

/**
 * External dependencies
 */
import type { FullConfig } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

async function globalSetup( config: FullConfig ): Promise< void > {
	const { baseURL } = config.projects[ 0 ].use;
	const storageStatePath = process.env.STORAGE_STATE_PATH;

	const requestUtils = await RequestUtils.setup( {
		baseURL,
		user: { username: 'admin', password: 'password' },
		storageStatePath,
	} );

	// Logs in (cookies + REST nonce), saves the storage state, discovers the REST root.
	await requestUtils.setupRest();
	await requestUtils.request.dispose();
}

export default globalSetup;
