<?php
/**
 * Test and bench fixtures for live chat, run with WordPress loaded:
 *
 *   bash bin/wp-php.sh test bin/lib-chat/chat-fixture.php reset-limits
 *       forgets this window's "new chats per IP" counters of 127.0.0.1 and ::1 (the specs and
 *       the bench all start chats from loopback)
 *   bash bin/wp-php.sh test bin/lib-chat/chat-fixture.php sessions N [status]
 *       starts N guest chats directly (bench), prints [{token, email}] as JSON
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
} else {
	fwrite( STDERR, "usage: chat-fixture.php reset-limits | sessions N\n" );
	exit( 2 );
}
