<?php
/**
 * Base for the email channel's unit tests.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use PHPUnit\Framework\TestCase;

/**
 * Makes `Switchboard\` classes loadable without WordPress (Composer's autoload-dev maps only the
 * tests namespace) and finds the shared mail corpus.
 */
abstract class EmailTestCase extends TestCase {

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::register_autoloader();
	}

	/**
	 * PSR-4 `Switchboard\` → includes-php-bridge/, unless something already provides it.
	 */
	public static function register_autoloader(): void {
		static $done = false;
		if ( $done ) {
			return;
		}
		$done = true;
		$base = dirname( __DIR__, 4 ) . '/includes-php-bridge/';
		spl_autoload_register(
			static function ( string $class ) use ( $base ): void {
				if ( ! str_starts_with( $class, 'Switchboard\\' ) || str_starts_with( $class, 'Switchboard\\Tests\\' ) ) {
					return;
				}
				$file = $base . str_replace( '\\', '/', substr( $class, 12 ) ) . '.php';
				if ( is_file( $file ) ) {
					require $file;
				}
			}
		);
	}

	/**
	 * The corpus directory: ../shared/mail-corpus beside the repository (or SWITCHBOARD_MAIL_CORPUS).
	 */
	public static function corpus_dir(): string {
		$env = getenv( 'SWITCHBOARD_MAIL_CORPUS' );
		if ( false !== $env && '' !== $env ) {
			return rtrim( $env, '/' );
		}
		return dirname( __DIR__, 5 ) . '/shared/mail-corpus';
	}
}
