<?php
/**
 * The private folder: a random, stable name; index.php and .htaccess in every folder; files
 * stored under the pre-0.2.0 folder still resolve and are moved by the migration.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Db;

use Switchboard\Channels\Email\InboundStore;
use Switchboard\Db\Installer;
use Switchboard\Db\Migrations\MovePrivateUploads;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Attachments;

final class PrivateDirTest extends TestCase {

	/**
	 * Folders made under the legacy folder by a test, removed afterwards.
	 *
	 * @var string[]
	 */
	private array $cleanup = array();

	protected function tearDown(): void {
		foreach ( $this->cleanup as $path ) {
			if ( is_file( $path ) ) {
				unlink( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		parent::tearDown();
	}

	public function test_the_folder_name_is_random_and_stable(): void {
		$name = Installer::private_dir_name();
		$this->assertMatchesRegularExpression( '/^switchboard-private-[a-f0-9]{24}$/', $name );
		$this->assertSame( $name, Installer::private_dir_name() );
		wp_cache_flush();
		$this->assertSame( $name, Installer::private_dir_name(), 'kept in an option' );
		$this->assertSame( $name, get_option( Installer::PRIVATE_OPTION ) );
		$uploads = wp_upload_dir( null, false );
		$this->assertSame( trailingslashit( $uploads['basedir'] ) . $name, Installer::private_dir() );
		$this->assertDirectoryExists( Installer::private_dir(), 'made on install' );
	}

	public function test_a_site_without_the_option_gets_a_new_random_name(): void {
		$name = Installer::private_dir_name();
		delete_option( Installer::PRIVATE_OPTION );
		$fresh = Installer::private_dir_name();
		$this->assertMatchesRegularExpression( '/^switchboard-private-[a-f0-9]{24}$/', $fresh );
		$this->assertNotSame( $name, $fresh );
		update_option( Installer::PRIVATE_OPTION, 'switchboard-private', true );
		$this->assertMatchesRegularExpression( '/^switchboard-private-[a-f0-9]{24}$/', Installer::private_dir_name(), 'a damaged value is replaced' );
		// The transaction is rolled back: the site keeps its folder.
	}

	public function test_every_folder_has_an_index_and_deny_rules(): void {
		$store = new Attachments();
		$id    = $store->store( 'note.txt', 'hello', 'text/plain', array( 'uploaded_by' => 1 ) );
		$this->assertIsInt( $id );
		$path            = $store->path( (array) $store->get( $id ) );
		$this->cleanup[] = $path;
		$this->assertStringStartsWith( Installer::private_dir() . '/', $path );
		$dirs = array( Installer::private_dir(), dirname( $path, 2 ), dirname( $path ) ); // base, YYYY, MM.
		foreach ( $dirs as $dir ) {
			$this->assertFileExists( $dir . '/index.php', $dir );
			$this->assertFileExists( $dir . '/.htaccess', $dir );
			$this->assertStringContainsString( 'Require all denied', (string) file_get_contents( $dir . '/.htaccess' ) );
		}
		// Raw mail too.
		$inbound         = new InboundStore();
		$row             = (array) $inbound->get( $inbound->put( "Subject: x\r\n\r\nbody", array( 'source' => 'test' ) ) );
		$this->cleanup[] = $inbound->path( $row );
		$this->assertStringStartsWith( Installer::private_dir() . '/mail/', $inbound->path( $row ) );
		$this->assertFileExists( dirname( $inbound->path( $row ) ) . '/index.php' );
		$this->assertFileExists( dirname( $inbound->path( $row ) ) . '/.htaccess' );
		$this->assertFileExists( Installer::private_dir() . '/mail/.htaccess' );
	}

	public function test_files_in_the_old_folder_still_resolve_and_are_moved(): void {
		$relative = 'legacy-' . wp_generate_password( 8, false, false ) . '/' . bin2hex( random_bytes( 8 ) );
		$legacy   = Installer::legacy_private_dir() . '/' . $relative;
		wp_mkdir_p( dirname( $legacy ) );
		file_put_contents( $legacy, 'old bytes' ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		$this->cleanup[] = $legacy;
		$this->cleanup[] = Installer::private_dir() . '/' . $relative;

		$store = new Attachments();
		$row   = array( 'path' => $relative );
		$this->assertSame( $legacy, $store->path( $row ), 'a file not moved yet is found where it is' );
		$this->assertSame( $legacy, ( new InboundStore() )->path( $row ) );

		( new MovePrivateUploads() )->up();

		$moved = Installer::private_dir() . '/' . $relative;
		$this->assertSame( $moved, $store->path( $row ) );
		$this->assertSame( 'old bytes', (string) file_get_contents( $moved ) );
		$this->assertFileDoesNotExist( $legacy );
		$this->assertFileExists( dirname( $moved ) . '/index.php', 'moved folders get an index' );
		$this->assertFileExists( dirname( $moved ) . '/.htaccess' );
		$this->assertDirectoryDoesNotExist( Installer::legacy_private_dir(), 'the guessable folder is gone once empty' );
		$this->assertSame( '', Installer::private_path( '../wp-config.php' ) );
	}
}
