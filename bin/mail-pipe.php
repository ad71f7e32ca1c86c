<?php
/**
 * MTA pipe: `| php /path/to/bin/mail-pipe.php /path/to/wordpress [mailbox-id]` in /etc/aliases.
 *
 * Reads one raw RFC 5322 message on stdin and writes it to the spool BEFORE WordPress (or its
 * database) is involved: the folder in the environment variable SWITCHBOARD_SPOOL_DIR when set,
 * else /path/to/wordpress/wp-content/switchboard-spool/ (created 0700 with an index.php and a
 * deny-all .htaccess; files 0600, written to a temporary name, fsync'ed and renamed). A site that
 * sets SWITCHBOARD_SPOOL_DIR for the pipe defines the same constant in wp-config.php so the
 * background drain finds it. Then it loads WordPress, imports this message and up to 25 older
 * spooled ones (Channels\Email\SpoolDrain), and deletes each file once its message is kept in the
 * inbound store. A recurring job (switchboard_email_spool_drain, every minute) drains the rest.
 *
 * Exit codes follow sysexits.h so the MTA does the right thing:
 * - 0: the message is kept — imported (stored, duplicate, bounce, ignored or quarantined; the raw
 *   source is saved in every case), or left in the spool because it could not be imported now
 *   (database down, a PHP fatal error or time limit, Switchboard inactive). Standard output says
 *   which: "stored #12" or "spooled <id>". Whatever WordPress prints or exits with while it fails
 *   (its "Error establishing a database connection" page exits 0 on the command line) never
 *   decides the exit code: a shutdown function does.
 * - 75 (EX_TEMPFAIL): the spool could not be written; the MTA keeps the message and retries.
 * - 69 (EX_UNAVAILABLE): larger than the import limit (the MTA bounces it to the sender).
 * - 65 on an empty message, 64 on usage errors.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

use Switchboard\Channels\Email\Spool;
use Switchboard\Channels\Email\SpoolDrain;

if ( 'cli' !== PHP_SAPI ) {
	exit( 64 );
}
$switchboard_wp = $argv[1] ?? getenv( 'SWITCHBOARD_WP_PATH' );
if ( ! is_string( $switchboard_wp ) || ! is_file( rtrim( $switchboard_wp, '/' ) . '/wp-load.php' ) ) {
	fwrite( STDERR, "usage: mail-pipe.php /path/to/wordpress [mailbox-id] < message.eml\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 64 );
}
$switchboard_raw = (string) stream_get_contents( STDIN );
if ( '' === trim( $switchboard_raw ) ) {
	fwrite( STDERR, "empty message\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 65 );
}

// 1. The message goes to disk before anything can fail.
require_once dirname( __DIR__ ) . '/includes-php-bridge/Channels/Email/Spool.php';
$switchboard_spool = new Spool( Spool::dir_for( $switchboard_wp ) );
$switchboard_id    = $switchboard_spool->write( $switchboard_raw, (int) ( $argv[2] ?? 0 ) );
unset( $switchboard_raw );
if ( null === $switchboard_id ) {
	fwrite( STDERR, 'could not write the spool folder ' . $switchboard_spool->dir() . "; the MTA keeps the message\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 75 );
}

// 2. From here on the message is safe, and however the rest ends, this decides the exit code.
$GLOBALS['switchboard_pipe'] = array(
	'code'    => null,
	'reserve' => str_repeat( ' ', 262144 ), // Freed first, so a memory-limit fatal error can still be answered.
);
register_shutdown_function(
	static function () use ( $switchboard_spool, $switchboard_id ): void {
		$state                                  = $GLOBALS['switchboard_pipe'];
		$GLOBALS['switchboard_pipe']['reserve'] = '';
		while ( ob_get_level() > 0 ) {
			ob_end_clean(); // WordPress's error page is not for the MTA.
		}
		if ( null === $state['code'] ) {
			$error = error_get_last();
			fwrite( STDERR, 'not imported now' . ( null !== $error ? ': ' . $error['message'] : '' ) . "; it waits in the spool\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			fwrite( STDOUT, ( $switchboard_spool->has( $switchboard_id ) ? 'spooled ' : 'kept ' ) . $switchboard_id . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		} elseif ( function_exists( 'shutdown_action_hook' ) && ! in_array( error_get_last()['type'] ?? 0, array( E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR, E_RECOVERABLE_ERROR ), true ) ) {
			// The exit below ends PHP's shutdown here, before WordPress's own shutdown function:
			// on the normal path its "shutdown" action runs now (output discarded).
			ob_start();
			try {
				shutdown_action_hook();
			} catch ( \Throwable $e ) { // phpcs:ignore Generic.CodeAnalysis.EmptyStatement.DetectedCatch -- the message is kept; the code stands.
			}
			while ( ob_get_level() > 0 ) {
				ob_end_clean();
			}
		}
		exit( (int) $state['code'] ); // Inside a shutdown function this is the process's exit status, whatever ran before.
	}
);
ob_start();

// 3. WordPress. A database that is down ends here through dead_db() → wp_die() → die().
define( 'WP_USE_THEMES', false );
$_SERVER['HTTP_HOST'] = $_SERVER['HTTP_HOST'] ?? 'localhost';
require rtrim( $switchboard_wp, '/' ) . '/wp-load.php';

if ( ! class_exists( SpoolDrain::class ) ) {
	fwrite( STDERR, "Switchboard is not active\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 0 ); // Still spooled: the shutdown function reports it.
}

// 4. This message first, then a bounded batch of older ones.
$switchboard_drain  = new SpoolDrain( $switchboard_spool );
$switchboard_result = $switchboard_drain->import( $switchboard_id, true );
while ( ob_get_level() > 0 ) {
	ob_end_clean();
}
if ( null === $switchboard_result ) {
	fwrite( STDOUT, 'spooled ' . $switchboard_id . " (another drain is importing it)\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$GLOBALS['switchboard_pipe']['code'] = 0;
} elseif ( 'too_large' === $switchboard_result['status'] ) {
	fwrite( STDERR, $switchboard_result['error'] . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$GLOBALS['switchboard_pipe']['code'] = 69;
} elseif ( $switchboard_result['kept'] ) {
	fwrite( STDOUT, $switchboard_result['status'] . ' #' . $switchboard_result['inbound_id'] . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$GLOBALS['switchboard_pipe']['code'] = 0;
} else {
	fwrite( STDERR, (string) ( $switchboard_result['error'] ?? '' ) . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
}
ob_start();
$switchboard_drain->drain( SpoolDrain::BATCH - 1 );
exit( 0 );
