<?php
/**
 * Test and bench fixtures for live chat, run with WordPress loaded:
 *
 *   bash bin/wp-php.sh test bin/lib-chat/chat-fixture.php reset-limits
 *       forgets this window's "new chats per IP" counters of 127.0.0.1 and ::1 (the specs and
 *       the bench all start chats from loopback)
 *   bash bin/wp-php.sh test bin/lib-chat/chat-fixture.php sessions N [status]
 *       starts N guest chats directly (bench), prints [{token, email}] as JSON
 *   bash bin/wp-php.sh test bin/lib-chat/chat-fixture.php mail-sink
 *       installs a must-use plugin in the test site that sends mail addressed to
 *       *@chat-e2e.test to the SMTP sink (bin/lib-mail/smtp.sh, 127.0.0.1:10025); nothing else
 *       is rerouted
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

$switchboard_cmd = $argv[1] ?? '';

if ( 'reset-limits' === $switchboard_cmd ) {
	foreach ( array( '127.0.0.1', '::1' ) as $switchboard_ip ) {
		$switchboard_slot = (int) floor( time() / 600 );
		delete_transient( 'sb_rl_' . substr( md5( 'chat_start:ip:' . $switchboard_ip . '|' . $switchboard_slot ), 0, 20 ) );
	}
	echo "ok\n";
} elseif ( 'sessions' === $switchboard_cmd ) {
	$switchboard_out = array();
	$switchboard_n   = max( 1, (int) ( $argv[2] ?? 1 ) );
	for ( $switchboard_i = 0; $switchboard_i < $switchboard_n; $switchboard_i++ ) {
		$switchboard_email           = 'bench' . $switchboard_i . '-' . wp_generate_password( 6, false, false ) . '@bench.test';
		$switchboard_cust            = ( new \Switchboard\Tickets\Customers() )->resolve(
			'email',
			$switchboard_email,
			array(
				'name'  => 'Bench ' . $switchboard_i,
				'email' => $switchboard_email,
			)
		);
		list( , $switchboard_token ) = ( new \Switchboard\Channels\Chat\Sessions() )->create(
			array(
				'customer_id' => $switchboard_cust,
				'status'      => (string) ( $argv[3] ?? 'bot' ),
			)
		);
		$switchboard_out[]           = array(
			'token' => $switchboard_token,
			'email' => $switchboard_email,
		);
	}
	echo wp_json_encode( $switchboard_out ), "\n";
} elseif ( 'mail-sink' === $switchboard_cmd ) {
	$switchboard_dir = WPMU_PLUGIN_DIR;
	wp_mkdir_p( $switchboard_dir );
	file_put_contents(
		$switchboard_dir . '/switchboard-chat-e2e-mail.php',
		<<<'PHP'
<?php
/**
 * Written by bin/lib-chat/chat-fixture.php for the chat e2e tests: mail to *@chat-e2e.test goes
 * to the local SMTP sink (bin/lib-mail/smtp.sh). Nothing else is rerouted.
 */
// "wordpress@localhost" is not an address PHPMailer accepts; the test site has no domain.
add_filter(
	'wp_mail_from',
	static fn ( $from ) => is_email( $from ) && str_contains( (string) substr( strrchr( $from, '@' ), 1 ), '.' ) ? $from : 'wordpress@localhost.localdomain'
);
add_action(
	'phpmailer_init',
	static function ( $mailer ) {
		foreach ( $mailer->getToAddresses() as $to ) {
			if ( str_ends_with( strtolower( (string) $to[0] ), '@chat-e2e.test' ) ) {
				$mailer->isSMTP();
				$mailer->Host        = '127.0.0.1';
				$mailer->Port        = (int) ( getenv( 'SWITCHBOARD_SMTP_PORT' ) ?: 10025 );
				$mailer->SMTPAuth    = false;
				$mailer->SMTPAutoTLS = false;
				return;
			}
		}
	}
);
PHP
	);
	echo "ok\n";
} else {
	fwrite( STDERR, "usage: chat-fixture.php reset-limits | sessions N | mail-sink\n" );
	exit( 2 );
}
