<?php
/**
 * Creates and upgrades Switchboard's tables.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db;

use Switchboard\Auth\Capabilities;
use Switchboard\Db\Migrations\Migration;

/**
 * Applies Schema with dbDelta whenever the stored schema version differs, then runs pending
 * data migrations. A MariaDB named lock (GET_LOCK) keeps two requests that notice the new
 * version at the same time from upgrading concurrently.
 */
final class Installer {

	public const VERSION_OPTION    = 'switchboard_db_version';
	public const MIGRATIONS_OPTION = 'switchboard_migrations_done';
	public const DELETE_OPTION     = 'switchboard_delete_data_on_uninstall';
	private const LOCK             = 'switchboard_install';

	/**
	 * Checks the stored version early on every request (an autoloaded option: no query).
	 */
	public function register(): void {
		add_action( 'init', array( self::class, 'maybe_upgrade' ), 1 );
	}

	/**
	 * Activation hook.
	 */
	public static function activate(): void {
		self::install();
	}

	/**
	 * Deactivation hook: unschedules background work; keeps data and roles.
	 */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( 'switchboard_hourly' );
	}

	/**
	 * Upgrades when the code's schema version differs from the stored one.
	 */
	public static function maybe_upgrade(): void {
		if ( get_option( self::VERSION_OPTION ) !== Schema::version() ) {
			self::install();
		}
	}

	/**
	 * Creates/updates tables, runs pending migrations, grants capabilities.
	 *
	 * @return bool False when another process holds the install lock.
	 */
	public static function install(): bool {
		global $wpdb;

		$locked = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', self::lock_name(), 10 ) );
		if ( 1 !== $locked ) {
			return false;
		}

		try {
			// Another process may have finished while we waited for the lock.
			wp_cache_delete( self::VERSION_OPTION, 'options' );
			wp_cache_delete( 'alloptions', 'options' );
			if ( get_option( self::VERSION_OPTION ) === Schema::version() ) {
				return true;
			}

			require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			dbDelta( Schema::get_schema() );

			self::run_migrations();
			Capabilities::grant();
			self::protect_private_uploads();

			update_option( self::VERSION_OPTION, Schema::version(), true );
			add_option( self::DELETE_OPTION, 'no', '', false );

			/**
			 * Fires after Switchboard's schema was created or upgraded.
			 *
			 * @since 0.1.0
			 *
			 * @param string $version The schema version now installed.
			 */
			do_action( 'switchboard_installed', Schema::version() );
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::lock_name() ) );
		}

		return true;
	}

	/**
	 * Runs migrations not yet recorded as done, in version order.
	 */
	public static function run_migrations(): void {
		/**
		 * Filters the data migrations. Each runs once, in version order.
		 *
		 * @since 0.1.0
		 *
		 * @param Migration[] $migrations Migration instances.
		 */
		$migrations = apply_filters( 'switchboard_migrations', self::migrations() );
		usort(
			$migrations,
			static fn ( Migration $a, Migration $b ): int => version_compare( $a->version(), $b->version() )
		);

		$done = get_option( self::MIGRATIONS_OPTION, array() );
		$done = is_array( $done ) ? $done : array();

		foreach ( $migrations as $migration ) {
			if ( in_array( $migration->version(), $done, true ) ) {
				continue;
			}
			$migration->up();
			$done[] = $migration->version();
			update_option( self::MIGRATIONS_OPTION, $done, false );
		}
	}

	/**
	 * The migrations shipped with this version.
	 *
	 * @return Migration[]
	 */
	private static function migrations(): array {
		return array();
	}

	/**
	 * Directory for attachments: outside guessable public URLs (denied to direct web access on
	 * Apache; on nginx the files have random names and are only served through REST).
	 */
	public static function private_dir(): string {
		$uploads = wp_upload_dir( null, false );
		return trailingslashit( $uploads['basedir'] ) . 'switchboard-private';
	}

	/**
	 * Creates the private directory with deny rules and an index.
	 */
	private static function protect_private_uploads(): void {
		$dir = self::private_dir();
		if ( ! wp_mkdir_p( $dir ) ) {
			return;
		}
		if ( ! file_exists( $dir . '/.htaccess' ) ) {
			file_put_contents( $dir . '/.htaccess', "Require all denied\nDeny from all\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
		if ( ! file_exists( $dir . '/index.php' ) ) {
			file_put_contents( $dir . '/index.php', "<?php\n// Silence is golden.\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
	}

	/**
	 * Uninstall: deletes data only when the owner opted in.
	 */
	public static function uninstall(): void {
		global $wpdb;

		if ( 'yes' !== get_option( self::DELETE_OPTION ) ) {
			return;
		}

		foreach ( Schema::tables() as $table ) {
			$wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $wpdb->prefix . $table ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifiers cannot be placeholders; names are our constants.
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'switchboard_' ) . '%' ) );
		Capabilities::revoke();

		require_once ABSPATH . 'wp-admin/includes/class-wp-filesystem-base.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-filesystem-direct.php';
		$dir = self::private_dir();
		if ( is_dir( $dir ) ) {
			( new \WP_Filesystem_Direct( null ) )->rmdir( $dir, true );
		}
	}

	/**
	 * Lock name per database prefix, so multisite subsites do not block each other.
	 */
	private static function lock_name(): string {
		global $wpdb;
		return self::LOCK . '_' . $wpdb->prefix;
	}
}
