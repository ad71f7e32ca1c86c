<?php
/**
 * The knowledge-base bot: suggests articles, asks whether they helped, hands off to a person.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Tickets\TicketService;

/**
 * Bot replies are ordinary messages (author_type "bot") on the chat ticket, so the agent who
 * takes over reads the whole conversation — question, suggestions, the visitor's "no" — on the
 * ticket timeline and never asks her to repeat herself.
 */
final class Bot {

	/**
	 * Knowledge source.
	 *
	 * @var KnowledgeSource
	 */
	private KnowledgeSource $source;

	/**
	 * Ticket service.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param KnowledgeSource|null $source  Knowledge source.
	 * @param TicketService|null   $tickets Ticket service.
	 */
	public function __construct( ?KnowledgeSource $source = null, ?TicketService $tickets = null ) {
		/**
		 * Filters the knowledge source the chat bot answers from.
		 *
		 * @since 0.1.0
		 *
		 * @param KnowledgeSource $source Default: Switchboard's knowledge base.
		 */
		$this->source  = $source ?? apply_filters( 'switchboard_chat_knowledge_source', new KbKnowledgeSource() );
		$this->tickets = $tickets ?? new TicketService();
	}

	/**
	 * The knowledge source.
	 */
	public function source(): KnowledgeSource {
		return $this->source;
	}

	/**
	 * Answers a visitor question on the ticket: up to three articles and "did this answer your
	 * question?", or — nothing found — the way to a person. Returns the bot message id.
	 *
	 * @param array<string, mixed> $session Session row.
	 * @return int|\WP_Error
	 */
	public function answer( array $session, string $question, bool $available ) {
		$suggestions = $this->source->search( $question, 3 );
		if ( $suggestions ) {
			$lines = array( __( 'These articles might answer your question:', 'switchboard' ) );
			foreach ( $suggestions as $s ) {
				$lines[] = '• ' . $s['title'] . ' — ' . $s['url'];
			}
			$lines[] = __( 'Did this answer your question?', 'switchboard' );
			return $this->tickets->add_message(
				(int) $session['ticket_id'],
				array(
					'author_type' => 'bot',
					'author_id'   => 0,
					'channel'     => 'chat',
					'body_text'   => implode( "\n", $lines ),
					'meta'        => array(
						'chat_kind'   => 'suggestions',
						'suggestions' => $suggestions,
						'query'       => mb_substr( $question, 0, 190 ),
					),
				)
			);
		}
		return $this->say(
			$session,
			$available
				? __( 'I could not find an article about that. A person from our team can help you — choose “Talk to a person”.', 'switchboard' )
				: __( 'I could not find an article about that. Nobody is online right now: leave your message here and we will answer by email.', 'switchboard' ),
			'no_match'
		);
	}

	/**
	 * A plain bot line on the ticket.
	 *
	 * @param array<string, mixed> $session Session.
	 * @return int|\WP_Error
	 */
	public function say( array $session, string $text, string $kind ) {
		return $this->tickets->add_message(
			(int) $session['ticket_id'],
			array(
				'author_type' => 'bot',
				'author_id'   => 0,
				'channel'     => 'chat',
				'body_text'   => $text,
				'meta'        => array( 'chat_kind' => $kind ),
			)
		);
	}
}
