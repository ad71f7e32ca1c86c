/**
 * External dependencies
 */
const path = require( 'path' );

/**
 * WordPress dependencies
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const WooCommerceDependencyExtractionWebpackPlugin = require( '@woocommerce/dependency-extraction-webpack-plugin' );

/*
 * @wordpress/scripts' config, with:
 * - our entry points (the admin SPA, and later the My Account UI, the storefront widget, blocks),
 * - output into plugin/build (the distributable plugin folder),
 * - WooCommerce's dependency extraction, which externalizes @woocommerce/* to WooCommerce's
 *   scripts (wc-components, …) on top of @wordpress/* → wp.*.
 */
module.exports = {
	...defaultConfig,
	entry: {
		// The helpdesk SPA in wp-admin.
		admin: './src/admin/index.tsx',
		// Storefront: FAQ accordion filter, KB search and deflection (no React).
		front: './src/blocks/front.ts',
		// Block editor registrations of the FAQ, KB search and contact form blocks.
		'blocks-editor': './src/blocks/editor.tsx',
		// The contact form's enhancements (suggestions while typing, REST submit).
		contact: './src/widget/contact/index.ts',
		// Storefront chat launcher (vanilla TS); the panel is a lazy chunk.
		'chat-widget': './src/widget/chat/index.ts',
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'plugin/build' ),
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) =>
				plugin.constructor.name !== 'DependencyExtractionWebpackPlugin'
		),
		new WooCommerceDependencyExtractionWebpackPlugin(),
	],
};
