<?php
/**
 * Support screens: list, thread without private notes, reply, rating, and bob refused alice's.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Frontend;

use Switchboard\Frontend\AccountScreens;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class AccountScreensTest extends TestCase {

	private int $ticket_id = 0;

	protected function setUp(): void {
		parent::setUp();
		$alice = $this->make_user( 'subscriber', 'sb_alice_' . wp_generate_password( 5, false, false ) );
		$this->make_user( 'subscriber', 'sb_bob' );
		$customer = ( new Customers() )->for_user( $alice );

		$service         = new TicketService();
		$this->ticket_id = (int) $service->create(
			array(
				'subject'     => 'Broken mug',
				'channel'     => 'account',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'The mug arrived broken.',
				),
			)
		);
		$this->make_user( 'switchboard_agent', 'sb_agent' );
		$this->as_user( 'sb_agent' );
		$service->add_message(
			$this->ticket_id,
			array(
				'author_type' => 'agent',
				'body_text'   => 'Sorry! A new mug is on its way.',
			)
		);
		$service->add_message(
			$this->ticket_id,
			array(
				'author_type' => 'agent',
				'is_private'  => true,
				'body_text'   => 'PRIVATE: supplier issue again',
			)
		);
		wp_set_current_user( $alice );
		add_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
	}

	protected function tearDown(): void {
		remove_filter( 'wp_redirect', array( $this, 'stop_redirect' ) );
		$_GET  = array();
		$_POST = array();
		parent::tearDown();
	}

	/**
	 * @param string $location Location.
	 */
	public function stop_redirect( $location ): never {
		throw new \RuntimeException( 'redirect:' . $location );
	}

	private function render( array $get ): string {
		$_GET = $get;
		return ( new AccountScreens() )->render( home_url( '/support/' ) );
	}

	public function test_alice_lists_and_reads_her_ticket_without_private_notes(): void {
		$this->assertStringContainsString( 'Broken mug', $this->render( array() ) );
		$html = $this->render( array( 'sb_ticket' => (string) $this->ticket_id ) );
		$this->assertStringContainsString( 'The mug arrived broken.', $html );
		$this->assertStringContainsString( 'A new mug is on its way.', $html );
		$this->assertStringNotContainsString( 'PRIVATE', $html );
		$this->assertStringContainsString( 'name="switchboard_account_action" value="reply"', $html );
	}

	public function test_bob_is_refused_alices_ticket(): void {
		$this->as_user( 'sb_bob' );
		$this->assertStringNotContainsString( 'Broken mug', $this->render( array() ) );
		$html = $this->render( array( 'sb_ticket' => (string) $this->ticket_id ) );
		$this->assertStringNotContainsString( 'Broken mug', $html );
		$this->assertStringContainsString( 'does not exist', $html );

		// Posting a reply to her ticket does not land either.
		$_POST                     = array(
			'switchboard_account_action' => 'reply',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $this->ticket_id,
			'body'                       => 'bob was here',
			'sb_base'                    => home_url( '/support/' ),
		);
		$_SERVER['REQUEST_METHOD'] = 'POST';
		( new AccountScreens() )->handle_post();
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$this->assertSame( 1, ( new TicketService() )->get( $this->ticket_id )['message_count'] <=> 0 );
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . \Switchboard\Db\Schema::table( 'messages' ) . ' WHERE ticket_id = %d AND body_text = %s', $this->ticket_id, 'bob was here' ) ) );
	}

	public function test_guest_with_signed_link_reads_and_replies(): void {
		$this->as_guest();
		$ticket = ( new TicketService() )->get( $this->ticket_id );
		$token  = Access::token( $ticket );
		$html   = $this->render(
			array(
				'sb_ticket' => (string) $this->ticket_id,
				'sb_token'  => $token,
			)
		);
		$this->assertStringContainsString( 'The mug arrived broken.', $html );
		$this->assertStringNotContainsString( 'PRIVATE', $html );

		$_POST                     = array(
			'switchboard_account_action' => 'reply',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $this->ticket_id,
			'token'                      => $token,
			'body'                       => 'Thanks, received!',
			'sb_base'                    => home_url( '/support/' ),
		);
		$_SERVER['REQUEST_METHOD'] = 'POST';
		try {
			( new AccountScreens() )->handle_post();
			$this->fail( 'expected a redirect' );
		} catch ( \RuntimeException $e ) {
			$this->assertStringContainsString( 'sb_notice=replied', $e->getMessage() );
		} finally {
			$_SERVER['REQUEST_METHOD'] = 'GET';
		}
		$this->assertStringContainsString(
			'Thanks, received!',
			$this->render(
				array(
					'sb_ticket' => (string) $this->ticket_id,
					'sb_token'  => $token,
				)
			)
		);
	}

	public function test_rating_a_solved_ticket(): void {
		$this->as_user( 'sb_agent' );
		( new TicketService() )->update( $this->ticket_id, array( 'status' => 'solved' ) );
		$ticket = ( new TicketService() )->get( $this->ticket_id );
		$this->as_guest();
		$token = Access::token( $ticket );
		$html  = $this->render(
			array(
				'sb_ticket' => (string) $this->ticket_id,
				'sb_token'  => $token,
			)
		);
		$this->assertStringContainsString( 'id="switchboard-rate"', $html );

		$_POST                     = array(
			'switchboard_account_action' => 'rate',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $this->ticket_id,
			'token'                      => $token,
			'score'                      => '5',
			'comment'                    => 'Fast and friendly',
			'sb_base'                    => home_url( '/support/' ),
		);
		$_SERVER['REQUEST_METHOD'] = 'POST';
		try {
			( new AccountScreens() )->handle_post();
		} catch ( \RuntimeException $e ) {
			$this->assertStringContainsString( 'sb_notice=rated', $e->getMessage() );
		} finally {
			$_SERVER['REQUEST_METHOD'] = 'GET';
		}
		$this->assertSame( 5, ( new TicketService() )->get_meta( $this->ticket_id, 'rating' )['score'] );
		$this->assertStringContainsString(
			'You rated this request 5 out of 5.',
			$this->render(
				array(
					'sb_ticket' => (string) $this->ticket_id,
					'sb_token'  => $token,
				)
			)
		);
	}

	public function test_new_ticket_refuses_someone_elses_order(): void {
		$this->requires_woocommerce();
		$bob_id = (int) get_user_by( 'login', 'sb_bob' )->ID;
		$order  = wc_create_order( array( 'customer_id' => $bob_id ) );
		$html   = $this->render( array( 'sb_view' => 'new' ) );
		$this->assertStringNotContainsString( 'value="' . $order->get_id() . '"', $html );

		$_POST                     = array(
			'switchboard_account_action' => 'new',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'subject'                    => 'About an order',
			'body'                       => 'Question',
			'order_id'                   => (string) $order->get_id(),
			'sb_base'                    => home_url( '/support/' ),
		);
		$_SERVER['REQUEST_METHOD'] = 'POST';
		( new AccountScreens() )->handle_post();
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$this->assertStringContainsString( 'That order is not one of yours.', $this->render( array( 'sb_view' => 'new' ) ) );
	}
}
