<?php
/**
 * The installer: upgrades when the stored schema version differs, runs each data migration once,
 * in order, and grants the roles.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Db;

use Switchboard\Db\Installer;
use Switchboard\Db\Migrations\Migration;
use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;

final class InstallerTest extends TestCase {

	public function test_every_table_of_the_schema_exists(): void {
		global $wpdb;
		$this->assertGreaterThanOrEqual( 10, count( Schema::tables() ) );
		foreach ( Schema::tables() as $table ) {
			$this->assertSame( $wpdb->prefix . $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . $table ) ) ), $table );
		}
		$this->assertSame( Schema::version(), get_option( Installer::VERSION_OPTION ) );
	}

	public function test_a_changed_version_upgrades_and_runs_pending_migrations_once_in_order(): void {
		$ran        = array();
		$migrations = static function ( array $list ) use ( &$ran ): array {
			foreach ( array( '2026.12.01.2', '2026.12.01.1' ) as $version ) {
				$list[] = new class( $version, $ran ) implements Migration {
					/**
					 * @param array<int, string> $ran
					 */
					public function __construct( private string $version, private array &$ran ) {}
					public function version(): string {
						return $this->version;
					}
					public function up(): void {
						$this->ran[] = $this->version;
					}
				};
			}
			return $list;
		};
		add_filter( 'switchboard_migrations', $migrations );

		update_option( Installer::VERSION_OPTION, 'an-older-schema' );
		Installer::maybe_upgrade();
		$this->assertSame( Schema::version(), get_option( Installer::VERSION_OPTION ) );
		$this->assertSame( array( '2026.12.01.1', '2026.12.01.2' ), $ran, 'pending migrations run in version order' );

		// Already recorded: a second upgrade does not run them again.
		update_option( Installer::VERSION_OPTION, 'an-older-schema' );
		Installer::maybe_upgrade();
		$this->assertSame( array( '2026.12.01.1', '2026.12.01.2' ), $ran );
		remove_filter( 'switchboard_migrations', $migrations );
	}

	public function test_an_upgrade_leaves_the_chat_settings_autoloaded_even_before_they_are_saved(): void {
		global $wpdb;
		delete_option( \Switchboard\Channels\Chat\Settings::OPTION );
		update_option( Installer::VERSION_OPTION, 'an-older-schema' );
		Installer::maybe_upgrade();
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", \Switchboard\Channels\Chat\Settings::OPTION ) );
		// The storefront reads it on every page: a missing option would cost a query each time.
		$this->assertContains( $autoload, array( 'yes', 'on', 'auto-on' ) );
	}

	public function test_roles_and_capabilities(): void {
		$this->assertNotNull( get_role( 'switchboard_agent' ) );
		$this->assertTrue( get_role( 'switchboard_agent' )->has_cap( 'switchboard_agent' ) );
		$this->assertFalse( get_role( 'switchboard_agent' )->has_cap( 'switchboard_manage' ) );
		$this->assertTrue( get_role( 'administrator' )->has_cap( 'switchboard_manage' ) );
		$subscriber = get_role( 'subscriber' );
		$this->assertFalse( $subscriber->has_cap( 'switchboard_agent' ) );
	}

	public function test_uninstall_keeps_data_unless_the_owner_opted_in(): void {
		global $wpdb;
		update_option( Installer::DELETE_OPTION, 'no' );
		Installer::uninstall();
		$table = $wpdb->prefix . 'switchboard_tickets';
		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ), 'tables stay' );
		$this->assertNotNull( get_role( 'switchboard_agent' ), 'the role stays' );
	}
}
