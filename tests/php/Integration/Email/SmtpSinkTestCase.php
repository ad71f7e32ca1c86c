<?php
/**
 * Base of the tests that send real mail to an SMTP sink of bin/lib-mail/smtp.sh acting as a
 * mailbox's own SMTP server (port of its own, SMTP AUTH required).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Tests\TestCase;

/**
 * Starts the sink once per class (and checks it in every setUp()), lets wp_mail() really send,
 * reads back what the sink received for this test's addresses, and creates mailboxes that send
 * through it.
 */
abstract class SmtpSinkTestCase extends TestCase {

	/**
	 * SMTP AUTH user the sink requires.
	 */
	protected const USER = 'mailbox-smtp-user';

	/**
	 * Its password (a colon and a space, to prove the stored secret round-trips).
	 */
	protected const PASSWORD = 'S3cret pass:with colon';

	/**
	 * Unique per test: addresses, so runs sharing a database or a sink never mix.
	 */
	protected string $tag = '';

	/**
	 * Mail files of the sink before the test.
	 *
	 * @var string[]
	 */
	private array $before = array();

	/**
	 * The sink's folder name under the runtime dir (one per test class).
	 */
	abstract protected static function sink_name(): string;

	/**
	 * The sink's port.
	 */
	abstract protected static function port(): int;

	/**
	 * A port from an environment variable, else the runtime's SMTP sink port plus $offset.
	 *
	 * @param string $variable Environment variable.
	 * @param int    $offset   Offset from SWITCHBOARD_SMTP_PORT (default 10025).
	 */
	protected static function port_from_env( string $variable, int $offset ): int {
		$own = getenv( $variable );
		if ( is_string( $own ) && ctype_digit( $own ) ) {
			return (int) $own;
		}
		$one = getenv( 'SWITCHBOARD_SMTP_PORT' );
		return ( is_string( $one ) && ctype_digit( $one ) ? (int) $one : 10025 ) + $offset;
	}

	/**
	 * Mailbox fields every mailbox() of the class gets (before the call's own).
	 *
	 * @return array<string, mixed>
	 */
	protected static function mailbox_defaults(): array {
		return array();
	}

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		static::sink( 'start' );
	}

	public static function tearDownAfterClass(): void {
		static::sink( 'stop' );
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->assertSame( '', static::sink( 'start' ), 'the SMTP sink runs' );
		$this->tag    = bin2hex( random_bytes( 4 ) );
		$this->before = static::files();
		// The bootstrap short-circuits wp_mail(); these tests send for real.
		add_filter( 'pre_wp_mail', array( self::class, 'really_send' ), 1000 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', array( self::class, 'really_send' ), 1000 );
		parent::tearDown();
	}

	/**
	 * The pre_wp_mail filter that lets wp_mail() send.
	 *
	 * @return null
	 */
	public static function really_send() {
		return null;
	}

	protected static function repo(): string {
		return dirname( __DIR__, 4 );
	}

	private static function runtime_dir(): string {
		$dir = getenv( 'SWITCHBOARD_RUNTIME_DIR' );
		return is_string( $dir ) && '' !== $dir ? rtrim( $dir, '/' ) : self::repo() . '/.runtime';
	}

	/**
	 * Starts or stops the sink; returns '' or the script's output on failure.
	 *
	 * @param string $action start|stop.
	 */
	protected static function sink( string $action ): string {
		$env    = sprintf(
			'SWITCHBOARD_SMTP_SINK_NAME=%s SWITCHBOARD_SMTP_PORT=%d SWITCHBOARD_SMTP_AUTH=%s ',
			static::sink_name(),
			static::port(),
			escapeshellarg( self::USER . ':' . self::PASSWORD )
		);
		$output = array();
		$rc     = 0;
		exec( $env . 'bash ' . escapeshellarg( self::repo() . '/bin/lib-mail/smtp.sh' ) . ' ' . $action . ' 2>&1', $output, $rc ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
		return 0 === $rc ? '' : "smtp.sh $action failed: " . implode( ' | ', $output );
	}

	/**
	 * Mail files the sink holds.
	 *
	 * @return string[]
	 */
	private static function files(): array {
		$files = glob( self::runtime_dir() . '/' . static::sink_name() . '/*.eml' );
		return false === $files ? array() : $files;
	}

	/**
	 * What the sink received since setUp() (raw + envelope), for this test's addresses only.
	 *
	 * @return array<int, array{raw: string, envelope: array<string, mixed>}>
	 */
	protected function received(): array {
		$out = array();
		foreach ( array_diff( static::files(), $this->before ) as $file ) {
			$envelope = (array) json_decode( (string) file_get_contents( substr( $file, 0, -4 ) . '.json' ), true );
			if ( ! str_contains( implode( ',', (array) ( $envelope['rcpt_to'] ?? array() ) ), $this->tag ) ) {
				continue;
			}
			$out[] = array(
				'raw'      => (string) file_get_contents( $file ),
				'envelope' => $envelope,
			);
		}
		return $out;
	}

	/**
	 * Creates a mailbox sending through the sink, through the REST API as a manager; returns its id.
	 *
	 * @param array<string, mixed> $extra More fields.
	 */
	protected function mailbox( array $extra = array() ): int {
		$this->as_user( (string) get_userdata( $this->make_user( 'administrator' ) )->user_login );
		$response = $this->rest(
			'POST',
			'/switchboard/v1/email/mailboxes',
			array_merge(
				array(
					'name'          => 'Shop Help',
					'address'       => "help-{$this->tag}@shop.test",
					'smtp_host'     => '127.0.0.1',
					'smtp_port'     => static::port(),
					'smtp_security' => 'none',
					'smtp_user'     => self::USER,
					'smtp_password' => self::PASSWORD,
				),
				static::mailbox_defaults(),
				$extra
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) $response->get_data()['id'];
	}
}
