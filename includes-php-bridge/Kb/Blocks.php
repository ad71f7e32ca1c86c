<?php
/**
 * Registers Switchboard's dynamic blocks from their block.json.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb;

/**
 * The block.json files live in src/blocks/<name>/ and are copied into plugin/build/blocks/<name>/
 * by the build. Every block is dynamic (rendered by PHP, the same code as its shortcode), so it
 * works even before the editor bundle is built; scripts are referenced by handle (Assets).
 */
final class Blocks {

	/**
	 * Registers one block type with a render callback.
	 *
	 * @param string   $name   Block directory name (block "switchboard/<name>").
	 * @param callable $render Render callback( array $attributes, string $content, \WP_Block $block ).
	 */
	public static function register( string $name, callable $render ): void {
		if ( \WP_Block_Type_Registry::get_instance()->is_registered( 'switchboard/' . $name ) ) {
			return;
		}
		foreach ( array( SWITCHBOARD_PATH . '/build/blocks/' . $name, dirname( SWITCHBOARD_PATH ) . '/src/blocks/' . $name ) as $dir ) {
			if ( is_readable( $dir . '/block.json' ) ) {
				register_block_type( $dir, array( 'render_callback' => $render ) );
				return;
			}
		}
		register_block_type( 'switchboard/' . $name, array( 'render_callback' => $render ) );
	}

	/**
	 * Locates a customer-facing template: the theme's `switchboard/<name>.php` first, then ours.
	 */
	public static function locate_template( string $name ): string {
		$theme = locate_template( array( 'switchboard/' . $name . '.php' ) );
		$file  = '' !== $theme ? $theme : SWITCHBOARD_PATH . '/templates/' . $name . '.php';

		/**
		 * Filters the file of a customer-facing template.
		 *
		 * @since 0.1.0
		 *
		 * @param string $file Absolute path.
		 * @param string $name Template name, e.g. 'kb/helpful' or 'account/ticket'.
		 */
		return (string) apply_filters( 'switchboard_template', $file, $name );
	}

	/**
	 * Renders a template to a string. $args are available as variables inside it.
	 *
	 * @param string               $name Template name.
	 * @param array<string, mixed> $args Variables.
	 */
	public static function render_template( string $name, array $args = array() ): string {
		$file = self::locate_template( $name );
		if ( ! is_readable( $file ) ) {
			return '';
		}
		ob_start();
		( static function ( string $switchboard_file, array $args ): void {
			extract( $args, EXTR_SKIP ); // phpcs:ignore WordPress.PHP.DontExtract
			include $switchboard_file;
		} )( $file, $args );
		return (string) ob_get_clean();
	}
}
