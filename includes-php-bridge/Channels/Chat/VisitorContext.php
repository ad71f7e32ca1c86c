<?php
/**
 * What the agent sees about the visitor: the page she is on and the pages she visited.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

/**
 * Stores the visitor's current page, the pages she visited (the last PAGES_KEPT) and whatever
 * `switchboard_chat_visitor_context` adds (the WooCommerce module adds her cart and orders).
 * Runs inside the visitor's own request only (chat start and /chat/context).
 */
final class VisitorContext {

	/**
	 * Pages visited kept in a session's context.
	 */
	public const PAGES_KEPT = 20;

	/**
	 * Sessions.
	 *
	 * @var Sessions
	 */
	private Sessions $sessions;

	/**
	 * Constructor.
	 *
	 * @param Sessions|null $sessions Sessions.
	 */
	public function __construct( ?Sessions $sessions = null ) {
		$this->sessions = $sessions ?? new Sessions();
	}

	/**
	 * Records the page and refreshes the extra context.
	 *
	 * @param array<string, mixed> $session    Session row.
	 * @param string               $page_url   Current page (already sanitized).
	 * @param string               $page_title Its title (already sanitized).
	 */
	public function capture( array $session, string $page_url, string $page_title ): void {
		$old   = json_decode( (string) ( $session['context'] ?? '' ), true );
		$pages = is_array( $old ) && isset( $old['pages'] ) && is_array( $old['pages'] ) ? $old['pages'] : array();
		$last  = end( $pages );
		if ( '' !== $page_url && ( ! is_array( $last ) || ( $last['url'] ?? '' ) !== $page_url ) ) {
			$pages[] = array(
				'url'   => $page_url,
				'title' => $page_title,
				'at'    => gmdate( 'Y-m-d\TH:i:s\Z' ),
			);
		}
		$pages = array_slice( $pages, -self::PAGES_KEPT );

		/**
		 * Filters extra visitor context stored for agents (e.g. a cart snapshot). Runs in the
		 * visitor's own request (chat start and every page she opens while chatting), so it may
		 * read her cart; it must only ever add the visitor's own data.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, mixed> $context Extra context (JSON-serializable).
		 * @param array<string, mixed> $session Session row.
		 */
		$extra = apply_filters( 'switchboard_chat_visitor_context', array(), $session );
		$extra = is_array( $extra ) ? $extra : array();
		unset( $extra['pages'] );
		$set = array( 'context' => (string) wp_json_encode( array( 'pages' => $pages ) + $extra ) );
		if ( '' !== $page_url ) {
			$set['page_url']   = $page_url;
			$set['page_title'] = $page_title;
		}
		$this->sessions->update( (int) $session['id'], $set, false, true );
	}
}
