<?php
/**
 * What the chat bot needs from the knowledge base.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

/**
 * A search over public help articles. The default implementation uses the KB module's
 * Kb\SearchIndex; another source (an external help center) can be swapped in through the
 * `switchboard_chat_knowledge_source` filter.
 */
interface KnowledgeSource {

	/**
	 * Best matches, best first.
	 *
	 * @return array<int, array{id: int, title: string, excerpt: string, url: string}>
	 */
	public function search( string $query, int $limit ): array;

	/**
	 * Records that a suggestion answered the visitor's question (a deflected ticket).
	 */
	public function record_deflection( string $session, int $article_id, string $query, int $user_id ): void;

	/**
	 * Records that the visitor went on to a person after all (the suggestions did not deflect).
	 */
	public function record_not_deflected( string $session, int $ticket_id ): void;
}
