/**
 * WordPress dependencies
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	setupFilesAfterEnv: [
		...( defaultConfig.setupFilesAfterEnv || [] ),
		'<rootDir>/tests/jest-setup.ts',
	],
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/tests/',
		'<rootDir>/.runtime/',
		'<rootDir>/plugin/',
		'<rootDir>/vendor/',
	],
};
