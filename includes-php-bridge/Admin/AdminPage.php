<?php
/**
 * The "Support" menu in wp-admin and the SPA it mounts.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Admin;

use Switchboard\Auth\Capabilities;
use Switchboard\Db\Schema;
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
		add_filter( 'woocommerce_prevent_admin_access', array( $this, 'let_agents_in' ) );
	}

	/**
	 * WooCommerce sends users without `edit_posts` from wp-admin to My Account; support agents
	 * (who have only `read` and `switchboard_agent`) must reach the Support screen.
	 *
	 * @param bool $prevent Whether WooCommerce would redirect the user away.
	 */
	public function let_agents_in( $prevent ): bool {
		return (bool) $prevent && ! current_user_can( Capabilities::AGENT );
	}

	/**
	 * Adds the top-level "Support" menu next to WooCommerce.
	 */
	public function add_menu(): void {
		$count = current_user_can( Capabilities::AGENT ) ? $this->attention_count() : 0;
		$badge = sprintf(
			' <span class="awaiting-mod switchboard-menu-count count-%1$d"><span class="count">%2$s</span><span class="screen-reader-text"> %3$s</span></span>',
			$count,
			esc_html( number_format_i18n( $count ) ),
			esc_html(
				/* translators: hidden after the menu count */
				_n( 'open ticket for you', 'open tickets for you', $count, 'switchboard' )
			)
		);
		$hook              = add_menu_page(
			__( 'Switchboard', 'switchboard' ),
			__( 'Support', 'switchboard' ) . $badge,
			Capabilities::AGENT,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-format-chat',
			56
		);
		$this->hook_suffix = is_string( $hook ) ? $hook : '';
	}

	/**
	 * The menu badge: open tickets assigned to the current agent or to nobody (the SPA keeps it
	 * current from /queues: mine + unassigned). One indexed COUNT, cached for a minute.
	 */
	private function attention_count(): int {
		global $wpdb;
		$user_id   = get_current_user_id();
		$cache_key = 'menu_count_' . $user_id;
		$cached    = get_transient( 'switchboard_' . $cache_key );
		if ( false !== $cached ) {
			return (int) $cached;
		}

		$suppress = $wpdb->suppress_errors( true );
		$count    = (int) $wpdb->get_var(
			$wpdb->prepare(
				'SELECT COUNT(*) FROM ' . Schema::table( 'tickets' ) . ' WHERE is_open = 1 AND merged_into = 0 AND assignee_id IN (0, %d)', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name from Schema::table().
				$user_id
			)
		);
		$wpdb->suppress_errors( $suppress );

		/**
		 * Filters the number on the Support menu badge.
		 *
		 * @since 0.1.0
		 *
		 * @param int $count   Open tickets assigned to the agent or unassigned.
		 * @param int $user_id The agent.
		 */
		$count = max( 0, (int) apply_filters( 'switchboard_admin_menu_count', $count, $user_id ) );
		set_transient( 'switchboard_' . $cache_key, $count, MINUTE_IN_SECONDS );
		return $count;
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
			$this->preload_paths(),
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
	 * REST paths the SPA needs on every screen, preloaded into the page so the first paint needs
	 * no request: who is signed in, the sidebar counts, agents and tags for the pickers. Only
	 * routes that exist are preloaded (the preloading middleware would hand a 404 body to the app
	 * as data).
	 *
	 * @return string[]
	 */
	private function preload_paths(): array {
		$paths  = array(
			'/switchboard/v1/overview',
			'/switchboard/v1/queues',
			'/switchboard/v1/agents',
			'/switchboard/v1/tags?per_page=100',
		);
		$routes = rest_get_server()->get_routes( 'switchboard/v1' );
		$paths  = array_values(
			array_filter(
				$paths,
				static fn ( string $path ): bool => isset( $routes[ (string) strtok( $path, '?' ) ] )
			)
		);

		/**
		 * Filters the REST paths preloaded into the Support screen.
		 *
		 * @since 0.1.0
		 *
		 * @param string[] $paths Paths below /wp-json, with query strings as the SPA requests them.
		 */
		return (array) apply_filters( 'switchboard_admin_preload_paths', $paths );
	}

	/**
	 * Shown when the JavaScript was not built (a source checkout without `npm run build`).
	 */
	public function missing_build_notice(): void {
		echo '<div class="notice notice-error"><p>' . esc_html__( 'Switchboard’s scripts are missing. Run “npm run build” in the plugin’s source folder.', 'switchboard' ) . '</p></div>';
	}
}
