<?php
/**
 * Test-site fixture of the self-service e2e tests (tests/e2e/self-service-*.spec.ts).
 *
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php reset-limits
 *       forgets the rate-limit windows of the contact form and the customer routes (every test
 *       request comes from the same loopback address, so reruns would hit them)
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php email-ticket <email> <subject>
 *       imports an email ticket from <email> the way the email channel does (customer resolved
 *       by address, channel "email"), prints {"id": …}
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php kb-unindex <post_id>
 *       drops an article's row from the KB search index, as an index that lost rows (MDEV-34057)
 *       looks from outside; prints the rows deleted
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

$switchboard_cmd = $argv[1] ?? '';

if ( 'reset-limits' === $switchboard_cmd ) {
	global $wpdb;
	// Rate-limit windows are transients named sb_rl_<hash> (Security\RateLimiter).
	$switchboard_names = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_sb\\_rl\\_%'" );
	foreach ( $switchboard_names as $switchboard_name ) {
		delete_transient( substr( (string) $switchboard_name, strlen( '_transient_' ) ) );
	}
	echo count( $switchboard_names ), "\n";
} elseif ( 'email-ticket' === $switchboard_cmd ) {
	// Through the email channel's importer, exactly like bin/mail-pipe.php.
	$switchboard_from   = (string) ( $argv[2] ?? '' );
	$switchboard_raw    = implode(
		"\r\n",
		array(
			'From: Customer <' . $switchboard_from . '>',
			'To: support@localhost.localdomain',
			'Subject: ' . (string) ( $argv[3] ?? 'By email' ),
			'Message-ID: <' . wp_generate_password( 20, false, false ) . '@self-service-e2e.test>',
			'Date: ' . gmdate( 'r' ),
			'MIME-Version: 1.0',
			'Content-Type: text/plain; charset=UTF-8',
			'',
			'Sent by email, not from the account.',
			'',
		)
	);
	$switchboard_result = ( new \Switchboard\Channels\Email\Importer() )->import( $switchboard_raw, array( 'source' => 'pipe' ) );
	echo wp_json_encode( is_wp_error( $switchboard_result ) ? array( 'error' => $switchboard_result->get_error_message() ) : $switchboard_result ), "\n";
} elseif ( 'kb-unindex' === $switchboard_cmd ) {
	global $wpdb;
	echo (int) $wpdb->delete( \Switchboard\Db\Schema::table( 'kb_index' ), array( 'post_id' => (int) ( $argv[2] ?? 0 ) ) ), "\n";
} else {
	fwrite( STDERR, "usage: self-service-fixture.php reset-limits|email-ticket <email> <subject>|kb-unindex <post_id>\n" );
	exit( 2 );
}
