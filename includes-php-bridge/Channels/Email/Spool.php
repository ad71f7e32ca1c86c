<?php
/**
 * The MTA pipe's spool: raw messages on disk before WordPress (or its database) is involved.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * A folder of raw messages that bin/mail-pipe.php writes before it loads WordPress, so a message
 * the MTA handed over survives a database that is down, a PHP fatal error or a killed process.
 * SpoolDrain imports the files; this class only handles files and calls no WordPress function,
 * because the pipe uses it before WordPress exists.
 *
 * - Location: the SWITCHBOARD_SPOOL_DIR environment variable (or, inside WordPress, the constant
 *   of that name in wp-config.php), else `<site>/wp-content/switchboard-spool`, where
 *   `<site>` is the folder that holds wp-load.php (the pipe's first argument; ABSPATH).
 * - The folder is 0700 with an index.php and a deny-all .htaccess; files are 0600.
 * - A file is written to a dot-temp name, fsync'ed and renamed: a listed file is always complete.
 * - File name: `<UTC YmdHis>-<16 hex>-m<mailbox id>-a<attempts>.eml`; the id is the part before
 *   "-m". Attempts count how often an import of the file started (renamed under the lock).
 * - Locking: whoever imports a file holds an exclusive flock() on it and deletes it before letting
 *   go, so two drains never import the same file and a crashed importer frees it (flock needs a
 *   local file system; do not put the spool on NFS).
 */
final class Spool {

	public const FOLDER = 'switchboard-spool';

	private const NAME = '/^(\d{14}-[0-9a-f]{16})-m(\d+)-a(\d+)\.eml$/';

	/**
	 * Absolute folder.
	 *
	 * @var string
	 */
	private string $dir;

	/**
	 * Spool in a folder.
	 *
	 * @param string $dir Absolute folder.
	 */
	public function __construct( string $dir ) {
		$this->dir = rtrim( $dir, '/' );
	}

	/**
	 * The folder for a WordPress installation without loading it (what the pipe uses).
	 *
	 * @param string $wordpress Folder that holds wp-load.php.
	 */
	public static function dir_for( string $wordpress ): string {
		$env = getenv( 'SWITCHBOARD_SPOOL_DIR' );
		if ( is_string( $env ) && '' !== trim( $env ) ) {
			return rtrim( $env, '/' );
		}
		return rtrim( $wordpress, '/' ) . '/wp-content/' . self::FOLDER;
	}

	/**
	 * The spool of the running WordPress (what the background drain uses): the constant
	 * SWITCHBOARD_SPOOL_DIR, else the same rule as the pipe with ABSPATH.
	 */
	public static function for_site(): self {
		if ( defined( 'SWITCHBOARD_SPOOL_DIR' ) && '' !== (string) constant( 'SWITCHBOARD_SPOOL_DIR' ) ) {
			return new self( (string) constant( 'SWITCHBOARD_SPOOL_DIR' ) );
		}
		return new self( self::dir_for( defined( 'ABSPATH' ) ? (string) ABSPATH : '' ) );
	}

	/**
	 * The folder.
	 */
	public function dir(): string {
		return $this->dir;
	}

	/**
	 * Writes a raw message durably. Returns its id, or null when it could not be kept (the
	 * pipe then exits 75 so that the MTA keeps the message).
	 *
	 * @param string $raw        Raw message.
	 * @param int    $mailbox_id Mailbox the pipe was given (0: found from the recipients).
	 */
	public function write( string $raw, int $mailbox_id ): ?string {
		if ( ! $this->prepare() ) {
			return null;
		}
		$id  = gmdate( 'YmdHis' ) . '-' . bin2hex( random_bytes( 8 ) );
		$tmp = $this->dir . '/.tmp-' . $id;
		// phpcs:disable WordPress.WP.AlternativeFunctions,WordPress.PHP.NoSilencedErrors -- no WordPress here; failures are answered by the return value.
		$out = @fopen( $tmp, 'xb' );
		if ( false === $out ) {
			return null;
		}
		@chmod( $tmp, 0600 );
		$ok     = true;
		$length = strlen( $raw );
		for ( $done = 0; $ok && $done < $length; ) {
			$wrote = @fwrite( $out, substr( $raw, $done, 1048576 ) );
			$ok    = false !== $wrote && $wrote > 0;
			$done += (int) $wrote;
		}
		$ok = $ok && @fflush( $out ) && @fsync( $out );
		$ok = @fclose( $out ) && $ok;
		if ( ! $ok || ! @rename( $tmp, $this->dir . '/' . $id . '-m' . max( 0, $mailbox_id ) . '-a0.eml' ) ) {
			@unlink( $tmp );
			return null;
		}
		// phpcs:enable
		return $id;
	}

	/**
	 * Creates the folder (0700, index.php, deny-all .htaccess); false when it is not writable.
	 */
	private function prepare(): bool {
		// phpcs:disable WordPress.WP.AlternativeFunctions,WordPress.PHP.NoSilencedErrors -- no WordPress here.
		if ( '' === $this->dir || ( ! is_dir( $this->dir ) && ! @mkdir( $this->dir, 0700, true ) && ! is_dir( $this->dir ) ) ) {
			return false;
		}
		$files = array(
			'index.php' => "<?php\n// Silence is golden.\n",
			'.htaccess' => "Require all denied\nDeny from all\n",
		);
		foreach ( $files as $name => $content ) {
			if ( ! is_file( $this->dir . '/' . $name ) && false === @file_put_contents( $this->dir . '/' . $name, $content ) ) {
				return false;
			}
		}
		// phpcs:enable
		return is_writable( $this->dir );
	}

	/**
	 * Ids of the waiting messages, oldest first.
	 *
	 * @param int $limit At most this many (0: all).
	 * @return string[]
	 */
	public function ids( int $limit = 0 ): array {
		$names = is_dir( $this->dir ) ? (array) scandir( $this->dir ) : array();
		$ids   = array();
		foreach ( $names as $name ) {
			if ( preg_match( self::NAME, (string) $name, $m ) ) {
				$ids[] = $m[1];
			}
		}
		sort( $ids, SORT_STRING );
		return $limit > 0 ? array_slice( $ids, 0, $limit ) : $ids;
	}

	/**
	 * How many messages wait in the spool.
	 */
	public function count(): int {
		return count( $this->ids() );
	}

	/**
	 * When the oldest waiting message was spooled (Unix time), or null when none waits.
	 */
	public function oldest(): ?int {
		$ids  = $this->ids( 1 );
		$time = array() !== $ids ? \DateTimeImmutable::createFromFormat( 'YmdHis', substr( $ids[0], 0, 14 ), new \DateTimeZone( 'UTC' ) ) : false;
		return false !== $time ? $time->getTimestamp() : null;
	}

	/**
	 * Whether a message is still in the spool.
	 *
	 * @param string $id Id.
	 */
	public function has( string $id ): bool {
		return null !== $this->path_of( $id );
	}

	/**
	 * Current path of a message (its name changes with the attempt count).
	 *
	 * @param string $id Id.
	 */
	private function path_of( string $id ): ?string {
		if ( ! preg_match( '/^\d{14}-[0-9a-f]{16}$/', $id ) ) {
			return null;
		}
		$found = glob( $this->dir . '/' . $id . '-m*-a*.eml' );
		return is_array( $found ) && array() !== $found ? (string) $found[0] : null;
	}

	/**
	 * Claims a message for import: locks it, counts the attempt and reads it. Null when it is
	 * gone or someone else holds it. Give it back with release().
	 *
	 * @param string $id Id.
	 * @return array{id: string, handle: resource, path: string, raw: string, mailbox_id: int, attempts: int}|null
	 */
	public function claim( string $id ): ?array {
		$path = $this->path_of( $id );
		// phpcs:disable WordPress.WP.AlternativeFunctions,WordPress.PHP.NoSilencedErrors -- no WordPress here.
		$handle = null !== $path ? @fopen( $path, 'rb' ) : false;
		if ( false === $handle ) {
			return null;
		}
		if ( ! flock( $handle, LOCK_EX | LOCK_NB ) ) {
			fclose( $handle );
			return null;
		}
		// Imported and deleted (or renamed) by another process between our look-up and our lock.
		clearstatcache();
		$now  = @stat( (string) $path );
		$held = fstat( $handle );
		if ( false === $now || false === $held || $now['ino'] !== $held['ino'] || $now['dev'] !== $held['dev'] || ! preg_match( self::NAME, basename( (string) $path ), $m ) ) {
			fclose( $handle );
			return null;
		}
		$attempts = (int) $m[3] + 1;
		$renamed  = $this->dir . '/' . $id . '-m' . $m[2] . '-a' . $attempts . '.eml';
		if ( @rename( (string) $path, $renamed ) ) {
			$path = $renamed;
		}
		$raw = (string) stream_get_contents( $handle );
		// phpcs:enable
		return array(
			'id'         => $id,
			'handle'     => $handle,
			'path'       => (string) $path,
			'raw'        => $raw,
			'mailbox_id' => (int) $m[2],
			'attempts'   => $attempts,
		);
	}

	/**
	 * Gives a claimed message back: deleted when it is kept elsewhere now, else left for the
	 * next drain.
	 *
	 * @param array<string, mixed> $claim  From claim().
	 * @param bool                 $delete Whether the message is kept elsewhere now.
	 */
	public function release( array $claim, bool $delete ): void {
		// phpcs:disable WordPress.WP.AlternativeFunctions,WordPress.PHP.NoSilencedErrors -- no WordPress here.
		if ( $delete ) {
			@unlink( (string) $claim['path'] ); // Before unlocking: nobody may claim it in between.
		}
		if ( is_resource( $claim['handle'] ) ) {
			flock( $claim['handle'], LOCK_UN );
			fclose( $claim['handle'] );
		}
		// phpcs:enable
	}
}
