<?php
/**
 * Script and style handles of the storefront and block editor bundles.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * Registers the handles built by @wordpress/scripts into plugin/build (each entry has a
 * `<name>.asset.php` with its dependencies and version). Nothing is enqueued here: a shortcode
 * or block enqueues what it renders, so pages without help content load nothing of ours.
 *
 * - switchboard-front: KB search suggestions, helpful votes, FAQ filter (vanilla, no React).
 * - switchboard-blocks-editor: the editor side of the FAQ, KB search and contact form blocks.
 */
final class Assets {

	public const FRONT  = 'switchboard-front';
	public const EDITOR = 'switchboard-blocks-editor';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_assets' ), 5 );
	}

	/**
	 * Registers the handles that exist in the build.
	 */
	public function register_assets(): void {
		self::register_entry( self::FRONT, 'front', array(), true );
		self::register_entry( self::EDITOR, 'blocks-editor', array( 'wp-blocks', 'wp-block-editor', 'wp-server-side-render', 'wp-components', 'wp-element', 'wp-i18n' ), false );
		if ( wp_script_is( self::EDITOR, 'registered' ) ) {
			wp_set_script_translations( self::EDITOR, 'switchboard', SWITCHBOARD_PATH . '/languages' );
		}
	}

	/**
	 * Registers one build entry's script (and its CSS, if the entry has one).
	 *
	 * @param string   $handle     Handle.
	 * @param string   $entry      Webpack entry name.
	 * @param string[] $extra_deps Dependencies the extraction plugin cannot see (globals).
	 * @param bool     $front      Whether it is a storefront script (loaded deferred in the footer).
	 */
	public static function register_entry( string $handle, string $entry, array $extra_deps, bool $front ): bool {
		$dir   = SWITCHBOARD_PATH . '/build/';
		$asset = $dir . $entry . '.asset.php';
		if ( ! is_readable( $asset ) ) {
			return false;
		}
		$meta = require $asset;
		$deps = array_values( array_unique( array_merge( (array) ( $meta['dependencies'] ?? array() ), $extra_deps ) ) );
		$ver  = (string) ( $meta['version'] ?? SWITCHBOARD_VERSION );
		$url  = plugins_url( 'build/', SWITCHBOARD_FILE );

		wp_register_script(
			$handle,
			$url . $entry . '.js',
			$deps,
			$ver,
			$front ? array(
				'in_footer' => true,
				'strategy'  => 'defer',
			) : array( 'in_footer' => false )
		);
		foreach ( array( 'style-' . $entry . '.css', $entry . '.css' ) as $css ) {
			if ( is_readable( $dir . $css ) ) {
				wp_register_style( $handle, $url . $css, array(), $ver );
				wp_style_add_data( $handle, 'rtl', 'replace' );
				break;
			}
		}
		return true;
	}

	/**
	 * Enqueues the storefront bundle with the REST settings it needs.
	 */
	public static function enqueue_front(): void {
		if ( ! wp_script_is( self::FRONT, 'registered' ) ) {
			return;
		}
		wp_enqueue_script( self::FRONT );
		wp_enqueue_style( self::FRONT );
		self::print_settings( self::FRONT );
	}

	/**
	 * Adds `window.switchboardFront` (REST root, nonce when logged in) once per handle.
	 */
	public static function print_settings( string $handle ): void {
		static $done = array();
		if ( isset( $done[ $handle ] ) ) {
			return;
		}
		$done[ $handle ] = true;
		$settings        = array(
			'root'  => esc_url_raw( rest_url( 'switchboard/v1/' ) ),
			'nonce' => is_user_logged_in() ? wp_create_nonce( 'wp_rest' ) : '',
		);
		wp_add_inline_script( $handle, 'window.switchboardFront = window.switchboardFront || ' . wp_json_encode( $settings ) . ';', 'before' );
	}
}
