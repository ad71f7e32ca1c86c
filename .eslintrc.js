/**
 * ESLint: WordPress's recommended rules (what `wp-scripts lint-js` uses by default), plus
 * command-line scripts and tests may print.
 */
module.exports = {
	root: true,
	extends: [ 'plugin:@wordpress/eslint-plugin/recommended' ],
	overrides: [
		{
			files: [ 'bin/**/*.{js,mjs,ts}' ],
			rules: {
				'no-console': 'off',
			},
		},
	],
};
