/**
 * Playwright for Switchboard: two projects against the running test site (`bash bin/runtime.sh up test`).
 *
 * - `api`: REST black-box tests (tests/api), request fixtures only, no browser.
 * - `e2e`: what people do in the browser (tests/e2e), Debian's Chromium.
 *
 * Run them through `npm run test:api` / `npm run test:e2e` (bin/test.sh), or directly:
 * `npx playwright test --project=api`. Playwright never downloads a browser here.
 */

/**
 * External dependencies
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const baseURL = process.env.WP_BASE_URL || 'http://localhost:8889';
const artifacts = path.join( __dirname, 'artifacts' );

// Read by @wordpress/e2e-test-utils-playwright (its `requestUtils` fixture and config).
process.env.WP_BASE_URL = baseURL;
process.env.STORAGE_STATE_PATH ??= path.join(
	artifacts,
	'storage-states',
	'admin.json'
);

const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-gpu',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export default defineConfig( {
	outputDir: path.join( artifacts, 'test-results' ),
	globalSetup: require.resolve( './tests/e2e/global-setup.ts' ),
	fullyParallel: false,
	forbidOnly: !! process.env.CI,
	retries: 0,
	workers: 1,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		[ 'list' ],
		[
			'junit',
			{
				outputFile: path.join(
					artifacts,
					'junit',
					`${
						process.env.SWITCHBOARD_JUNIT_NAME || 'playwright'
					}.xml`
				),
			},
		],
	],
	use: {
		baseURL,
		trace: 'off',
		screenshot: 'only-on-failure',
		video: 'off',
		locale: 'en-US',
		storageState: process.env.STORAGE_STATE_PATH,
		actionTimeout: 10_000,
		navigationTimeout: 30_000,
	},
	projects: [
		{
			name: 'api',
			testDir: './tests/api',
			testMatch: '**/*.spec.ts',
			use: { storageState: undefined },
		},
		{
			name: 'e2e',
			testDir: './tests/e2e',
			testMatch: '**/*.spec.ts',
			use: {
				browserName: 'chromium',
				viewport: { width: 1280, height: 900 },
				launchOptions: {
					executablePath:
						process.env.CHROMIUM_PATH || '/usr/bin/chromium',
					args: chromiumArgs,
				},
			},
		},
	],
} );
