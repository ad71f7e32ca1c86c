<?php
/**
 * Test-site fixture of the self-service e2e tests (tests/e2e/self-service-*.spec.ts).
 *
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php mail-sink
 *       installs a must-use plugin in the test site that sends mail addressed to
 *       *@self-service-e2e.test through SMTP to the sink (bin/lib-mail/smtp.sh,
 *       127.0.0.1:$SWITCHBOARD_SMTP_PORT); nothing else is rerouted
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php reset-limits
 *       forgets the rate-limit windows of the contact form and the customer routes (every test
 *       request comes from the same loopback address, so reruns would hit them)
 *   bash bin/wp-php.sh test bin/lib-test/self-service-fixture.php email-ticket <email> <subject>
 *       imports an email ticket from <email> the way the email channel does (customer resolved
 *       by address, channel "email"), prints {"id": …}
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

$switchboard_cmd = $argv[1] ?? '';

if ( 'mail-sink' === $switchboard_cmd ) {
	wp_mkdir_p( WPMU_PLUGIN_DIR );
	$switchboard_port = (int) ( getenv( 'SWITCHBOARD_SMTP_PORT' ) ?: 10025 );
	$switchboard_code = <<<'PHP'
<?php
/**
 * Written by bin/lib-test/self-service-fixture.php for the self-service e2e tests: mail to
 * *@self-service-e2e.test goes to the local SMTP sink (bin/lib-mail/smtp.sh). Nothing else is
 * rerouted.
 */
// "wordpress@localhost" is not an address PHPMailer accepts; the test site has no domain.
add_filter(
	'wp_mail_from',
	static fn ( $from ) => is_email( $from ) && str_contains( (string) substr( (string) strrchr( $from, '@' ), 1 ), '.' ) ? $from : 'wordpress@localhost.localdomain'
);
add_action(
	'phpmailer_init',
	static function ( $mailer ) {
		foreach ( $mailer->getToAddresses() as $to ) {
			if ( str_ends_with( strtolower( (string) $to[0] ), '@self-service-e2e.test' ) ) {
				$mailer->isSMTP();
				$mailer->Host        = '127.0.0.1';
				$mailer->Port        = __PORT__;
				$mailer->SMTPAuth    = false;
				$mailer->SMTPAutoTLS = false;
				return;
			}
		}
	},
	1000
);
PHP;
	file_put_contents( WPMU_PLUGIN_DIR . '/switchboard-self-service-e2e-mail.php', str_replace( '__PORT__', (string) $switchboard_port, $switchboard_code ) );
	echo "ok\n";
} elseif ( 'reset-limits' === $switchboard_cmd ) {
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
} else {
	fwrite( STDERR, "usage: self-service-fixture.php mail-sink|reset-limits|email-ticket <email> <subject>\n" );
	exit( 2 );
}
