<?php
/**
 * Email benchmark: parse messages/second over the real-world corpus, parse+store messages/second
 * through the importer (inbound store, threading, customer, ticket, attachments, search), and
 * peak memory for one 25 MB message, parsed and (with WordPress) imported. Prints figures; not a
 * timed test.
 *
 *   php bin/bench-email.php                           parse only (no WordPress needed)
 *   bash bin/bench.sh email                           on the bench site: parse and parse+store
 *   bash bin/wp-php.sh test bin/bench-email.php       on the test site (adds tickets there)
 *
 * Every message stored gets a fresh Message-ID, so each one is a new message (not a duplicate);
 * the store half adds its tickets to the site it runs on. The 25 MB message's raw file and
 * attachment are deleted again afterwards. Single process: the figures are per worker.
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

use Switchboard\Channels\Email\Importer;
use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Tickets\Attachments;

$switchboard_corpus = getenv( 'SWITCHBOARD_MAIL_CORPUS' ) ?: dirname( __DIR__, 2 ) . '/shared/mail-corpus';
if ( ! is_dir( $switchboard_corpus ) && is_dir( '/work/shared/mail-corpus' ) ) {
	$switchboard_corpus = '/work/shared/mail-corpus';
}
$switchboard_files = array_map( 'file_get_contents', glob( $switchboard_corpus . '/*.eml' ) ?: array() );
$switchboard_wp    = function_exists( 'add_action' ) && ! in_array( '--parse-only', $argv ?? array(), true );
if ( array() === $switchboard_files ) {
	fwrite( STDERR, "no corpus at $switchboard_corpus (set SWITCHBOARD_MAIL_CORPUS)\n" );
	exit( 1 );
}

/**
 * Peak memory in MB since the last reset.
 */
function switchboard_bench_peak(): float {
	return memory_get_peak_usage() / 1048576;
}

// 1. Parse only: structure, subject, text, HTML, attachments decoded (streamed, counted).
$switchboard_rounds = 20;
$switchboard_start  = microtime( true );
$switchboard_count  = 0;
for ( $switchboard_i = 0; $switchboard_i < $switchboard_rounds; $switchboard_i++ ) {
	foreach ( $switchboard_files as $switchboard_raw ) {
		$switchboard_message = ( new Parser() )->parse( (string) $switchboard_raw );
		$switchboard_message->subject();
		$switchboard_message->text();
		$switchboard_message->html();
		foreach ( $switchboard_message->files() as $switchboard_file ) {
			$switchboard_file['part']->decoded_size();
		}
		++$switchboard_count;
	}
}
$switchboard_elapsed = microtime( true ) - $switchboard_start;
printf( "parse: %d messages in %.2f s = %.0f messages/s (target >= 50/s)\n", $switchboard_count, $switchboard_elapsed, $switchboard_count / max( $switchboard_elapsed, 1e-9 ) );

// 2. Parse + store through the importer, each message under a fresh Message-ID.
if ( $switchboard_wp ) {
	$switchboard_rounds   = max( 1, (int) ( getenv( 'SWITCHBOARD_BENCH_EMAIL_ROUNDS' ) ?: 3 ) );
	$switchboard_outcomes = array();
	$switchboard_start    = microtime( true );
	$switchboard_count    = 0;
	for ( $switchboard_i = 0; $switchboard_i < $switchboard_rounds; $switchboard_i++ ) {
		foreach ( $switchboard_files as $switchboard_n => $switchboard_raw ) {
			$switchboard_id  = '<bench-' . $switchboard_i . '-' . $switchboard_n . '-' . bin2hex( random_bytes( 6 ) ) . '@bench.switchboard.test>';
			$switchboard_raw = (string) preg_replace( '/^Message-ID:[^\n]*(\n[ \t][^\n]*)*\n/im', '', (string) $switchboard_raw, 1 );
			// After an mbox "From " line, if there is one.
			$switchboard_at                           = str_starts_with( $switchboard_raw, 'From ' ) ? strpos( $switchboard_raw, "\n" ) + 1 : 0;
			$switchboard_raw                          = substr_replace( $switchboard_raw, 'Message-ID: ' . $switchboard_id . "\r\n", $switchboard_at, 0 );
			$switchboard_out                          = ( new Importer() )->import( $switchboard_raw, array( 'source' => 'bench' ) );
			$switchboard_key                          = is_array( $switchboard_out ) ? (string) $switchboard_out['status'] : 'error';
			$switchboard_outcomes[ $switchboard_key ] = ( $switchboard_outcomes[ $switchboard_key ] ?? 0 ) + 1;
			++$switchboard_count;
		}
	}
	$switchboard_elapsed = microtime( true ) - $switchboard_start;
	ksort( $switchboard_outcomes );
	printf(
		"parse+store: %d messages in %.2f s = %.1f messages/s per worker (target >= 50/s); outcomes: %s\n",
		$switchboard_count,
		$switchboard_elapsed,
		$switchboard_count / max( $switchboard_elapsed, 1e-9 ),
		(string) wp_json_encode( $switchboard_outcomes )
	);
}

// 3. One 25 MB message: text + HTML + an 18 MB attachment (24.3 MB of base64).
$switchboard_payload = random_bytes( 18 * 1024 * 1024 );
$switchboard_big     = "From: Big Sender <big@example.com>\r\nTo: support@example.com\r\nSubject: big attachment\r\nMessage-ID: <big-" . bin2hex( random_bytes( 6 ) ) . "@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>See attached.</p>\r\n--a--\r\n--b\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" . chunk_split( base64_encode( $switchboard_payload ), 76, "\r\n" ) . "--b--\r\n";
$switchboard_sha     = hash( 'sha256', $switchboard_payload );
unset( $switchboard_payload );
gc_collect_cycles();
$switchboard_raw_mb = strlen( $switchboard_big ) / 1048576;
$switchboard_base   = memory_get_usage() / 1048576 - $switchboard_raw_mb;

memory_reset_peak_usage();
$switchboard_start   = microtime( true );
$switchboard_message = ( new Parser() )->parse( $switchboard_big );
$switchboard_message->text();
$switchboard_message->html();
$switchboard_size = 0;
foreach ( $switchboard_message->files() as $switchboard_file ) {
	$switchboard_sink  = fopen( 'php://temp/maxmemory:0', 'w+' ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$switchboard_size += $switchboard_file['part']->decode_to( $switchboard_sink );
	fclose( $switchboard_sink ); // phpcs:ignore WordPress.WP.AlternativeFunctions
}
unset( $switchboard_message );
printf(
	"25 MB message, parse (%.1f MB raw, %.1f MB attachment decoded to a temp file): %.2f s, peak memory %.1f MB = %.1f MB before the message + %.1f MB for it (its own %.1f MB included; target peak <= 64 MB)\n",
	$switchboard_raw_mb,
	$switchboard_size / 1048576,
	microtime( true ) - $switchboard_start,
	switchboard_bench_peak(),
	$switchboard_base,
	switchboard_bench_peak() - $switchboard_base,
	$switchboard_raw_mb
);

if ( $switchboard_wp ) {
	// The default attachment limit (10 MB) would refuse the file after streaming it; raise it so
	// the figure includes storing it.
	add_filter( 'switchboard_attachment_max_size', static fn(): int => 32 * 1024 * 1024 );
	gc_collect_cycles();
	$switchboard_base = memory_get_usage() / 1048576 - $switchboard_raw_mb;
	memory_reset_peak_usage();
	$switchboard_start = microtime( true );
	$switchboard_out   = ( new Importer() )->import( $switchboard_big, array( 'source' => 'bench' ) );
	$switchboard_time  = microtime( true ) - $switchboard_start;
	$switchboard_peak  = switchboard_bench_peak();
	$switchboard_note  = 'not stored';
	if ( is_array( $switchboard_out ) && ! empty( $switchboard_out['message_row_id'] ) ) {
		$switchboard_repo  = new Attachments();
		$switchboard_attms = $switchboard_repo->for_messages( array( (int) $switchboard_out['message_row_id'] ) )[ (int) $switchboard_out['message_row_id'] ] ?? array();
		$switchboard_note  = sprintf( '%d attachment(s) stored', count( $switchboard_attms ) );
		foreach ( $switchboard_attms as $switchboard_row ) {
			$switchboard_path  = $switchboard_repo->path( $switchboard_row );
			$switchboard_note .= hash_file( 'sha256', $switchboard_path ) === $switchboard_sha ? ', bytes identical' : ', BYTES DIFFER';
			wp_delete_file( $switchboard_path );
		}
	}
	if ( is_array( $switchboard_out ) ) {
		$switchboard_store = new InboundStore();
		$switchboard_row   = $switchboard_store->get( (int) $switchboard_out['inbound_id'] );
		if ( null !== $switchboard_row ) {
			wp_delete_file( $switchboard_store->path( $switchboard_row ) );
		}
	}
	printf(
		"25 MB message, parse+store through the importer: %s (%s) in %.2f s, peak memory %.1f MB = %.1f MB before the message (WordPress and plugins loaded) + %.1f MB for it (its own %.1f MB included; target peak <= 64 MB)\n",
		is_array( $switchboard_out ) ? (string) $switchboard_out['status'] : 'error: ' . $switchboard_out->get_error_message(),
		$switchboard_note,
		$switchboard_time,
		$switchboard_peak,
		$switchboard_base,
		$switchboard_peak - $switchboard_base,
		$switchboard_raw_mb
	);
}
