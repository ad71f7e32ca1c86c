<?php
/**
 * Mentions in private notes, now a listener on switchboard_message_created.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\TicketService;

final class MentionsTest extends TestCase {

	private TicketService $service;
	private int $ticket;
	private int $mate;

	protected function setUp(): void {
		parent::setUp();
		$this->service = new TicketService();
		$this->mate    = $this->make_user( 'switchboard_agent', 'mention_mate' );
		$this->make_user( 'customer', 'mention_shopper' );
		$this->make_user( 'switchboard_agent', 'mention_writer' );
		$this->as_user( 'mention_writer' );
		$customer     = ( new Customers() )->resolve( 'email', 'mentions@example.test', array( 'name' => 'Mia' ) );
		$this->ticket = (int) $this->service->create(
			array(
				'subject'     => 'Broken kettle',
				'customer_id' => $customer,
				'message'     => array(
					'author_type' => 'customer',
					'body_text'   => 'It leaks, ask @mention_mate.',
				),
			)
		);
		$GLOBALS['switchboard_tests_mail'] = array();
	}

	private function note( string $text, bool $is_private = true ): int {
		$id = $this->service->add_message(
			$this->ticket,
			array(
				'author_type' => 'agent',
				'is_private'  => $is_private,
				'body_text'   => $text,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/** @return array<int, array<string, mixed>> */
	private function mentions(): array {
		$rows = array_filter( ( new Events() )->for_ticket( $this->ticket ), static fn ( array $e ): bool => 'mentioned' === $e['type'] );
		return array_values( $rows );
	}

	public function test_a_note_mails_the_mentioned_agents_only_and_records_them(): void {
		$note = $this->note( 'Can @mention_mate check? Not @mention_shopper, not @mention_writer, not @nobody_here.' );

		$mail = $this->sent_mail();
		$this->assertCount( 1, $mail, 'customers, the author and unknown logins get nothing' );
		$this->assertSame( 'mention_mate@example.test', $mail[0]['to'] );
		$this->assertStringContainsString( '#' . $this->ticket . ': Broken kettle', $mail[0]['subject'] );
		$this->assertStringContainsString( 'page=switchboard&ticket=' . $this->ticket, $mail[0]['message'] );

		$events = $this->mentions();
		$this->assertCount( 1, $events );
		$this->assertSame(
			array(
				'users'      => array( $this->mate ),
				'message_id' => $note,
			),
			json_decode( (string) $events[0]['data'], true )
		);
	}

	public function test_public_replies_and_customer_messages_mention_nobody(): void {
		$this->note( 'Thanks! @mention_mate will ship a new one.', false );
		$this->service->add_message(
			$this->ticket,
			array(
				'author_type' => 'customer',
				'is_private'  => true,
				'body_text'   => 'Hello @mention_mate',
			)
		);

		$this->assertNotContains( 'mention_mate@example.test', array_column( $this->sent_mail(), 'to' ) );
		$this->assertSame( array(), $this->mentions() );
	}

	public function test_mentions_come_before_other_listeners_of_the_new_message(): void {
		$seen     = array();
		$mentions = function () use ( &$seen ): void {
			$seen[] = 'agents_mentioned';
		};
		$listener = function ( $message_id, $message ) use ( &$seen ): void {
			$seen[] = 'message_created:' . count( $this->mentions() );
		};
		add_action( 'switchboard_agents_mentioned', $mentions );
		add_action( 'switchboard_message_created', $listener, -1000, 2 );
		$this->note( 'FYI @mention_mate' );
		remove_action( 'switchboard_message_created', $listener, -1000 );
		remove_action( 'switchboard_agents_mentioned', $mentions );

		$this->assertSame( array( 'agents_mentioned', 'message_created:1' ), $seen );
	}
}
