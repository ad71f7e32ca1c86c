<?php
/**
 * bin/mail-pipe.php as the MTA runs it — a real PHP process — with the faults that used to lose
 * mail: the database unreachable, the spool unwritable, a fatal error or wp_die() half-way through
 * the import. Plus the spool's drain (once only, locking, poison files) and the webhook's answer
 * over HTTP when the database is down.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Spool;
use Switchboard\Channels\Email\SpoolDrain;
use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * The pipe's processes write to the PHPUnit database on their own connection, so these tests run
 * without the rolled-back transaction (it would hide their rows and hold their locks) and delete
 * what they created instead.
 */
final class MailPipeTest extends TestCase {

	/**
	 * Temporary folders to remove.
	 *
	 * @var string[]
	 */
	private array $temp = array();

	/**
	 * Subjects of the messages this test sent (their tickets are deleted afterwards).
	 *
	 * @var string[]
	 */
	private array $subjects = array();

	/**
	 * SHA-256 of the messages this test sent (their inbound rows are deleted afterwards).
	 *
	 * @var string[]
	 */
	private array $hashes = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'SET autocommit = 1' );
	}

	protected function tearDown(): void {
		global $wpdb;
		remove_all_filters( 'switchboard_email_max_size' );
		$store = new InboundStore();
		foreach ( $this->subjects as $subject ) {
			foreach ( $this->ticket_ids( $subject ) as $id ) {
				( new TicketService() )->delete( $id );
			}
		}
		foreach ( $this->hashes as $sha256 ) {
			$rows = (array) $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'inbound' ) . ' WHERE sha256 = %s', $sha256 ), ARRAY_A );
			foreach ( $rows as $row ) {
				wp_delete_file( $store->path( $row ) );
				$wpdb->delete( Schema::table( 'inbound' ), array( 'id' => (int) $row['id'] ) );
			}
		}
		foreach ( $this->temp as $dir ) {
			exec( 'rm -rf ' . escapeshellarg( $dir ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
		}
		parent::tearDown();
	}

	/**
	 * A customer's message, unique per call.
	 *
	 * @param string $subject Subject.
	 */
	private function mime( string $subject ): string {
		$this->subjects[] = $subject;
		$id               = bin2hex( random_bytes( 6 ) );
		$raw              = "From: Pat Piper <pat-$id@example.com>\r\nTo: support@shop.test\r\nSubject: $subject\r\n"
			. "Message-ID: <$id@pipe.example.com>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
			. "Content-Type: text/plain; charset=utf-8\r\n\r\nHello through the pipe ($id).\r\n";
		$this->hashes[]   = hash( 'sha256', $raw );
		return $raw;
	}

	/**
	 * Ticket ids with a subject.
	 *
	 * @param string $subject Subject.
	 * @return int[]
	 */
	private function ticket_ids( string $subject ): array {
		global $wpdb;
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM ' . Schema::table( 'tickets' ) . ' WHERE subject = %s', $subject ) ) );
	}

	/**
	 * Asserts exactly one ticket with one message carries this subject.
	 *
	 * @param string $subject Subject.
	 */
	private function assertOneMessage( string $subject ): void {
		$ids = $this->ticket_ids( $subject );
		$this->assertCount( 1, $ids, "one ticket for \"$subject\"" );
		$this->assertCount( 1, ( new Messages() )->for_ticket( $ids[0], true ), "one message on it for \"$subject\"" );
	}

	private function temp_dir(): string {
		$dir = sys_get_temp_dir() . '/switchboard-pipe-' . bin2hex( random_bytes( 6 ) );
		mkdir( $dir, 0755, true );
		$this->temp[] = $dir;
		return $dir;
	}

	/**
	 * A port nothing listens on (bound, then released).
	 */
	private static function free_port(): int {
		$server = stream_socket_server( 'tcp://127.0.0.1:0' );
		self::assertNotFalse( $server );
		$name = (string) stream_socket_get_name( $server, false );
		fclose( $server );
		return (int) substr( (string) strrchr( $name, ':' ), 1 );
	}

	/**
	 * A WordPress folder for the pipe: its wp-load.php is the PHPUnit site's configuration with
	 * another DB_HOST, Switchboard active, no mail sent, and the fault the environment variable
	 * SWITCHBOARD_TEST_FAULT asks for (throw | die in the importer's first filter). The pipe's
	 * default spool is then <folder>/wp-content/switchboard-spool.
	 *
	 * @param string $db_host Database host:port.
	 */
	private function site( string $db_host ): string {
		$dir    = $this->temp_dir();
		$config = "<?php\n// Written by MailPipeTest.\n"
			. '$switchboard_hook = static fn( callable $fn ): array => array( 10 => array( array( \'function\' => $fn, \'accepted_args\' => 1 ) ) );' . "\n"
			. '$wp_filter = array(' . "\n"
			. "\t'pre_option_active_plugins' => \$switchboard_hook( static fn(): array => array( 'switchboard/switchboard.php' ) ),\n"
			. "\t'pre_wp_mail' => \$switchboard_hook( static fn(): bool => true ),\n"
			. ");\n"
			. "if ( 'throw' === getenv( 'SWITCHBOARD_TEST_FAULT' ) ) {\n"
			. "\t\$wp_filter['switchboard_email_max_size'] = \$switchboard_hook( static function () { throw new RuntimeException( 'fault injected by MailPipeTest' ); } );\n"
			. "} elseif ( 'die' === getenv( 'SWITCHBOARD_TEST_FAULT' ) ) {\n"
			. "\t\$wp_filter['switchboard_email_max_size'] = \$switchboard_hook( static function () { wp_die( 'fault injected by MailPipeTest' ); } );\n"
			. "}\n"
			. sprintf( "define( 'DB_NAME', %s );\n", var_export( DB_NAME, true ) )
			. sprintf( "define( 'DB_USER', %s );\n", var_export( DB_USER, true ) )
			. sprintf( "define( 'DB_PASSWORD', %s );\n", var_export( DB_PASSWORD, true ) )
			. sprintf( "define( 'DB_HOST', %s );\n", var_export( $db_host, true ) )
			. "define( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_COLLATE', '' );\n\$table_prefix = 'wp_';\n"
			. sprintf( "require %s;\n", var_export( ABSPATH . 'salts.php', true ) )
			. sprintf( "define( 'WP_HOME', %s );\ndefine( 'WP_SITEURL', %s );\n", var_export( home_url(), true ), var_export( home_url(), true ) )
			. "define( 'WP_DEBUG', false );\ndefine( 'DISABLE_WP_CRON', true );\ndefine( 'WP_HTTP_BLOCK_EXTERNAL', true );\n"
			. sprintf( "define( 'ABSPATH', %s );\n", var_export( ABSPATH, true ) )
			. "require ABSPATH . 'wp-settings.php';\n";
		file_put_contents( $dir . '/wp-load.php', $config );
		return $dir;
	}

	/**
	 * Runs the pipe like the MTA does.
	 *
	 * @param string                $site Folder with wp-load.php.
	 * @param string                $raw  Message on stdin.
	 * @param array<string, string> $env  More environment.
	 * @return array{code: int, out: string, err: string}
	 */
	private function pipe( string $site, string $raw, array $env = array() ): array {
		$cmd     = array( PHP_BINARY, '-d', 'display_errors=stderr', dirname( __DIR__, 4 ) . '/bin/mail-pipe.php', $site );
		$process = proc_open( $cmd, array( array( 'pipe', 'r' ), array( 'pipe', 'w' ), array( 'pipe', 'w' ) ), $pipes, null, array_merge( getenv(), $env ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open
		$this->assertIsResource( $process );
		fwrite( $pipes[0], $raw );
		fclose( $pipes[0] );
		$out = (string) stream_get_contents( $pipes[1] );
		$err = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'code' => proc_close( $process ),
			'out'  => $out,
			'err'  => $err,
		);
	}

	public function test_database_down_the_message_waits_in_the_spool_and_is_imported_once(): void {
		$down    = $this->site( '127.0.0.1:' . self::free_port() );
		$spool   = new Spool( $down . '/wp-content/switchboard-spool' ); // The default, from the path alone.
		$subject = 'Pipe while the database is down';
		$raw     = $this->mime( $subject );

		$run = $this->pipe( $down, $raw, array( 'SWITCHBOARD_SPOOL_DIR' => '' ) );
		$this->assertTrue( 75 === $run['code'] || ( 0 === $run['code'] && 1 === $spool->count() ), 'never 0 with nothing kept: ' . wp_json_encode( $run ) );
		$this->assertSame( 0, $run['code'], 'kept in the spool: no need to make the MTA retry' );
		$this->assertMatchesRegularExpression( '/^spooled \d{14}-[0-9a-f]{16}$/', trim( $run['out'] ), 'no HTML error page for the MTA' );
		$this->assertSame( array(), $this->ticket_ids( $subject ) );

		// On disk as promised: private folder, private file, nothing for a web server to serve.
		$dir = $spool->dir();
		$this->assertSame( '0700', substr( sprintf( '%o', fileperms( $dir ) ), -4 ) );
		$this->assertFileExists( $dir . '/index.php' );
		$this->assertStringContainsString( 'Deny from all', (string) file_get_contents( $dir . '/.htaccess' ) );
		$files = glob( $dir . '/*.eml' );
		$this->assertCount( 1, (array) $files );
		$this->assertSame( '0600', substr( sprintf( '%o', fileperms( (string) $files[0] ) ), -4 ) );
		$this->assertSame( $raw, file_get_contents( (string) $files[0] ) );

		// The database is back: the background drain imports it, once.
		$drain = new SpoolDrain( $spool );
		$this->assertSame(
			array(
				'imported' => 1,
				'failed'   => 0,
				'waiting'  => 0,
			),
			$drain->drain()
		);
		$this->assertOneMessage( $subject );
		$this->assertSame( 0, $drain->drain()['imported'], 'nothing left to drain' );

		// The MTA delivers the same message again (it never heard the 0, say): still one message.
		$up    = $this->site( DB_HOST );
		$again = $this->pipe( $up, $raw, array( 'SWITCHBOARD_SPOOL_DIR' => $dir ) );
		$this->assertSame( 0, $again['code'], wp_json_encode( $again ) );
		$this->assertOneMessage( $subject );
		$this->assertSame( 0, $spool->count(), 'the file of a message already imported is removed' );
	}

	public function test_a_pipe_killed_after_the_import_does_not_import_twice(): void {
		$spool   = new Spool( $this->temp_dir() . '/spool' );
		$subject = 'Pipe killed before it deleted its file';
		$raw     = $this->mime( $subject );
		$first   = $spool->write( $raw, 0 );
		$this->assertNotNull( $first );
		$this->assertTrue( ( new SpoolDrain( $spool ) )->import( $first )['kept'] );
		// The same bytes again, as if the first file had survived a kill after the import.
		$this->assertNotNull( $spool->write( $raw, 0 ) );
		$this->assertSame( 1, ( new SpoolDrain( $spool ) )->drain()['imported'] );
		$this->assertSame( 0, $spool->count() );
		$this->assertOneMessage( $subject );
	}

	public function test_an_unwritable_spool_answers_75(): void {
		$up      = $this->site( DB_HOST );
		$file    = $this->temp_dir() . '/not-a-folder';
		$subject = 'Pipe with an unwritable spool';
		file_put_contents( $file, 'x' );
		// Under a regular file: no process, not even root, can create that folder.
		$run = $this->pipe( $up, $this->mime( $subject ), array( 'SWITCHBOARD_SPOOL_DIR' => $file . '/spool' ) );
		$this->assertSame( 75, $run['code'], wp_json_encode( $run ) );
		$this->assertSame( array(), $this->ticket_ids( $subject ), 'not imported behind the spool\'s back either' );
	}

	public function test_a_fatal_error_or_wp_die_during_the_import_leaves_the_message_in_the_spool(): void {
		$up = $this->site( DB_HOST );
		foreach ( array( 'throw', 'die' ) as $fault ) {
			$dir     = $this->temp_dir() . '/spool';
			$spool   = new Spool( $dir );
			$subject = "Pipe import interrupted by $fault";
			$run     = $this->pipe(
				$up,
				$this->mime( $subject ),
				array(
					'SWITCHBOARD_SPOOL_DIR'  => $dir,
					'SWITCHBOARD_TEST_FAULT' => $fault,
				)
			);
			$this->assertTrue( 75 === $run['code'] || ( 0 === $run['code'] && 1 === $spool->count() ), "$fault: never 0 with nothing kept: " . wp_json_encode( $run ) );
			$this->assertSame( 0, $run['code'], "$fault: the spool holds it" );
			$this->assertStringStartsWith( 'spooled ', $run['out'], $fault );
			$this->assertSame( array(), $this->ticket_ids( $subject ), $fault );

			// The next drain, without the fault, imports it once.
			$this->assertSame( 1, ( new SpoolDrain( $spool ) )->drain()['imported'], $fault );
			$this->assertSame( 0, $spool->count(), $fault );
			$this->assertOneMessage( $subject );
		}
	}

	public function test_two_drains_never_import_the_same_file_and_a_poison_file_is_quarantined(): void {
		$spool   = new Spool( $this->temp_dir() . '/spool' );
		$subject = 'Spool locking and poison';
		$id      = (string) $spool->write( $this->mime( $subject ), 0 );

		// Another process holds the file (its own lock): this drain leaves it alone.
		$held = ( new Spool( $spool->dir() ) )->claim( $id );
		$this->assertNotNull( $held );
		$this->assertNull( ( new SpoolDrain( $spool ) )->import( $id ) );
		$this->assertSame( 0, ( new SpoolDrain( $spool ) )->drain()['imported'] );
		( new Spool( $spool->dir() ) )->release( (array) $held, false );

		// An import that fails every time (the filter throws): kept, and quarantined in the end.
		add_filter(
			'switchboard_email_max_size',
			static function (): int {
				throw new \RuntimeException( 'always fails' );
			}
		);
		for ( $i = 2; $i <= SpoolDrain::MAX_ATTEMPTS; $i++ ) {
			$this->assertSame( 1, ( new SpoolDrain( $spool ) )->drain()['failed'] );
			$this->assertTrue( $spool->has( $id ), "attempt $i: still in the spool" );
		}
		$last = ( new SpoolDrain( $spool ) )->import( $id );
		$this->assertNotNull( $last );
		$this->assertSame( 'quarantined', $last['status'] );
		$this->assertTrue( $last['kept'] );
		$this->assertFalse( $spool->has( $id ) );
		$row = ( new InboundStore() )->get( (int) $last['inbound_id'] );
		$this->assertSame( 'quarantined', $row['status'] ?? null );
		$this->assertStringContainsString( $subject, ( new InboundStore() )->raw( (array) $row ), 'the raw message is there to retry or download' );
	}

	public function test_site_health_reports_mail_that_waits_too_long(): void {
		$spool = new Spool( $this->temp_dir() . '/spool' );
		$drain = new SpoolDrain( $spool );
		$this->assertSame( 'good', $drain->health()['status'] );
		$this->assertNotNull( $spool->write( 'Subject: fresh', 0 ) );
		$this->assertSame( 'good', $drain->health()['status'], 'just spooled: the drain has not had its minute yet' );
		file_put_contents( $spool->dir() . '/20200101000000-0123456789abcdef-m0-a0.eml', 'Subject: old' );
		$this->assertSame( 'critical', $drain->health()['status'] );
		$this->assertStringContainsString( '2 email(s)', $drain->health()['description'] );
		$this->assertArrayHasKey( 'switchboard_mail_spool', apply_filters( 'site_status_tests', array() )['direct'] ?? array(), 'listed in Site Health' );
	}

	/**
	 * Runs PHP's built-in web server on a free port; returns [process, port] (stop with stop()).
	 *
	 * @param string[] $args Arguments after -S host:port.
	 * @return array{0: resource, 1: int}
	 */
	private function serve( array $args ): array {
		$port   = self::free_port();
		$server = proc_open( array_merge( array( PHP_BINARY, '-S', "127.0.0.1:$port" ), $args ), array( array( 'pipe', 'r' ), array( 'file', '/dev/null', 'w' ), array( 'file', '/dev/null', 'w' ) ), $pipes ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open
		$this->assertIsResource( $server );
		$ready = false;
		for ( $i = 0; $i < 50 && ! $ready; $i++ ) {
			usleep( 100000 );
			$ready = false !== @fsockopen( '127.0.0.1', $port ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		return array( $server, $port );
	}

	/**
	 * The status line of an HTTP request.
	 *
	 * @param string               $url  URL.
	 * @param array<string, mixed> $http Stream context "http" options.
	 */
	private static function status_line( string $url, array $http = array() ): string {
		$http_response_header = array();
		file_get_contents(
			$url,
			false,
			stream_context_create(
				array(
					'http' => $http + array(
						'ignore_errors' => true,
						'timeout'       => 20,
					),
				)
			)
		); // phpcs:ignore WordPress.WP.AlternativeFunctions
		return (string) ( $http_response_header[0] ?? '' );
	}

	public function test_with_the_database_down_a_webhook_gets_a_500(): void {
		$down = $this->site( '127.0.0.1:' . self::free_port() );
		file_put_contents( $down . '/router.php', "<?php\nrequire __DIR__ . '/wp-load.php';\nwp();\n" );
		list( $server, $port ) = $this->serve( array( $down . '/router.php' ) );
		try {
			$status = self::status_line(
				"http://127.0.0.1:$port/wp-json/switchboard/v1/email/inbound/raw",
				array(
					'method'  => 'POST',
					'header'  => "Content-Type: message/rfc822\r\nX-Switchboard-Timestamp: " . time() . "\r\nX-Switchboard-Signature: 00\r\n",
					'content' => $this->mime( 'Webhook while the database is down' ),
				)
			);
			$this->assertMatchesRegularExpression( '#^HTTP/1\.\d 5\d\d#', $status, 'the provider sees a 5xx and retries' );
		} finally {
			proc_terminate( $server );
			proc_close( $server );
		}
	}

	public function test_the_runtime_router_never_serves_the_spool(): void {
		$root  = $this->temp_dir();
		$spool = new Spool( $root . '/wp-content/' . Spool::FOLDER ); // The default under the web root.
		$id    = $spool->write( $this->mime( 'Spool behind the router' ), 0 );
		$this->assertNotNull( $id );
		$name = basename( (string) ( glob( $spool->dir() . '/*.eml' )[0] ?? '' ) );
		file_put_contents( $root . '/hello.txt', 'hello' );
		list( $server, $port ) = $this->serve( array( '-t', $root, dirname( __DIR__, 4 ) . '/bin/router.php' ) );
		try {
			$this->assertStringContainsString( ' 200', self::status_line( "http://127.0.0.1:$port/hello.txt" ), 'the server serves files' );
			foreach ( array( "/wp-content/switchboard-spool/$name", "/wp-content//switchboard-spool/$name", '/wp-content/switchboard-spool/index.php', '/wp-content/switchboard-spool/' ) as $path ) {
				$this->assertStringContainsString( ' 403', self::status_line( "http://127.0.0.1:$port$path" ), $path );
			}
		} finally {
			proc_terminate( $server );
			proc_close( $server );
		}
	}
}
