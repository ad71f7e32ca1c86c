<?php
/**
 * The "Support" menu in wp-admin and the SPA it mounts.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Admin;

use Switchboard\Auth\Capabilities;
use Switchboard\Plugin;

/**
 * Adds the menu, enqueues the helpdesk SPA only on its own screen, and preloads its boot data.
 */
final class AdminPage {

	public const SLUG   = 'switchboard';
	public const HANDLE = 'switchboard-admin';

	/**
	 * Screen hook suffix, set when the menu is added.
	 *
	 * @var string
	 */
	private string $hook_suffix = '';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds the top-level "Support" menu next to WooCommerce.
	 */
	public function add_menu(): void {
		$hook = add_menu_page(
			__( 'Switchboard', 'switchboard' ),
			__( 'Support', 'switchboard' ),
			Capabilities::AGENT,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-format-chat',
			56
		);
		$this->hook_suffix = is_string( $hook ) ? $hook : '';
	}

	/**
	 * The SPA's mount point.
	 */
	public function render(): void {
		echo '<div class="wrap switchboard-admin"><div id="switchboard-admin-root">';
		echo '<noscript>' . esc_html__( 'Switchboard needs JavaScript to run.', 'switchboard' ) . '</noscript>';
		echo '</div></div>';
	}

	/**
	 * Enqueues the SPA on its own screen only.
	 *
	 * @param string $hook_suffix Current admin screen.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}

		$asset_file = SWITCHBOARD_PATH . '/build/admin.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			add_action( 'admin_notices', array( $this, 'missing_build_notice' ) );
			return;
		}
		$asset = require $asset_file;

		wp_enqueue_script(
			self::HANDLE,
			plugins_url( 'build/admin.js', SWITCHBOARD_FILE ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::HANDLE, 'switchboard', SWITCHBOARD_PATH . '/languages' );

		if ( is_readable( SWITCHBOARD_PATH . '/build/style-admin.css' ) ) {
			wp_enqueue_style( self::HANDLE, plugins_url( 'build/style-admin.css', SWITCHBOARD_FILE ), array( 'wp-components' ), $asset['version'] );
		} else {
			wp_enqueue_style( 'wp-components' );
		}

		$settings = array(
			'version'           => SWITCHBOARD_VERSION,
			'woocommerceActive' => Plugin::woocommerce_active(),
			'adminUrl'          => admin_url(),
			'pageUrl'           => admin_url( 'admin.php?page=' . self::SLUG ),
		);

		$preload = array_reduce(
			array( '/switchboard/v1/overview' ),
			'rest_preload_api_request',
			array()
		);

		wp_add_inline_script(
			self::HANDLE,
			sprintf(
				'window.switchboardSettings = %1$s; wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %2$s ) );',
				wp_json_encode( $settings ),
				wp_json_encode( $preload )
			),
			'before'
		);
	}

	/**
	 * Shown when the JavaScript was not built (a source checkout without `npm run build`).
	 */
	public function missing_build_notice(): void {
		echo '<div class="notice notice-error"><p>' . esc_html__( 'Switchboard’s scripts are missing. Run “npm run build” in the plugin’s source folder.', 'switchboard' ) . '</p></div>';
	}
}
