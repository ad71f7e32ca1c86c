<?php
/**
 * Pure-PHP checks of the plugin's main file header (no WordPress loaded).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit;

use PHPUnit\Framework\TestCase;

/**
 * WordPress and WooCommerce read these headers to decide whether the plugin may be activated,
 * so they must be present and agree with the code.
 */
final class SmokeTest extends TestCase {

	private const MAIN_FILE = __DIR__ . '/../../../plugin/switchboard.php';

	/**
	 * Parses the file header the way WordPress' get_file_data() does (first 8 KiB, `Name: value`).
	 *
	 * @return array<string, string>
	 */
	private static function header(): array {
		$source = (string) file_get_contents( self::MAIN_FILE, false, null, 0, 8192 );
		$fields = array(
			'Plugin Name',
			'Version',
			'Text Domain',
			'Requires at least',
			'Requires PHP',
			'WC requires at least',
			'WC tested up to',
			'License',
		);
		$header = array();
		foreach ( $fields as $field ) {
			if ( preg_match( '/^(?:[ \t]*<\?php)?[ \t\/*#@]*' . preg_quote( $field, '/' ) . ':(.*)$/mi', $source, $match ) ) {
				$header[ $field ] = trim( (string) preg_replace( '/\s*(?:\*\/|\?>).*/', '', $match[1] ) );
			}
		}
		return $header;
	}

	public function test_main_file_declares_plugin_name_and_text_domain(): void {
		$header = self::header();

		$this->assertSame( 'Switchboard', $header['Plugin Name'] ?? null );
		$this->assertSame( 'switchboard', $header['Text Domain'] ?? null );
		$this->assertStringStartsWith( 'GPL-2.0', $header['License'] ?? '' );
	}

	public function test_requires_php_is_a_version_this_php_satisfies(): void {
		$header = self::header();

		$this->assertArrayHasKey( 'Requires PHP', $header );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+(\.\d+)?$/', $header['Requires PHP'] );
		$this->assertTrue(
			version_compare( PHP_VERSION, $header['Requires PHP'], '>=' ),
			'This PHP (' . PHP_VERSION . ') is older than the plugin\'s Requires PHP ' . $header['Requires PHP']
		);
		$this->assertTrue( version_compare( $header['Requires PHP'], '8.1', '>=' ), 'The code uses PHP 8.1 syntax.' );
	}

	public function test_declares_woocommerce_version_range(): void {
		$header = self::header();

		$this->assertArrayHasKey( 'WC requires at least', $header );
		$this->assertArrayHasKey( 'WC tested up to', $header );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+(\.\d+)?$/', $header['WC requires at least'] );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+(\.\d+)?$/', $header['WC tested up to'] );
		$this->assertTrue(
			version_compare( $header['WC tested up to'], $header['WC requires at least'], '>=' ),
			'"WC tested up to" is lower than "WC requires at least".'
		);
		$this->assertMatchesRegularExpression( '/^\d+\.\d+(\.\d+)?$/', $header['Requires at least'] ?? '' );
	}

	public function test_header_version_matches_the_version_constant(): void {
		$header = self::header();
		$source = (string) file_get_contents( self::MAIN_FILE );

		$this->assertMatchesRegularExpression( '/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/', $header['Version'] ?? '' );
		$this->assertMatchesRegularExpression(
			'/define\(\s*\'SWITCHBOARD_VERSION\',\s*\'' . preg_quote( $header['Version'] ?? '', '/' ) . '\'\s*\)/',
			$source,
			'SWITCHBOARD_VERSION must equal the header\'s Version.'
		);
	}

	public function test_version_matches_package_json(): void {
		$package = json_decode( (string) file_get_contents( __DIR__ . '/../../../package.json' ), true );

		$this->assertIsArray( $package );
		$this->assertSame( $package['version'] ?? null, self::header()['Version'] ?? null, 'package.json and the plugin header disagree on the version.' );
	}
}
