<?php
/**
 * Helpful votes, view counts and deflection records.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Kb;

use Switchboard\Db\Schema;
use Switchboard\Kb\Articles;
use Switchboard\Kb\Deflections;
use Switchboard\Kb\Views;

final class VotesTest extends KbTestCase {

	public function test_one_vote_per_visitor_which_can_change(): void {
		$id                     = $this->article( 'Tracking your parcel', 'Use the tracking link.' );
		$_SERVER['REMOTE_ADDR'] = '198.51.100.1';

		$first = $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $id . '/vote', array( 'value' => 'up' ) );
		$this->assertSame( 201, $first->get_status() );
		$this->assertSame( array( 1, 0 ), array( $first->get_data()['up'], $first->get_data()['down'] ) );

		$again = $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $id . '/vote', array( 'value' => 'up' ) );
		$this->assertSame( 200, $again->get_status() );
		$this->assertFalse( $again->get_data()['changed'] );
		$this->assertSame( 1, $again->get_data()['up'] );

		$changed = $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $id . '/vote', array( 'value' => 'down' ) );
		$this->assertSame( array( 0, 1 ), array( $changed->get_data()['up'], $changed->get_data()['down'] ) );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.2';
		$other                  = $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $id . '/vote', array( 'value' => 'up' ) );
		$this->assertSame( array( 1, 1 ), array( $other->get_data()['up'], $other->get_data()['down'] ) );
		$this->assertSame( '1', get_post_meta( $id, Articles::META_UP, true ) );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_votes_refused_on_internal_drafts_and_bad_values(): void {
		$internal = $this->article( 'Internal', 'x', array(), true );
		$draft    = $this->article( 'Draft', 'x', array( 'post_status' => 'draft' ) );
		$public   = $this->article( 'Public', 'x' );

		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $internal . '/vote', array( 'value' => 'up' ) ), 404, 'switchboard_kb_article_not_found' );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $draft . '/vote', array( 'value' => 'up' ) ), 404, 'switchboard_kb_article_not_found' );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/kb/articles/999999999/vote', array( 'value' => 'up' ) ), 404 );
		$this->assertRestError( $this->rest( 'POST', '/switchboard/v1/kb/articles/' . $public . '/vote', array( 'value' => 'maybe' ) ), 400, 'rest_invalid_param' );
	}

	public function test_views_are_counted_atomically(): void {
		$id = $this->article( 'Sizes', 'size chart' );
		Views::increment( $id );
		Views::increment( $id );
		Views::increment( $id );
		$this->assertSame( '3', get_post_meta( $id, Articles::META_VIEWS, true ) );
	}

	public function test_deflection_opened_then_submitted(): void {
		global $wpdb;
		$id      = $this->article( 'Change your address', 'address' );
		$session = str_repeat( 'ab', 16 );

		$response = $this->rest(
			'POST',
			'/switchboard/v1/kb/deflections',
			array(
				'session'    => $session,
				'article_id' => $id,
				'query'      => 'Change address',
			)
		);
		$this->assertSame( 201, $response->get_status() );
		// Idempotent per session and article.
		$this->rest(
			'POST',
			'/switchboard/v1/kb/deflections',
			array(
				'session'    => $session,
				'article_id' => $id,
			)
		);
		$this->assertSame( '1', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'kb_deflections' ) ) );

		$summary = ( new Deflections() )->summary( gmdate( 'Y-m-d H:i:s', time() - 60 ) );
		$this->assertSame(
			array(
				'opened'    => 1,
				'deflected' => 1,
				'submitted' => 0,
			),
			$summary
		);

		( new Deflections() )->submitted( $session, 42 );
		$summary = ( new Deflections() )->summary( gmdate( 'Y-m-d H:i:s', time() - 60 ) );
		$this->assertSame(
			array(
				'opened'    => 1,
				'deflected' => 0,
				'submitted' => 1,
			),
			$summary
		);

		$this->assertRestError(
			$this->rest(
				'POST',
				'/switchboard/v1/kb/deflections',
				array(
					'session'    => 'nope',
					'article_id' => $id,
				)
			),
			400,
			'rest_invalid_param'
		);
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/kb/deflections/summary' ), 401 );
	}
}
