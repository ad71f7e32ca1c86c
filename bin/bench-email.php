<?php
/**
 * Email parsing benchmark: messages/second over the corpus, and peak memory for a synthetic 25 MB
 * message. Prints figures; not a timed test. Parse-only by default (no WordPress needed); with
 * `bash bin/runtime.sh php test bin/bench-email.php --store` it also stores through the importer.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

spl_autoload_register(
	static function ( string $class ): void {
		if ( str_starts_with( $class, 'Switchboard\\' ) ) {
			$file = dirname( __DIR__ ) . '/includes-php-bridge/' . str_replace( '\\', '/', substr( $class, 12 ) ) . '.php';
			if ( is_file( $file ) ) {
				require_once $file;
			}
		}
	}
);

$corpus = getenv( 'SWITCHBOARD_MAIL_CORPUS' ) ?: dirname( __DIR__, 2 ) . '/shared/mail-corpus';
$files  = array_map( 'file_get_contents', glob( $corpus . '/*.eml' ) ?: array() );
$store  = in_array( '--store', $argv ?? array(), true ) && function_exists( 'add_action' );

$rounds = 20;
$start  = microtime( true );
$count  = 0;
for ( $i = 0; $i < $rounds; $i++ ) {
	foreach ( $files as $raw ) {
		$message = ( new Switchboard\Channels\Email\Mime\Parser() )->parse( (string) $raw );
		$message->subject();
		$message->text();
		$message->html();
		foreach ( $message->files() as $file ) {
			$file['part']->body();
		}
		++$count;
	}
}
$elapsed = microtime( true ) - $start;
printf( "parse: %d messages in %.2f s = %.0f messages/s\n", $count, $elapsed, $count / max( $elapsed, 1e-9 ) );

if ( $store ) {
	$start = microtime( true );
	foreach ( $files as $raw ) {
		( new Switchboard\Channels\Email\Importer() )->import( (string) $raw, array( 'source' => 'bench' ) );
	}
	$elapsed = microtime( true ) - $start;
	printf( "parse+store: %d messages in %.2f s = %.1f messages/s\n", count( $files ), $elapsed, count( $files ) / max( $elapsed, 1e-9 ) );
}

// Synthetic 25 MB message: text + HTML + a ~24 MB base64 attachment.
$payload = random_bytes( 18 * 1024 * 1024 );
$big     = "From: Big <big@example.com>\r\nTo: support@example.com\r\nSubject: big\r\nMessage-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n--b\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" . chunk_split( base64_encode( $payload ), 76, "\r\n" ) . "--b--\r\n";
unset( $payload );
gc_collect_cycles();
if ( function_exists( 'memory_reset_peak_usage' ) ) {
	memory_reset_peak_usage();
}
$base    = memory_get_usage();
$start   = microtime( true );
$message = ( new Switchboard\Channels\Email\Mime\Parser() )->parse( $big );
$size    = 0;
foreach ( $message->files() as $file ) {
	$size += strlen( $file['part']->body() );
}
printf(
	"25 MB message (%.1f MB raw, %.1f MB attachment): parsed in %.2f s, peak memory %.1f MB (%.1f MB above the raw string held by the caller)\n",
	strlen( $big ) / 1048576,
	$size / 1048576,
	microtime( true ) - $start,
	memory_get_peak_usage() / 1048576,
	( memory_get_peak_usage() - $base ) / 1048576
);
