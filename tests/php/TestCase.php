<?php
/**
 * Base class for integration tests that run inside WordPress against the real database.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests;

use WP_REST_Request;
use WP_REST_Response;

/**
 * Every test runs inside a database transaction that is rolled back afterwards, so tests may
 * create users, tickets and orders freely. (DDL such as CREATE TABLE commits implicitly in
 * MariaDB: a test that runs the installer must clean up after itself.)
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * Users created by make_user() during this test, by login.
	 *
	 * @var array<string, int>
	 */
	private array $users = array();

	protected function setUp(): void {
		parent::setUp();

		if ( ! defined( 'ABSPATH' ) || ! function_exists( 'wp_set_current_user' ) ) {
			$this->fail( 'WordPress is not loaded: run integration tests through `npm run test:php` (tests/php/bootstrap.php).' );
		}

		global $wpdb;
		$wpdb->suppress_errors( false );
		$wpdb->show_errors( false );
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );

		wp_cache_flush();
		$this->users                       = array();
		$GLOBALS['switchboard_tests_mail'] = array();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		$wpdb->query( 'SET autocommit = 1' );

		wp_set_current_user( 0 );
		wp_cache_flush();
		// The next rest() builds a fresh server, so routes registered by one test do not leak.
		$GLOBALS['wp_rest_server'] = null;
		$this->users               = array();

		parent::tearDown();
	}

	/**
	 * Creates a user with a role (rolled back with the test) and returns its ID.
	 *
	 * @param string               $role  e.g. 'administrator', 'switchboard_agent', 'customer', 'subscriber'.
	 * @param string|null          $login Defaults to a unique login derived from the role.
	 * @param array<string, mixed> $extra More wp_insert_user() fields (display_name, user_email, …).
	 */
	protected function make_user( string $role, ?string $login = null, array $extra = array() ): int {
		$login = $login ?? $role . '_' . wp_generate_password( 8, false, false );
		$id    = wp_insert_user(
			array_merge(
				array(
					'user_login' => $login,
					'user_pass'  => 'password',
					'user_email' => strtolower( $login ) . '@example.test',
					'role'       => $role,
				),
				$extra
			)
		);
		if ( is_wp_error( $id ) ) {
			$this->fail( 'Could not create user ' . $login . ': ' . $id->get_error_message() );
		}
		$this->users[ $login ] = $id;
		return $id;
	}

	/**
	 * Makes $login the current user (created by make_user(), or an existing login). Returns its ID.
	 */
	protected function as_user( string $login ): int {
		$id = $this->users[ $login ] ?? 0;
		if ( 0 === $id ) {
			$user = get_user_by( 'login', $login );
			if ( ! $user ) {
				$this->fail( 'No user with login ' . $login . ' (create it with make_user()).' );
			}
			$id = $user->ID;
		}
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Logs out: the following requests are a guest's.
	 */
	protected function as_guest(): void {
		wp_set_current_user( 0 );
	}

	/**
	 * Dispatches a REST request as the current user and returns the response (errors included:
	 * their data is `{ code, message, data: { status } }`).
	 *
	 * @param string               $method GET, POST, PUT, PATCH, DELETE.
	 * @param string               $route  Full route, e.g. '/switchboard/v1/overview'.
	 * @param array<string, mixed> $params Query parameters for GET/DELETE, the JSON body otherwise.
	 */
	protected function rest( string $method, string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( strtoupper( $method ), $route );
		if ( in_array( $request->get_method(), array( 'GET', 'HEAD', 'DELETE' ), true ) ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
			$request->set_body_params( $params );
		}

		return rest_ensure_response( rest_get_server()->dispatch( $request ) );
	}

	/**
	 * Asserts a REST error response: status, stable code, and the `{ code, message, data.status }` shape.
	 */
	protected function assertRestError( WP_REST_Response $response, int $status, ?string $code = null ): void {
		$data = $response->get_data();
		$this->assertSame( $status, $response->get_status(), 'HTTP status; body: ' . wp_json_encode( $data ) );
		$this->assertIsArray( $data );
		$this->assertIsString( $data['code'] ?? null, 'error code' );
		$this->assertIsString( $data['message'] ?? null, 'error message' );
		$this->assertSame( $status, $data['data']['status'] ?? null, 'data.status' );
		if ( null !== $code ) {
			$this->assertSame( $code, $data['code'] );
		}
	}

	/**
	 * The mail wp_mail() would have sent during this test (nothing leaves the machine), each as
	 * wp_mail()'s arguments: to, subject, message, headers, attachments.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	protected function sent_mail(): array {
		return $GLOBALS['switchboard_tests_mail'] ?? array();
	}

	/**
	 * Whether WooCommerce is loaded in this run.
	 */
	protected static function woocommerce_active(): bool {
		return class_exists( 'WooCommerce', false ) && function_exists( 'WC' );
	}

	/**
	 * Skips the test (with the agreed message) when WooCommerce is not loaded.
	 */
	protected function requires_woocommerce(): void {
		if ( ! self::woocommerce_active() ) {
			$this->markTestSkipped( 'skipped: WooCommerce not installed' );
		}
	}
}
