<?php
/**
 * MTA pipe: `| php /path/to/bin/mail-pipe.php /path/to/wordpress [mailbox-id]` in /etc/aliases.
 *
 * Reads one raw RFC 5322 message on stdin and imports it. Exit codes follow sysexits.h so the MTA
 * does the right thing: 0 when the message was kept (stored, duplicate, bounce, ignored or
 * quarantined — the raw source is saved in every case), 75 (EX_TEMPFAIL) when it could not be saved
 * (the MTA queues and retries), 64 on usage errors.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

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
define( 'WP_USE_THEMES', false );
$_SERVER['HTTP_HOST'] = $_SERVER['HTTP_HOST'] ?? 'localhost';
require rtrim( $switchboard_wp, '/' ) . '/wp-load.php';

if ( ! class_exists( \Switchboard\Channels\Email\Importer::class ) ) {
	fwrite( STDERR, "Switchboard is not active\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 75 );
}
$switchboard_result = ( new \Switchboard\Channels\Email\Importer() )->import(
	$switchboard_raw,
	array(
		'source'     => 'pipe',
		'mailbox_id' => (int) ( $argv[2] ?? 0 ),
	)
);
if ( $switchboard_result instanceof WP_Error ) {
	fwrite( STDERR, $switchboard_result->get_error_message() . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	exit( 413 === ( $switchboard_result->get_error_data()['status'] ?? 0 ) ? 69 : 75 );
}
fwrite( STDOUT, $switchboard_result['status'] . ' #' . $switchboard_result['inbound_id'] . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
exit( 0 );
