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
use Switchboard\Db\Migrations\MovePrivateUploads;
use Switchboard\Tickets\OrphanAttachments;

/**
 * Applies Schema with dbDelta whenever the stored schema version differs, then runs pending
 * data migrations. A MariaDB named lock (GET_LOCK) keeps two requests that notice the new
 * version at the same time from upgrading concurrently.
 */
final class Installer {

	public const VERSION_OPTION    = 'switchboard_db_version';
	public const MIGRATIONS_OPTION = 'switchboard_migrations_done';
	public const DELETE_OPTION     = 'switchboard_delete_data_on_uninstall';
	public const PRIVATE_OPTION    = 'switchboard_private_dir';
	public const LEGACY_PRIVATE    = 'switchboard-private';
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
		OrphanAttachments::unschedule();
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
			self::private_mkdir( self::private_dir() );

			update_option( self::VERSION_OPTION, Schema::version(), true );
			add_option( self::DELETE_OPTION, 'no', '', false );
			// The chat widget reads its settings on every storefront page: an autoloaded row even
			// before they are first saved, so a missing option never costs a query.
			add_option( \Switchboard\Channels\Chat\Settings::OPTION, array(), '', true );

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
		return array( new MovePrivateUploads() );
	}

	/**
	 * Directory for attachments and raw mail: uploads/switchboard-private-<random>. The name is
	 * made once and kept in an option, so nobody can guess a file's URL even where the web server
	 * ignores the .htaccess inside (nginx, PHP's built-in server); files are only ever served
	 * through the REST API after a permission check.
	 */
	public static function private_dir(): string {
		$uploads = wp_upload_dir( null, false );
		return trailingslashit( $uploads['basedir'] ) . self::private_dir_name();
	}

	/**
	 * The folder name, made on first use (install or upgrade) and then stable.
	 */
	public static function private_dir_name(): string {
		$name = (string) get_option( self::PRIVATE_OPTION, '' );
		if ( self::valid_private_name( $name ) ) {
			return $name;
		}
		$made = self::LEGACY_PRIVATE . '-' . bin2hex( random_bytes( 12 ) );
		if ( '' === $name && add_option( self::PRIVATE_OPTION, $made, '', true ) ) {
			return $made;
		}
		// Another request was first, or the stored value is damaged.
		wp_cache_delete( self::PRIVATE_OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		$name = (string) get_option( self::PRIVATE_OPTION, '' );
		if ( self::valid_private_name( $name ) ) {
			return $name;
		}
		update_option( self::PRIVATE_OPTION, $made, true );
		return $made;
	}

	/**
	 * Whether a stored folder name is one we made.
	 */
	private static function valid_private_name( string $name ): bool {
		return (bool) preg_match( '/^switchboard-private-[a-f0-9]{24}$/', $name );
	}

	/**
	 * The folder used before 0.2.0 (moved by MovePrivateUploads).
	 */
	public static function legacy_private_dir(): string {
		$uploads = wp_upload_dir( null, false );
		return trailingslashit( $uploads['basedir'] ) . self::LEGACY_PRIVATE;
	}

	/**
	 * Absolute path of a file stored below the private folder ('' for a path that climbs out).
	 * A file that is still in the pre-0.2.0 folder (its move failed) is found there.
	 *
	 * @param string $relative Path below the private folder, as stored.
	 */
	public static function private_path( string $relative ): string {
		if ( '' === $relative || str_contains( $relative, '..' ) || str_contains( $relative, "\0" ) ) {
			return '';
		}
		$path = self::private_dir() . '/' . $relative;
		if ( ! file_exists( $path ) ) {
			$legacy = self::legacy_private_dir() . '/' . $relative;
			if ( file_exists( $legacy ) ) {
				return $legacy;
			}
		}
		return $path;
	}

	/**
	 * Creates a folder below the private folder with an index.php and a deny-all .htaccess in it
	 * and in every folder on the way (Apache then refuses direct requests even if the name leaks).
	 *
	 * @param string $dir Absolute path: the private folder or one below it.
	 */
	public static function private_mkdir( string $dir ): bool {
		$base = self::private_dir();
		$dir  = untrailingslashit( $dir );
		if ( ( $dir !== $base && ! str_starts_with( $dir, $base . '/' ) ) || str_contains( $dir, '..' ) ) {
			return false;
		}
		if ( ! wp_mkdir_p( $dir ) ) {
			return false;
		}
		$level = $base;
		foreach ( array_merge( array( '' ), array_filter( explode( '/', substr( $dir, strlen( $base ) ) ) ) ) as $part ) {
			$level .= '' !== $part ? '/' . $part : '';
			self::protect( $level );
		}
		return true;
	}

	/**
	 * Writes the deny rules and an empty index into one folder.
	 *
	 * @param string $dir Folder.
	 */
	private static function protect( string $dir ): void {
		if ( ! file_exists( $dir . '/.htaccess' ) ) {
			file_put_contents( $dir . '/.htaccess', "# Switchboard: files here are served only through the REST API.\n<IfModule mod_authz_core.c>\n\tRequire all denied\n</IfModule>\n<IfModule !mod_authz_core.c>\n\tDeny from all\n</IfModule>\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
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
		// Read before the options go (the folder name is one of them).
		$dirs = array( self::private_dir(), self::legacy_private_dir() );

		foreach ( Schema::tables() as $table ) {
			$wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $wpdb->prefix . $table ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifiers cannot be placeholders; names are our constants.
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'switchboard_' ) . '%' ) );
		Capabilities::revoke();

		require_once ABSPATH . 'wp-admin/includes/class-wp-filesystem-base.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-filesystem-direct.php';
		foreach ( $dirs as $dir ) {
			if ( is_dir( $dir ) ) {
				( new \WP_Filesystem_Direct( null ) )->rmdir( $dir, true );
			}
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
