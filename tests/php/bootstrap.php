<?php
/**
 * PHPUnit bootstrap.
 *
 * The `unit` suite needs nothing but Composer's autoloader. The `integration` suite runs inside
 * WordPress against the real MariaDB of the local runtime (`bash bin/runtime.sh up test`), in a
 * database of its own, `switchboard_phpunit`, so that tests never touch the dev or test sites:
 *
 * - site dir .runtime/phpunit: hard links to the runtime's WordPress core (.runtime/wordpress-core),
 *   a generated wp-config.php, wp-content/plugins/switchboard → plugin/ (and woocommerce →
 *   WC_PLUGIN_DIR);
 * - WordPress is installed into the database on the first run, in a separate PHP process
 *   (bin/lib-test/phpunit-install.php); SWITCHBOARD_PHPUNIT_RESET=1 drops the tables first;
 * - WordPress is loaded with Switchboard (and WooCommerce when WC_PLUGIN_DIR is set, or when the
 *   test site links it; SWITCHBOARD_TESTS_WOOCOMMERCE=0 leaves it out) as the active plugins;
 *   then WooCommerce's and Switchboard's installers run.
 *
 * Tests extend Switchboard\Tests\TestCase, which wraps each test in a transaction.
 * Only the unit suite: `vendor/bin/phpunit --testsuite unit` (or SWITCHBOARD_TESTS_WORDPRESS=0).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';

const SWITCHBOARD_TESTS_REPO = __DIR__ . '/../..';

/**
 * Whether this PHPUnit run includes integration tests (WordPress is loaded only then).
 */
function switchboard_tests_need_wordpress(): bool {
	$env = getenv( 'SWITCHBOARD_TESTS_WORDPRESS' );
	if ( false !== $env && '' !== $env ) {
		return '0' !== $env;
	}
	$argv      = $_SERVER['argv'] ?? array();
	$suites    = array();
	$paths     = array();
	$arg_count = count( $argv );
	for ( $i = 1; $i < $arg_count; $i++ ) {
		$arg = (string) $argv[ $i ];
		if ( '--testsuite' === $arg ) {
			$suites[] = (string) ( $argv[ ++$i ] ?? '' );
		} elseif ( str_starts_with( $arg, '--testsuite=' ) ) {
			$suites[] = substr( $arg, 12 );
		} elseif ( ! str_starts_with( $arg, '-' ) && ( is_file( $arg ) || is_dir( $arg ) ) ) {
			$paths[] = $arg;
		}
	}
	if ( $suites ) {
		return str_contains( implode( ',', $suites ), 'integration' );
	}
	foreach ( $paths as $path ) {
		if ( ! str_contains( (string) realpath( $path ), '/tests/php/Unit' ) ) {
			return true;
		}
	}
	return ! $paths;
}

/**
 * Stops the run with a message that says what to do.
 *
 * @param string $message What is wrong.
 */
function switchboard_tests_abort( string $message ): never {
	fwrite( STDERR, "\n[switchboard] PHPUnit integration bootstrap: $message\n\n" );
	exit( 1 );
}

/**
 * Settings of the PHPUnit site: database from the runtime (`.runtime/test/env.sh`), its own name.
 *
 * @return array{repo: string, runtime: string, core: string, site: string, url: string, db_name: string, db_host: string, db_user: string, db_password: string, wc_dir: string}
 */
function switchboard_tests_settings(): array {
	$repo    = (string) realpath( SWITCHBOARD_TESTS_REPO );
	$runtime = getenv( 'SWITCHBOARD_RUNTIME_DIR' ) ? (string) getenv( 'SWITCHBOARD_RUNTIME_DIR' ) : $repo . '/.runtime';

	// The test site's env.sh (export KEY='value' lines) has the database server and account.
	$env      = array();
	$env_file = $runtime . '/test/env.sh';
	if ( is_readable( $env_file ) ) {
		foreach ( (array) file( $env_file, FILE_IGNORE_NEW_LINES ) as $line ) {
			if ( preg_match( "/^export ([A-Z_]+)='(.*)'$/", (string) $line, $m ) ) {
				$env[ $m[1] ] = $m[2];
			}
		}
	}

	// WooCommerce: WC_PLUGIN_DIR, else whatever the test site links (bin/runtime.sh keeps its link);
	// SWITCHBOARD_TESTS_WOOCOMMERCE=0 runs without it either way.
	$wc_dir = (string) getenv( 'WC_PLUGIN_DIR' );
	if ( '0' === getenv( 'SWITCHBOARD_TESTS_WOOCOMMERCE' ) ) {
		$wc_dir = '';
	} elseif ( '' === $wc_dir ) {
		$link   = $runtime . '/test/wp-content/plugins/woocommerce';
		$wc_dir = is_link( $link ) ? (string) realpath( $link ) : '';
	}
	if ( '' !== $wc_dir && ! is_file( $wc_dir . '/woocommerce.php' ) ) {
		switchboard_tests_abort( "WC_PLUGIN_DIR=$wc_dir has no woocommerce.php" );
	}

	return array(
		'repo'        => $repo,
		'runtime'     => $runtime,
		'core'        => $runtime . '/wordpress-core',
		'site'        => $runtime . '/phpunit',
		'url'         => 'http://localhost:8899',
		'db_name'     => getenv( 'SWITCHBOARD_PHPUNIT_DB' ) ? (string) getenv( 'SWITCHBOARD_PHPUNIT_DB' ) : 'switchboard_phpunit',
		'db_host'     => $env['DB_HOST'] ?? '127.0.0.1:3307',
		'db_user'     => $env['DB_USER'] ?? 'switchboard',
		'db_password' => $env['DB_PASSWORD'] ?? 'switchboard',
		'wc_dir'      => '' !== $wc_dir ? (string) realpath( $wc_dir ) : '',
	);
}

/**
 * Replaces a symlink (or creates it) unless it already points at $target.
 *
 * @param string $link   Path of the link.
 * @param string $target What it points to.
 */
function switchboard_tests_link( string $link, string $target ): void {
	if ( is_link( $link ) && readlink( $link ) === $target ) {
		return;
	}
	if ( is_link( $link ) || is_file( $link ) ) {
		unlink( $link );
	}
	if ( ! symlink( $target, $link ) ) {
		switchboard_tests_abort( "could not link $link to $target" );
	}
}

/**
 * Lays out .runtime/phpunit: core (hard links), wp-config.php, plugin links.
 *
 * @param array<string, string> $s Settings.
 */
function switchboard_tests_layout( array $s ): void {
	$core_marker = $s['core'] . '/.switchboard-core';
	if ( ! is_file( $s['core'] . '/wp-settings.php' ) || ! is_file( $core_marker ) ) {
		switchboard_tests_abort( "no WordPress core in {$s['core']}: run `bash bin/runtime.sh up test` first (or `npm run test:php`)." );
	}
	$site = $s['site'];
	if ( ! is_dir( $site ) && ! mkdir( $site, 0755, true ) ) {
		switchboard_tests_abort( "could not create $site" );
	}
	$core_version = trim( (string) file_get_contents( $core_marker ) );
	$site_version = is_file( $site . '/.switchboard-core' ) ? trim( (string) file_get_contents( $site . '/.switchboard-core' ) ) : '';
	if ( $core_version !== $site_version ) {
		$cmd = sprintf(
			'cp -alf %1$s/. %2$s/ 2>/dev/null || cp -af %1$s/. %2$s/',
			escapeshellarg( $s['core'] ),
			escapeshellarg( $site )
		);
		exec( $cmd, $output, $rc ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
		if ( 0 !== $rc ) {
			switchboard_tests_abort( "could not copy the WordPress core to $site" );
		}
	}
	foreach ( array( '/wp-content/plugins', '/wp-content/uploads', '/wp-content/upgrade' ) as $dir ) {
		if ( ! is_dir( $site . $dir ) ) {
			mkdir( $site . $dir, 0755, true );
		}
	}

	switchboard_tests_link( $site . '/wp-content/plugins/switchboard', $s['repo'] . '/plugin' );
	$wc_link = $site . '/wp-content/plugins/woocommerce';
	if ( '' !== $s['wc_dir'] ) {
		switchboard_tests_link( $wc_link, $s['wc_dir'] );
	} elseif ( is_link( $wc_link ) ) {
		unlink( $wc_link );
	}

	$salts_file = $site . '/salts.php';
	if ( ! is_file( $salts_file ) ) {
		$salts = "<?php\n";
		foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $name ) {
			$salts .= sprintf( "define( '%s', '%s' );\n", $name, bin2hex( random_bytes( 32 ) ) );
		}
		file_put_contents( $salts_file, $salts );
	}

	$config      = sprintf(
		<<<'PHP'
<?php
/**
 * WordPress configuration of the PHPUnit integration site. Written by tests/php/bootstrap.php on
 * every run: edits here are lost.
 */

define( 'DB_NAME', %s );
define( 'DB_USER', %s );
define( 'DB_PASSWORD', %s );
define( 'DB_HOST', %s );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

$table_prefix = 'wp_';

require __DIR__ . '/salts.php';

define( 'WP_HOME', %s );
define( 'WP_SITEURL', %s );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
// Tests never reach the network.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'SWITCHBOARD_RUNTIME_ENV', 'phpunit' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';

PHP,
		var_export( $s['db_name'], true ),
		var_export( $s['db_user'], true ),
		var_export( $s['db_password'], true ),
		var_export( $s['db_host'], true ),
		var_export( $s['url'], true ),
		var_export( $s['url'], true )
	);
	$config_file = $site . '/wp-config.php';
	if ( ! is_file( $config_file ) || file_get_contents( $config_file ) !== $config ) {
		file_put_contents( $config_file, $config );
	}
}

/**
 * Creates the database when missing; drops its tables when SWITCHBOARD_PHPUNIT_RESET=1.
 * Returns whether WordPress is installed in it.
 *
 * @param array<string, string> $s Settings.
 */
function switchboard_tests_database( array $s ): bool {
	// Before WordPress exists there is no $wpdb: plain mysqli.
	// phpcs:disable WordPress.DB.RestrictedFunctions
	mysqli_report( MYSQLI_REPORT_OFF );
	$host_port = explode( ':', $s['db_host'], 2 );
	$host      = $host_port[0];
	$port      = (int) ( $host_port[1] ?? 3306 );
	$db        = mysqli_init();
	// phpcs:enable
	if ( ! $db || ! @$db->real_connect( $host, $s['db_user'], $s['db_password'], '', $port ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
		switchboard_tests_abort( "cannot connect to MariaDB at {$s['db_host']} as {$s['db_user']}: start it with `bash bin/runtime.sh up test`." );
	}
	$name = $db->real_escape_string( $s['db_name'] );
	if ( ! $db->query( "CREATE DATABASE IF NOT EXISTS `$name` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ) ) {
		switchboard_tests_abort( "cannot create database {$s['db_name']}: " . $db->error );
	}
	$db->select_db( $s['db_name'] );

	if ( '1' === getenv( 'SWITCHBOARD_PHPUNIT_RESET' ) ) {
		fwrite( STDERR, "[switchboard] SWITCHBOARD_PHPUNIT_RESET=1: dropping every table of {$s['db_name']}\n" );
		$db->query( 'SET FOREIGN_KEY_CHECKS = 0' );
		$tables = $db->query( 'SHOW TABLES' );
		foreach ( $tables ? $tables->fetch_all() : array() as $row ) {
			$db->query( 'DROP TABLE IF EXISTS `' . $db->real_escape_string( (string) $row[0] ) . '`' );
		}
		$db->query( 'SET FOREIGN_KEY_CHECKS = 1' );
	}

	$result    = $db->query( "SELECT option_value FROM wp_options WHERE option_name = 'siteurl'" );
	$installed = $result && $result->num_rows > 0;
	$db->close();
	return $installed;
}

/**
 * Runs the one-time WordPress installation in its own PHP process (WP_INSTALLING must be defined
 * before WordPress loads, which is not how the tests want it).
 *
 * @param array<string, string> $s Settings.
 */
function switchboard_tests_install( array $s ): void {
	fwrite( STDERR, "[switchboard] installing WordPress into {$s['db_name']} (first run)\n" );
	$cmd = sprintf(
		'%s -d memory_limit=512M %s %s %s 2>&1',
		escapeshellarg( PHP_BINARY ),
		escapeshellarg( $s['repo'] . '/bin/lib-test/phpunit-install.php' ),
		escapeshellarg( $s['site'] ),
		escapeshellarg( $s['url'] )
	);
	exec( $cmd, $output, $rc ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
	if ( 0 !== $rc ) {
		switchboard_tests_abort( "installing WordPress failed:\n" . implode( "\n", $output ) );
	}
}

/**
 * Hooks that must exist before WordPress loads: the active plugins and a few test settings.
 * (The format of $wp_filter before plugin.php turns it into WP_Hook objects.)
 *
 * @param array<string, string> $s Settings.
 * @return array<string, array<int, array<int, array{function: callable, accepted_args: int}>>>
 */
function switchboard_tests_early_hooks( array $s ): array {
	$plugins = array();
	if ( '' !== $s['wc_dir'] ) {
		$plugins[] = 'woocommerce/woocommerce.php';
	}
	$plugins[] = 'switchboard/switchboard.php';

	$hook = static fn ( callable $fn, int $args = 1 ): array => array(
		10 => array(
			array(
				'function'      => $fn,
				'accepted_args' => $args,
			),
		),
	);

	return array(
		// Exactly these plugins, whatever the database says.
		'pre_option_active_plugins'               => $hook( static fn (): array => $plugins ),
		'setup_theme'                             => $hook( 'switchboard_tests_install_woocommerce', 0 ),
		// The test Dovecot and SMTP sink listen on 127.0.0.1 (HostGuardTest switches this off).
		'switchboard_mailbox_allow_private_hosts' => $hook( static fn (): bool => true ),
		// No mail leaves the machine; TestCase::sent_mail() reads what would have been sent.
		'pre_wp_mail'                             => $hook(
			static function ( $ret, array $atts ) {
				$GLOBALS['switchboard_tests_mail'][] = $atts;
				return true;
			},
			2
		),
	);
}

/**
 * On `setup_theme` (after plugins load, before `init` where WooCommerce starts querying its
 * tables): installs or upgrades WooCommerce's tables, as WooCommerce's own test bootstrap does.
 */
function switchboard_tests_install_woocommerce(): void {
	if ( ! class_exists( 'WooCommerce', false ) || ! class_exists( 'WC_Install' ) ) {
		return;
	}
	if ( get_option( 'woocommerce_version' ) === WC()->version && get_option( 'woocommerce_db_version' ) === WC()->version ) {
		return;
	}
	fwrite( STDERR, '[switchboard] installing WooCommerce ' . WC()->version . " into the PHPUnit database\n" );
	WC_Install::install();
	update_option( 'woocommerce_db_version', WC()->version );
	// WC_Install added roles and capabilities after WordPress loaded them.
	$GLOBALS['wp_roles'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	wp_roles();
}

/**
 * After WordPress loaded: runs Switchboard's installer (tables, roles, capabilities).
 */
function switchboard_tests_after_load(): void {
	if ( ! class_exists( \Switchboard\Db\Installer::class ) ) {
		fwrite( STDERR, "[switchboard] Switchboard\\Db\\Installer does not exist yet: tables not installed\n" );
		return;
	}
	\Switchboard\Db\Installer::install();
	wp_roles()->for_site();
}

if ( ! switchboard_tests_need_wordpress() ) {
	return;
}

$switchboard_tests = switchboard_tests_settings();
switchboard_tests_layout( $switchboard_tests );
if ( ! switchboard_tests_database( $switchboard_tests ) ) {
	switchboard_tests_install( $switchboard_tests );
}

// What a web request would have; WordPress reads these while loading.
$_SERVER['HTTP_HOST']       = (string) parse_url( $switchboard_tests['url'], PHP_URL_HOST ) . ':' . (string) parse_url( $switchboard_tests['url'], PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = (string) parse_url( $switchboard_tests['url'], PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = (string) parse_url( $switchboard_tests['url'], PHP_URL_PORT );
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

define( 'SWITCHBOARD_TESTS_WOOCOMMERCE', '' !== $switchboard_tests['wc_dir'] );

// PHPUnit includes this file inside a method: WordPress' globals must be declared to be global.
// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer,
	$wp_theme_directories, $wp_filter, $table_prefix, $wp_version, $wp_db_version,
	$wp_plugin_paths, $wp_locale, $wp_embed, $wp_roles, $wp_query, $wp_the_query,
	$wp_widget_factory, $wp_scripts, $wp_styles, $pagenow, $woocommerce;

$wp_filter = switchboard_tests_early_hooks( $switchboard_tests );
// phpcs:enable

require $switchboard_tests['site'] . '/wp-load.php';

switchboard_tests_after_load();
unset( $switchboard_tests );
