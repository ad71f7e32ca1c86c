<?php
/**
 * Test-site fixture of tests/api/uploads.spec.ts (what an API client cannot make or see).
 *
 *   bash bin/wp-php.sh test bin/lib-test/uploads-fixture.php file-url <attachment id>
 *       prints {"url": …, "folder": …}: where the stored file and its folder sit below the
 *       uploads URL (what someone who learnt the path would request directly)
 *   bash bin/wp-php.sh test bin/lib-test/uploads-fixture.php hostile <login>
 *       a ticket of <login> whose message carries files with hostile names (CR/LF, quotes, a path,
 *       a right-to-left override) and a real-world name with spaces and N°, stored as an email
 *       import would; prints {"ticket_id": …, "files": {"<name as sent>": <id>, …}}
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

use Switchboard\Db\Installer;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

$switchboard_cmd = $argv[1] ?? '';

if ( 'file-url' === $switchboard_cmd ) {
	$switchboard_row = ( new Attachments() )->get( (int) ( $argv[2] ?? 0 ) );
	if ( null === $switchboard_row ) {
		fwrite( STDERR, "no such attachment\n" );
		exit( 1 );
	}
	$switchboard_base = trailingslashit( wp_upload_dir( null, false )['baseurl'] ) . Installer::private_dir_name();
	echo wp_json_encode(
		array(
			'url'    => $switchboard_base . '/' . $switchboard_row['path'],
			'folder' => $switchboard_base . '/' . dirname( (string) $switchboard_row['path'] ) . '/',
		)
	), "\n";
} elseif ( 'hostile' === $switchboard_cmd ) {
	$switchboard_user = get_user_by( 'login', (string) ( $argv[2] ?? '' ) );
	if ( ! $switchboard_user ) {
		fwrite( STDERR, "no such user\n" );
		exit( 1 );
	}
	$switchboard_names = array(
		"a\r\nSet-Cookie: x=1.pdf",
		'x"; filename="evil.exe.pdf',
		'../../etc/passwd',
		"invoice\u{202E}fdp.exe",
		'50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf',
	);
	$switchboard_store = new Attachments();
	$switchboard_files = array();
	foreach ( $switchboard_names as $switchboard_name ) {
		$switchboard_files[ $switchboard_name ] = $switchboard_store->store(
			$switchboard_name,
			'%PDF-1.4 hostile name test',
			'application/pdf',
			array(
				'uploaded_by' => 0,
				'trusted'     => true,
			)
		);
	}
	$switchboard_customer = ( new Customers() )->for_user( (int) $switchboard_user->ID );
	$switchboard_ticket   = ( new TicketService() )->create(
		array(
			'subject'     => 'Files with hostile names ' . wp_generate_password( 6, false, false ),
			'channel'     => 'email',
			'customer_id' => $switchboard_customer,
			'message'     => array(
				'author_type'         => 'customer',
				'author_id'           => $switchboard_customer,
				'body_text'           => 'Files attached.',
				'attachments'         => array_values( $switchboard_files ),
				'attachments_trusted' => true,
			),
		)
	);
	echo wp_json_encode(
		array(
			'ticket_id' => $switchboard_ticket,
			'files'     => $switchboard_files,
		)
	), "\n";
} else {
	fwrite( STDERR, "usage: uploads-fixture.php file-url <id>|hostile <login>\n" );
	exit( 2 );
}
