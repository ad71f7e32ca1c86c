<?php
/**
 * Demo tickets for the local runtime (`npm start`): several channels, customers and states, and
 * two teams (Billing, Shipping) some of them are routed to.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Cli;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketService;

/**
 * Hooked to `switchboard_seed_demo`, which only the runtime's seeding script fires (command line).
 */
final class DemoData {

	/**
	 * The ticket core (null: a default one, built when seeding).
	 *
	 * @var TicketService|null
	 */
	private ?TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets;
	}

	/**
	 * Hooks (command line only: web requests pay nothing).
	 */
	public function register(): void {
		if ( 'cli' === PHP_SAPI ) {
			add_action( 'switchboard_seed_demo', array( $this, 'seed' ) );
		}
	}

	/**
	 * Seeds the demo tickets.
	 *
	 * @param array<string, mixed> $context users (login => id), orders (login => int[]), woocommerce.
	 */
	public function seed( array $context ): void {
		$users     = (array) ( $context['users'] ?? array() );
		$orders    = (array) ( $context['orders'] ?? array() );
		$agent     = (int) ( $users['agent'] ?? 0 );
		$customers = new Customers();
		$service   = $this->tickets ?? new TicketService();
		$alice     = isset( $users['alice'] ) ? $customers->for_user( (int) $users['alice'] ) : $customers->resolve( 'email', 'alice@example.com', array( 'name' => 'Alice Anderson' ) );
		$bob       = isset( $users['bob'] ) ? $customers->for_user( (int) $users['bob'] ) : $customers->resolve( 'email', 'bob@example.com', array( 'name' => 'Bob Brown' ) );
		$hanako    = $customers->resolve( 'email', 'hanako@example.jp', array( 'name' => '佐藤 花子' ) );
		$visitor   = $customers->resolve(
			'chat',
			'demo-visitor-1',
			array(
				'name'  => 'Chris Visitor',
				'email' => 'chris@example.net',
			)
		);
		$messenger = $customers->resolve( 'messenger', '4711000000001', array( 'name' => 'Dana Messenger' ) );
		$customers->add_identity( $alice, 'phone', '+1 555 0100' );

		$ago = static fn ( int $minutes ): string => gmdate( 'Y-m-d H:i:s', time() - $minutes * 60 );

		$billing  = $this->team( 'Billing', 'Refunds, invoices and payment questions.', array( $agent, (int) ( $users['admin'] ?? 0 ) ) );
		$shipping = $this->team( 'Shipping', 'Deliveries, carriers and addresses.', array( $agent ) );

		// Email, linked to Alice's order, answered, then she wrote again.
		$t = $service->create(
			array(
				'subject'     => 'My parcel has not arrived',
				'team_id'     => $shipping,
				'channel'     => 'email',
				'customer_id' => $alice,
				'order_id'    => (int) ( $orders['alice'][0] ?? 0 ),
				'tags'        => array( 'shipping' ),
				'created_at'  => $ago( 2880 ),
				'message'     => array( 'body_text' => "Hi,\n\nmy order should have arrived on Monday but the tracking page has not changed for four days. Can you check?\n\nAlice" ),
			)
		);
		if ( is_int( $t ) ) {
			$service->add_message(
				$t,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'body_html'   => '<p>Hi Alice, sorry about that! I have asked the carrier and will get back to you tomorrow.</p>',
					'created_at'  => $ago( 2700 ),
				)
			);
			$service->add_message(
				$t,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'is_private'  => true,
					'body_html'   => 'Carrier says the parcel is in the depot, @admin can we re-ship if it is not out by Friday?',
					'created_at'  => $ago( 2690 ),
				)
			);
			$service->add_message(
				$t,
				array(
					'author_type' => 'customer',
					'body_text'   => 'Any news? It is still not here.',
					'created_at'  => $ago( 95 ),
				)
			);
			$service->update(
				$t,
				array(
					'assignee_id' => $agent,
					'priority'    => 'high',
				)
			);
		}

		// Web form, new and unassigned, about Bob's order.
		$service->create(
			array(
				'subject'     => 'Wrong size delivered',
				'team_id'     => $shipping,
				'channel'     => 'web',
				'customer_id' => $bob,
				'order_id'    => (int) ( $orders['bob'][0] ?? 0 ),
				'tags'        => array( 'returns' ),
				'created_at'  => $ago( 240 ),
				'message'     => array( 'body_text' => 'I ordered the shoes in 42 but got 40. How do I exchange them?' ),
			)
		);

		// Japanese email.
		$service->create(
			array(
				'subject'     => '返品について',
				'team_id'     => $billing,
				'channel'     => 'email',
				'customer_id' => $hanako,
				'tags'        => array( 'returns' ),
				'created_at'  => $ago( 60 ),
				'message'     => array( 'body_text' => "お世話になっております。\n先日購入した商品のサイズが合わなかったため、返品をお願いしたいです。返品ポリシーを教えていただけますか。\n\n佐藤 花子" ),
			)
		);

		// Live chat, solved and rated.
		$t = $service->create(
			array(
				'subject'     => 'Do you ship to Canada?',
				'channel'     => 'chat',
				'customer_id' => $visitor,
				'tags'        => array( 'pre-sale' ),
				'created_at'  => $ago( 1440 ),
				'message'     => array( 'body_text' => 'Hi! Do you ship to Canada, and how long does it take?' ),
			)
		);
		if ( is_int( $t ) ) {
			$service->add_message(
				$t,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'body_text'   => 'We do! Usually 5–7 business days with tracking.',
					'created_at'  => $ago( 1438 ),
				)
			);
			$service->add_message(
				$t,
				array(
					'author_type' => 'customer',
					'body_text'   => 'Perfect, thanks!',
					'created_at'  => $ago( 1437 ),
				)
			);
			$service->update( $t, array( 'status' => 'solved' ) );
			$service->update_meta(
				$t,
				'rating',
				array(
					'score'   => 5,
					'comment' => 'Super quick answer',
					'at'      => gmdate(
						'Y-m-d\TH:i:s\Z',
						time() - 86000
					),
				)
			);
		}

		// A phone call logged by the agent, with a private note.
		$t = $service->create(
			array(
				'subject'     => 'Phone: change delivery address',
				'team_id'     => $shipping,
				'channel'     => 'phone',
				'customer_id' => $alice,
				'status'      => 'open',
				'created_at'  => $ago( 30 ),
				'message'     => array( 'body_text' => 'Alice called: she is moving next week and wants her next order delivered to her office.' ),
			)
		);
		if ( is_int( $t ) ) {
			$service->add_message(
				$t,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'is_private'  => true,
					'body_text'   => 'Office address is in her account notes.',
					'created_at'  => $ago( 29 ),
				)
			);
		}

		// Messenger, waiting on the customer.
		$t = $service->create(
			array(
				'subject'     => 'Is the blue jacket back in stock?',
				'channel'     => 'messenger',
				'customer_id' => $messenger,
				'tags'        => array( 'pre-sale' ),
				'created_at'  => $ago( 600 ),
				'message'     => array( 'body_text' => 'Hey, is the blue jacket in M back in stock?' ),
			)
		);
		if ( is_int( $t ) ) {
			$service->add_message(
				$t,
				array(
					'author_type' => 'agent',
					'author_id'   => $agent,
					'body_text'   => 'Next Tuesday! Shall I reserve one for you?',
					'created_at'  => $ago( 590 ),
				)
			);
			$service->update( $t, array( 'status' => 'pending' ) );
		}
	}

	/**
	 * A demo team by name, created once (seeding again finds it).
	 *
	 * @param string $name        Name.
	 * @param string $description Description.
	 * @param int[]  $members     Agent ids (0s are skipped).
	 */
	private function team( string $name, string $description, array $members ): int {
		$teams = new Teams();
		foreach ( $teams->all() as $team ) {
			if ( 0 === strcasecmp( $team['name'], $name ) ) {
				return $team['id'];
			}
		}
		$team = $teams->create(
			array(
				'name'        => $name,
				'description' => $description,
				'member_ids'  => array_values( array_filter( $members ) ),
			)
		);
		return is_wp_error( $team ) ? 0 : $team['id'];
	}
}
