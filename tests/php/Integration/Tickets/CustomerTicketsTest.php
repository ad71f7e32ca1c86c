<?php
/**
 * The customer's tickets service: one set of rules for the customer routes and the screens.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Frontend\AccountScreens;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\CustomerTickets;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\TicketService;

final class CustomerTicketsTest extends TestCase {

	private int $ticket_id = 0;

	private int $rest_requests = 0;

	protected function setUp(): void {
		parent::setUp();
		$alice = $this->make_user( 'subscriber', 'sb_alice_' . wp_generate_password( 5, false, false ) );
		$this->make_user( 'subscriber', 'sb_bob_' . wp_generate_password( 5, false, false ) );
		$customer        = ( new Customers() )->for_user( $alice );
		$this->ticket_id = (int) ( new TicketService() )->create(
			array(
				'subject'     => 'Cracked teapot',
				'channel'     => 'account',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'author_id'   => $customer,
					'body_text'   => 'The lid is cracked.',
				),
			)
		);
		wp_set_current_user( $alice );
	}

	protected function tearDown(): void {
		remove_filter( 'rest_pre_dispatch', array( $this, 'count_rest_request' ) );
		$_GET                      = array();
		$_POST                     = array();
		$_SERVER['REQUEST_METHOD'] = 'GET';
		parent::tearDown();
	}

	/**
	 * @param mixed $result Result.
	 * @return mixed
	 */
	public function count_rest_request( $result ) {
		++$this->rest_requests;
		return $result;
	}

	public function test_only_her_customer_or_a_valid_link_opens_a_ticket(): void {
		$service = new CustomerTickets();
		$this->assertSame( $this->ticket_id, (int) $service->authorize( $this->ticket_id, '' )['id'] );

		$this->as_user( (string) get_userdata( $this->make_user( 'subscriber' ) )->user_login );
		$refused = $service->authorize( $this->ticket_id, '' );
		$this->assertInstanceOf( \WP_Error::class, $refused );
		$this->assertSame( 'switchboard_ticket_not_found', $refused->get_error_code() );
		$this->assertSame( 0, $service->list( 1, 20 )['total'] );

		$this->as_guest();
		$this->assertSame( 401, $service->authorize( $this->ticket_id, '' )->get_error_data()['status'] );
		$this->assertSame( 404, $service->authorize( $this->ticket_id, str_repeat( 'a', 32 ) )->get_error_data()['status'] );
		$token = Access::token( ( new TicketService() )->get( $this->ticket_id ) );
		$this->assertSame( $this->ticket_id, (int) $service->authorize( $this->ticket_id, $token )['id'] );
	}

	public function test_screen_input_is_refused_like_the_route_refuses_it(): void {
		$route = $this->rest( 'POST', '/switchboard/v1/me/tickets/' . $this->ticket_id . '/rating', array( 'score' => 9 ) );
		$this->assertRestError( $route, 400, 'rest_invalid_param' );
		$screen = ( new CustomerTickets() )->submit( 'rate', array( 'score' => 9 ), $this->ticket_id );
		$this->assertInstanceOf( \WP_Error::class, $screen );
		$this->assertSame( 'rest_invalid_param', $screen->get_error_code() );
		$this->assertSame( $route->get_data()['message'], $screen->get_error_message() );
		$this->assertSame( array_keys( $route->get_data()['data']['params'] ), array_keys( $screen->get_error_data()['params'] ) );
		$this->assertSame( 400, $screen->get_error_data()['status'] );

		$empty = ( new CustomerTickets() )->submit( 'reply', array( 'body' => '' ), $this->ticket_id );
		$this->assertSame( array( 'body' ), array_keys( $empty->get_error_data()['params'] ) );
		$this->assertSame( 1, (int) ( new TicketService() )->get( $this->ticket_id )['message_count'] );
	}

	public function test_the_screens_do_not_go_through_the_rest_api(): void {
		add_filter( 'rest_pre_dispatch', array( $this, 'count_rest_request' ) );
		$_GET = array( 'sb_ticket' => (string) $this->ticket_id );
		$html = ( new AccountScreens() )->render( home_url( '/support/' ) );
		$this->assertStringContainsString( 'The lid is cracked.', $html );
		$_GET = array();
		$this->assertStringContainsString( 'Cracked teapot', ( new AccountScreens() )->render( home_url( '/support/' ) ) );

		$_POST                     = array(
			'switchboard_account_action' => 'reply',
			'sb_nonce'                   => wp_create_nonce( AccountScreens::NONCE ),
			'ticket_id'                  => (string) $this->ticket_id,
			'body'                       => 'Any news?',
			'sb_base'                    => home_url( '/support/' ),
		);
		$_SERVER['REQUEST_METHOD'] = 'POST';
		add_filter( 'wp_redirect', '__return_false' );
		try {
			( new AccountScreens() )->handle_post();
		} finally {
			remove_filter( 'wp_redirect', '__return_false' );
		}
		$this->assertSame( 2, (int) ( new TicketService() )->get( $this->ticket_id )['message_count'] );
		$this->assertSame( 0, $this->rest_requests );
	}
}
