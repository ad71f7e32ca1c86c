<?php
/**
 * Installs and configures a runtime WordPress site from the command line (there is no WP-CLI).
 *
 * Usage: SWITCHBOARD_URL=http://localhost:8888 php bin/wp-install.php <site-dir> <step> [arg]
 *
 * Steps, each run in its own PHP process by bin/runtime.sh so that a plugin that dies while
 * loading cannot take the earlier steps with it. Every step is idempotent.
 *
 *   core               install WordPress when it is not installed yet, pretty permalinks
 *   activate <plugin>  activate a plugin (e.g. woocommerce/woocommerce.php) unless active
 *   woocommerce        store basics, WooCommerce pages, no onboarding, no coming-soon mode
 *   finalize           demo users and roles, rewrite rules
 *   check <plugin>...  prints SWITCHBOARD_CHECK_OK when nothing above (nor the demo seed) has
 *                      anything left to do with these plugins wanted active: the fast path of
 *                      a second `up`
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

const SWITCHBOARD_SITE_TITLE  = 'Switchboard Demo';
const SWITCHBOARD_ADMIN_EMAIL = 'admin@example.com';
const SWITCHBOARD_PASSWORD    = 'password';

if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bin/wp-install.php <site-dir> core|activate <plugin>|woocommerce|finalize\n" );
	exit( 2 );
}

$switchboard_site_dir = rtrim( $argv[1], '/' );
$switchboard_step     = $argv[2];
$switchboard_arg      = $argv[3] ?? '';

require __DIR__ . '/lib/cli-server-vars.php';

if ( 'core' === $switchboard_step ) {
	define( 'WP_INSTALLING', true );

	/**
	 * No "your new site" e-mail: there is no mail transport on a developer machine.
	 * (Pluggable: upgrade.php only defines it when it does not exist.)
	 */
	function wp_new_blog_notification(): void {
	}
}

/*
 * WooCommerce 10's first load after activation schedules Jetpack's nonce clean-up at
 * plugins_loaded, which translates a cron schedule name before `init`: a one-time
 * "_load_textdomain_just_in_time was called incorrectly" notice that is WooCommerce's own.
 * Installation steps keep it out of the fresh site's debug.log (hooked before WordPress loads,
 * in the form WP_Hook::build_preinitialized_hooks() accepts).
 */
// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- set before WordPress loads, which turns it into a WP_Hook.
$GLOBALS['wp_filter']['doing_it_wrong_trigger_error'][10]['switchboard_install'] = array(
	'function'      => static function ( $trigger, $function_name = '', $message = '' ) {
		if ( '_load_textdomain_just_in_time' === $function_name && str_contains( (string) $message, '<code>woocommerce</code>' ) ) {
			return false;
		}
		return $trigger;
	},
	'accepted_args' => 3,
);

// File scope on purpose: WordPress must load in the global scope.
require $switchboard_site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

ini_set( 'display_errors', 'stderr' );

/**
 * Prints a progress line.
 *
 * @param string $message The message.
 */
function switchboard_say( string $message ): void {
	fwrite( STDOUT, '[switchboard] ' . $message . "\n" );
}

/**
 * Prints an error and exits.
 *
 * @param string $message The message.
 */
function switchboard_fail( string $message ): never {
	fwrite( STDERR, '[switchboard] ERROR: ' . $message . "\n" );
	exit( 1 );
}

/**
 * Installs WordPress unless it is installed; sets pretty permalinks.
 */
function switchboard_step_core(): void {
	global $wp_rewrite;

	if ( ! is_blog_installed() ) {
		switchboard_say( 'installing WordPress ' . get_bloginfo( 'version' ) );
		$result = wp_install( SWITCHBOARD_SITE_TITLE, 'admin', SWITCHBOARD_ADMIN_EMAIL, true, '', SWITCHBOARD_PASSWORD );
		if ( empty( $result['user_id'] ) ) {
			switchboard_fail( 'wp_install() did not create the admin user' );
		}
		update_option( 'blogdescription', 'An omnichannel helpdesk inside WooCommerce' );
		update_option( 'timezone_string', 'UTC' );
		// No "is this still your e-mail address?" interstitial after logging in.
		update_option( 'admin_email_lifespan', 4102444800 );
	}

	if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
		$wp_rewrite->set_permalink_structure( '/%postname%/' );
		// Rules are rebuilt with the plugins loaded in the finalize step.
		delete_option( 'rewrite_rules' );
	}
}

/**
 * Activates one plugin unless it is active.
 *
 * @param string $plugin Plugin basename, e.g. woocommerce/woocommerce.php.
 */
function switchboard_step_activate( string $plugin ): void {
	if ( '' === $plugin ) {
		switchboard_fail( 'activate: missing plugin basename' );
	}
	if ( is_plugin_active( $plugin ) ) {
		return;
	}
	switchboard_say( 'activating ' . $plugin );
	// Not silent: the plugin's activation hook must run (tables, roles, capabilities).
	$result = activate_plugin( $plugin, '', false, false );
	if ( is_wp_error( $result ) ) {
		// activate_plugin() saves the plugin as active before it complains about output.
		$active = in_array( $plugin, (array) get_option( 'active_plugins', array() ), true );
		if ( 'unexpected_output' === $result->get_error_code() && $active ) {
			fwrite( STDERR, '[switchboard] WARNING: ' . $plugin . ' printed output while activating: ' . trim( wp_strip_all_tags( (string) $result->get_error_data() ) ) . "\n" );
			return;
		}
		switchboard_fail( 'could not activate ' . $plugin . ': ' . $result->get_error_message() );
	}
}

/**
 * WooCommerce: a store that does not nag, with its pages. Options only once (marker), so that
 * later changes made in wp-admin survive `up`.
 */
function switchboard_step_woocommerce(): void {
	if ( ! class_exists( 'WooCommerce' ) || ! class_exists( 'WC_Install' ) ) {
		switchboard_say( 'WooCommerce is not loaded; nothing to configure' );
		return;
	}

	// What WooCommerce does on the first wp-admin request after a new install (HPOS on while there
	// are no orders yet, e-mail improvements, ...): run it now, before the demo orders exist.
	WC_Install::newly_installed();
	// Pages (shop, cart, checkout, my account): creates only what is missing.
	WC_Install::create_pages();
	delete_transient( '_wc_activation_redirect' );

	if ( get_option( 'switchboard_runtime_wc_configured' ) ) {
		return;
	}
	switchboard_say( 'configuring WooCommerce (store address, currency, no onboarding, no coming-soon mode)' );

	$options = array(
		'woocommerce_store_address'                 => '100 Demo Street',
		'woocommerce_store_address_2'               => '',
		'woocommerce_store_city'                    => 'San Francisco',
		'woocommerce_default_country'               => 'US:CA',
		'woocommerce_store_postcode'                => '94103',
		'woocommerce_currency'                      => 'USD',
		'woocommerce_price_num_decimals'            => '2',
		'woocommerce_calc_taxes'                    => 'no',
		'woocommerce_coming_soon'                   => 'no',
		'woocommerce_store_pages_only'              => 'no',
		'woocommerce_onboarding_profile'            => array(
			'skipped'   => true,
			'completed' => true,
		),
		'woocommerce_task_list_hidden'              => 'yes',
		'woocommerce_extended_task_list_hidden'     => 'yes',
		'woocommerce_task_list_reminder_bar_hidden' => 'yes',
		'woocommerce_show_marketplace_suggestions'  => 'no',
		'woocommerce_allow_tracking'                => 'no',
		'woocommerce_enable_guest_checkout'         => 'yes',
		'woocommerce_enable_myaccount_registration' => 'yes',
		// Cash on delivery, so a storefront checkout works without a payment provider.
		'woocommerce_cod_settings'                  => array(
			'enabled'            => 'yes',
			'title'              => 'Cash on delivery',
			'description'        => 'Pay with cash upon delivery.',
			'instructions'       => 'Pay with cash upon delivery.',
			'enable_for_methods' => array(),
			'enable_for_virtual' => 'yes',
		),
	);
	foreach ( $options as $name => $value ) {
		update_option( $name, $value );
	}
	update_option( 'switchboard_runtime_wc_configured', time() );
}

/**
 * Makes sure a demo user exists with the password "password" and the wanted role.
 *
 * @param string   $login      Login.
 * @param string   $email      E-mail.
 * @param string   $first      First name.
 * @param string   $last       Last name.
 * @param string   $role       Wanted role.
 * @param string   $fallback   Role to use while the wanted role does not exist.
 * @param string[] $upgradable Roles that may be replaced by the wanted role once it exists.
 */
function switchboard_ensure_user( string $login, string $email, string $first, string $last, string $role, string $fallback, array $upgradable ): void {
	$target = null !== get_role( $role ) ? $role : $fallback;
	$user   = get_user_by( 'login', $login );

	if ( false === $user ) {
		$user_id = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_pass'    => SWITCHBOARD_PASSWORD,
				'user_email'   => $email,
				'first_name'   => $first,
				'last_name'    => $last,
				'display_name' => trim( $first . ' ' . $last ),
				'nickname'     => $first,
				'role'         => $target,
			)
		);
		if ( is_wp_error( $user_id ) ) {
			switchboard_fail( 'could not create user ' . $login . ': ' . $user_id->get_error_message() );
		}
		switchboard_say( sprintf( 'created user %s (%s)', $login, $target ) );
		return;
	}

	// Tests and people rely on "password"; put it back if it was changed.
	if ( ! wp_check_password( SWITCHBOARD_PASSWORD, $user->user_pass, $user->ID ) ) {
		wp_set_password( SWITCHBOARD_PASSWORD, $user->ID );
	}
	if ( ! in_array( $target, (array) $user->roles, true ) ) {
		$current = (array) $user->roles;
		if ( array() === $current || array() !== array_intersect( $current, $upgradable ) ) {
			$user->set_role( $target );
			switchboard_say( sprintf( 'user %s now has the role %s', $login, $target ) );
		}
	}
}

/**
 * Demo users and roles, rewrite rules.
 */
function switchboard_step_finalize(): void {
	$admin = get_user_by( 'login', 'admin' );
	if ( false !== $admin && ! wp_check_password( SWITCHBOARD_PASSWORD, $admin->user_pass, $admin->ID ) ) {
		wp_set_password( SWITCHBOARD_PASSWORD, $admin->ID );
	}
	if ( false !== $admin ) {
		update_user_meta( $admin->ID, 'first_name', 'Ada' );
		update_user_meta( $admin->ID, 'last_name', 'Admin' );
	}

	// The switchboard_agent role is registered by the plugin on activation; until it exists the
	// agent is a subscriber and is promoted on a later run.
	switchboard_ensure_user( 'agent', 'agent@example.com', 'Agnes', 'Agent', 'switchboard_agent', 'subscriber', array( 'subscriber' ) );
	// WooCommerce adds the customer role.
	switchboard_ensure_user( 'alice', 'alice@example.com', 'Alice', 'Anderson', 'customer', 'subscriber', array( 'subscriber' ) );
	switchboard_ensure_user( 'bob', 'bob@example.com', 'Bob', 'Brown', 'customer', 'subscriber', array( 'subscriber' ) );

	flush_rewrite_rules( false );
}

/**
 * Whether the site is complete: installed, the given plugins active, users with their roles,
 * WooCommerce configured, demo data seeded.
 *
 * @param string[] $plugins Plugin basenames that should be active.
 */
function switchboard_step_check( array $plugins ): bool {
	if ( ! is_blog_installed() || '/%postname%/' !== get_option( 'permalink_structure' ) ) {
		return false;
	}
	foreach ( $plugins as $plugin ) {
		if ( ! is_plugin_active( $plugin ) ) {
			return false;
		}
	}
	if ( class_exists( 'WooCommerce' ) && ! get_option( 'switchboard_runtime_wc_configured' ) ) {
		return false;
	}
	$roles = array(
		'admin' => 'administrator',
		'agent' => null !== get_role( 'switchboard_agent' ) ? 'switchboard_agent' : 'subscriber',
		'alice' => null !== get_role( 'customer' ) ? 'customer' : 'subscriber',
		'bob'   => null !== get_role( 'customer' ) ? 'customer' : 'subscriber',
	);
	foreach ( $roles as $login => $role ) {
		$user = get_user_by( 'login', $login );
		if ( false === $user || ! in_array( $role, (array) $user->roles, true ) ) {
			return false;
		}
	}
	$seed = get_option( 'switchboard_demo_seed', array() );
	$seed = is_array( $seed ) ? $seed : array();
	if ( function_exists( 'wc_create_order' ) && empty( $seed['woocommerce'] ) ) {
		return false;
	}
	if ( has_action( 'switchboard_seed_demo' ) && empty( $seed['switchboard'] ) ) {
		return false;
	}
	return true;
}

switch ( $switchboard_step ) {
	case 'check':
		// WordPress exits quietly (status 0) when it is not installed: hence the marker line.
		if ( switchboard_step_check( array_slice( $argv, 3 ) ) ) {
			fwrite( STDOUT, "SWITCHBOARD_CHECK_OK\n" );
		}
		break;
	case 'core':
		switchboard_step_core();
		break;
	case 'activate':
		switchboard_step_activate( $switchboard_arg );
		break;
	case 'woocommerce':
		switchboard_step_woocommerce();
		break;
	case 'finalize':
		switchboard_step_finalize();
		break;
	default:
		switchboard_fail( 'unknown step: ' . $switchboard_step );
}
