<?php
/**
 * Base for knowledge base tests: articles that are really committed (FULLTEXT sees rows only
 * after COMMIT), removed again in tearDown.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Kb;

use Switchboard\Db\Schema;
use Switchboard\Kb\Articles;
use Switchboard\Tests\TestCase;

/**
 * InnoDB applies FULLTEXT index changes at COMMIT, so search tests commit their articles and
 * delete them afterwards instead of relying on the base class's rollback.
 */
abstract class KbTestCase extends TestCase {

	/**
	 * Posts and terms to delete.
	 *
	 * @var int[]
	 */
	protected array $posts = array();

	/**
	 * @var int[]
	 */
	protected array $terms = array();

	/**
	 * Users created by user() (committed, deleted in tearDown).
	 *
	 * @var int[]
	 */
	protected array $user_ids = array();

	/**
	 * Creates a committed user with a unique login and returns the login.
	 */
	protected function user( string $role ): string {
		$login            = 'kbtest_' . strtolower( wp_generate_password( 8, false, false ) );
		$this->user_ids[] = $this->make_user( $role, $login );
		return $login;
	}

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// Commit-mode for this test: everything below is cleaned up explicitly.
		$wpdb->query( 'ROLLBACK' );
		$wpdb->query( 'SET autocommit = 1' );
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'kb_missing' ) );
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'kb_deflections' ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", '_transient_sb_rl_%', '_transient_timeout_sb_rl_%' ) );
	}

	protected function tearDown(): void {
		global $wpdb;
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
			$wpdb->delete( Schema::table( 'kb_votes' ), array( 'post_id' => $id ) );
		}
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( $this->user_ids as $id ) {
			wp_delete_user( $id );
		}
		$this->user_ids = array();
		foreach ( $this->terms as $id ) {
			wp_delete_term( $id, Articles::TAXONOMY );
		}
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'kb_missing' ) );
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'kb_deflections' ) );
		$this->posts = array();
		$this->terms = array();
		$wpdb->query( 'START TRANSACTION' );
		parent::tearDown();
	}

	/**
	 * Creates a published article (committed).
	 *
	 * @param array<string, mixed> $args wp_insert_post() args.
	 */
	protected function article( string $title, string $content, array $args = array(), bool $internal = false, string $category = '' ): int {
		$id = wp_insert_post(
			array_merge(
				array(
					'post_type'    => Articles::POST_TYPE,
					'post_status'  => 'publish',
					'post_title'   => $title,
					'post_content' => $content,
					'meta_input'   => $internal ? array( Articles::META_INTERNAL => true ) : array(),
				),
				$args
			),
			true
		);
		$this->assertIsInt( $id );
		$this->posts[] = $id;
		if ( '' !== $category ) {
			$term = term_exists( $category, Articles::TAXONOMY );
			if ( ! $term ) {
				$term          = wp_insert_term( ucfirst( $category ), Articles::TAXONOMY, array( 'slug' => $category ) );
				$this->terms[] = (int) $term['term_id'];
			}
			wp_set_object_terms( $id, array( (int) $term['term_id'] ), Articles::TAXONOMY );
		}
		return $id;
	}
}
