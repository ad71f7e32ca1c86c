<?php
/**
 * Mailbox hosts: no private or reserved addresses unless allowed, no saved password for another
 * server, and a generic answer when a test connection fails.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\HostGuard;
use Switchboard\Channels\Email\Mailboxes;
use Switchboard\Tests\TestCase;

final class MailboxHostGuardTest extends TestCase {

	private const GENERIC = 'Could not connect or log in; check the host, port and credentials.';

	protected function setUp(): void {
		parent::setUp();
		$this->as_user( (string) get_userdata( $this->make_user( 'administrator' ) )->user_login );
	}

	protected function tearDown(): void {
		remove_filter( 'switchboard_mailbox_allow_private_hosts', '__return_false', 100 );
		parent::tearDown();
	}

	/**
	 * As on a real site: the runtime's allowance (tests/php/bootstrap.php, the runtime mu-plugin) is overridden.
	 */
	private function without_allowance(): void {
		add_filter( 'switchboard_mailbox_allow_private_hosts', '__return_false', 100 );
	}

	/**
	 * A saved mailbox (through the domain, with its passwords).
	 */
	private function saved_mailbox(): int {
		$id = ( new Mailboxes() )->save(
			array(
				'name'          => 'Guarded',
				'address'       => 'guarded-' . wp_generate_password( 6, false, false ) . '@shop.test',
				'imap_host'     => 'imap.example.com',
				'imap_port'     => 993,
				'imap_security' => 'ssl',
				'imap_user'     => 'guarded@shop.test',
				'imap_password' => 'saved-imap-secret',
				'smtp_host'     => 'smtp.example.com',
				'smtp_port'     => 587,
				'smtp_security' => 'starttls',
				'smtp_user'     => 'guarded@shop.test',
				'smtp_password' => 'saved-smtp-secret',
			)
		);
		$this->assertGreaterThan( 0, $id );
		return $id;
	}

	public function test_private_and_reserved_addresses_are_recognised(): void {
		foreach ( array( '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.5', '169.254.169.254', '0.0.0.0', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1' ) as $ip ) {
			$this->assertTrue( HostGuard::is_private( $ip ), $ip );
		}
		foreach ( array( '8.8.8.8', '172.32.0.1', '192.169.0.1', '1.1.1.1', '2001:4860:4860::8888' ) as $ip ) {
			$this->assertFalse( HostGuard::is_private( $ip ), $ip );
		}
	}

	public function test_loopback_and_private_hosts_are_refused_without_the_filter(): void {
		$this->without_allowance();
		foreach ( array( '127.0.0.1', 'localhost', '[::1]', '169.254.169.254', '10.0.0.8' ) as $host ) {
			$test = $this->rest(
				'POST',
				'/switchboard/v1/email/mailboxes/test',
				array(
					'imap_host'     => $host,
					'imap_port'     => 143,
					'imap_security' => 'none',
					'imap_user'     => 'x',
					'imap_password' => 'y',
				)
			);
			$this->assertRestError( $test, 400, 'switchboard_private_host' );
		}
		$smtp = $this->rest(
			'POST',
			'/switchboard/v1/email/mailboxes/smtp-test',
			array(
				'smtp_host'     => '127.0.0.1',
				'smtp_port'     => 25,
				'smtp_security' => 'none',
				'smtp_password' => 'y',
			)
		);
		$this->assertRestError( $smtp, 400, 'switchboard_private_host' );

		$create = $this->rest(
			'POST',
			'/switchboard/v1/email/mailboxes',
			array(
				'name'      => 'Internal',
				'address'   => 'internal@shop.test',
				'imap_host' => '192.168.1.5',
				'imap_port' => 993,
			)
		);
		$this->assertRestError( $create, 400, 'switchboard_private_host' );
		$this->assertNull( ( new Mailboxes() )->find_by_address( 'internal@shop.test' ) );

		$id = $this->saved_mailbox();
		$this->assertRestError(
			$this->rest(
				'PATCH',
				"/switchboard/v1/email/mailboxes/{$id}",
				array(
					'smtp_host'     => '127.0.0.1',
					'smtp_password' => 'p',
				)
			),
			400,
			'switchboard_private_host'
		);
	}

	public function test_the_filter_allows_them(): void {
		$test = $this->rest(
			'POST',
			'/switchboard/v1/email/mailboxes/test',
			array(
				'imap_host'     => '127.0.0.1',
				'imap_port'     => 1,
				'imap_security' => 'none',
				'imap_user'     => 'x',
				'imap_password' => 'y',
			)
		);
		// Allowed, so it connects (nothing listens on port 1) and fails with the generic answer.
		$this->assertRestError( $test, 422, 'switchboard_imap_failed' );
		$this->assertSame( self::GENERIC, $test->get_data()['message'] );
	}

	public function test_saved_password_is_not_sent_to_another_server(): void {
		$id = $this->saved_mailbox();
		foreach ( array( array( 'imap_host' => 'attacker.example.net' ), array( 'imap_port' => 1143 ), array( 'imap_user' => 'someone@else.test' ) ) as $override ) {
			$this->assertRestError( $this->rest( 'POST', "/switchboard/v1/email/mailboxes/{$id}/test", $override ), 400, 'switchboard_password_required' );
		}
		foreach ( array( array( 'smtp_host' => 'attacker.example.net' ), array( 'smtp_port' => 2525 ), array( 'smtp_user' => 'someone@else.test' ) ) as $override ) {
			$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/email/mailboxes/smtp-test', array( 'id' => $id ) + $override ), 400, 'switchboard_password_required' );
		}
		// Saving another server without the password would hand it to the next poll too.
		$this->assertRestError( $this->rest( 'PATCH', "/switchboard/v1/email/mailboxes/{$id}", array( 'imap_host' => 'attacker.example.net' ) ), 400, 'switchboard_password_required' );
		$this->assertSame( 'imap.example.com', ( new Mailboxes() )->get( $id )['imap_host'] );
		// The same server with a retyped password is fine (it fails to connect: generic answer).
		$typed = $this->rest(
			'POST',
			"/switchboard/v1/email/mailboxes/{$id}/test",
			array(
				'imap_host'     => '127.0.0.1',
				'imap_port'     => 1,
				'imap_security' => 'none',
				'imap_password' => 'typed',
			)
		);
		$this->assertRestError( $typed, 422, 'switchboard_imap_failed' );
		$this->assertSame( self::GENERIC, $typed->get_data()['message'] );
		$this->assertStringNotContainsStringIgnoringCase( 'refused', (string) wp_json_encode( $typed->get_data() ) );
	}
}
