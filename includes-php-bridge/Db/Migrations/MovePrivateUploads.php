<?php
/**
 * Moves attachments and raw mail out of the guessable uploads/switchboard-private folder.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db\Migrations;

use Switchboard\Db\Installer;

/**
 * Before 0.2.0 private files lived in uploads/switchboard-private, protected only by an
 * .htaccess that nginx and PHP's built-in server ignore. Rows store paths relative to the
 * folder, so moving the folder's content into uploads/switchboard-private-<random> keeps every
 * file working: one rename when the new folder does not exist yet, else a merge entry by entry.
 * Whatever cannot be moved stays where it was and is still found there (Installer::private_path()).
 */
final class MovePrivateUploads implements Migration {

	/**
	 * Version.
	 */
	public function version(): string {
		return '2026.12.02.1';
	}

	/**
	 * Moves the old folder's content.
	 */
	public function up(): void {
		$from = Installer::legacy_private_dir();
		if ( ! is_dir( $from ) ) {
			return;
		}
		$to = Installer::private_dir();
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.rename_rename -- a move inside uploads; failure falls back to the merge.
		if ( file_exists( $to ) || ! @rename( $from, $to ) ) {
			if ( ! Installer::private_mkdir( $to ) ) {
				return;
			}
			self::merge( $from, $to );
		}
		self::protect_tree( $to );
	}

	/**
	 * Puts index.php and .htaccess into every folder below $dir (the old layout had them only at
	 * the top).
	 *
	 * @param string $dir Folder.
	 */
	private static function protect_tree( string $dir ): void {
		Installer::private_mkdir( $dir );
		foreach ( (array) scandir( $dir ) as $entry ) {
			if ( '.' !== $entry && '..' !== $entry && is_dir( $dir . '/' . $entry ) ) {
				self::protect_tree( $dir . '/' . $entry );
			}
		}
	}

	/**
	 * Moves every entry of $from into $to (folders that exist in both are merged), then removes
	 * $from if nothing is left in it but our index.php and .htaccess.
	 *
	 * @param string $from Source folder.
	 * @param string $to   Target folder.
	 */
	private static function merge( string $from, string $to ): void {
		foreach ( (array) scandir( $from ) as $entry ) {
			$entry = (string) $entry;
			if ( in_array( $entry, array( '.', '..', '.htaccess', 'index.php' ), true ) ) {
				continue;
			}
			$source = $from . '/' . $entry;
			$target = $to . '/' . $entry;
			if ( is_dir( $source ) && is_dir( $target ) ) {
				self::merge( $source, $target );
			} elseif ( ! file_exists( $target ) ) {
				// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.rename_rename -- see above; a file left behind is still found.
				@rename( $source, $target );
			}
		}
		$left = array_diff( (array) scandir( $from ), array( '.', '..', '.htaccess', 'index.php' ) );
		if ( array() === $left ) {
			wp_delete_file( $from . '/.htaccess' );
			wp_delete_file( $from . '/index.php' );
			// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- an empty folder of ours.
			@rmdir( $from );
		}
	}
}
