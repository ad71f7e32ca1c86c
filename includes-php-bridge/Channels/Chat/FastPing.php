<?php
/**
 * The widget's "anything new?" check, answered before WordPress finishes booting.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

/**
 * GET /wp-json/switchboard/v1/chat/ping is what every open widget calls every few seconds, so it
 * must be cheap on ordinary hosting. It is answered from `plugins_loaded` (where Switchboard
 * registers its modules): no theme, no `init` (post types, WooCommerce's session and cart), no
 * REST server, no cookie authentication — two indexed reads (the session by token hash, the
 * agents online) and at most one write every 20 seconds (the visitor's heartbeat).
 *
 * The answer is a version number: only when it changed does the widget call the full
 * GET /chat/session?after=<last id>. Anything unusual (unknown token, tables not yet installed,
 * another method) falls through to the regular REST route, which answers the same way or with
 * the proper error.
 *
 * Why not a standalone SHORTINIT script: it would have to find wp-load.php from inside the
 * plugin folder (it cannot, reliably, when the plugin folder is a symlink or wp-content is moved),
 * many hosts and security plugins block direct requests to plugin PHP files, and it would bypass
 * every `rest_*` filter site owners rely on. Measured numbers: see bin/bench-chat.mjs.
 */
final class FastPing {

	public const ROUTE = '/switchboard/v1/chat/ping';

	/**
	 * Answers and exits when the current request is a visitor ping; returns otherwise.
	 */
	public static function maybe_answer(): void {
		if ( 'GET' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || ! self::is_ping_request() ) {
			return;
		}
		$token = isset( $_SERVER['HTTP_X_SWITCHBOARD_CHAT_TOKEN'] ) ? (string) $_SERVER['HTTP_X_SWITCHBOARD_CHAT_TOKEN'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- validated by Sessions::valid_token().
		if ( ! Sessions::valid_token( $token ) ) {
			return;
		}
		global $wpdb;
		$suppress = $wpdb->suppress_errors( true );
		$sessions = new Sessions();
		$session  = $sessions->by_token( $token );
		$wpdb->suppress_errors( $suppress );
		if ( null === $session ) {
			return;
		}
		$sessions->seen( (int) $session['id'] );
		$payload = self::payload( $session, ( new Presence() )->available( Settings::raw() ) );

		if ( ! headers_sent() ) {
			header( 'Content-Type: application/json; charset=UTF-8' );
			header( 'Cache-Control: no-cache, must-revalidate, max-age=0, no-store, private' );
			header( 'X-Switchboard-Fast-Ping: 1' );
		}
		echo wp_json_encode( $payload );
		exit;
	}

	/**
	 * The ping answer.
	 *
	 * @param array<string, mixed> $session   Session row.
	 * @param bool                 $available Whether a person is available.
	 * @return array{v: int, last: int, status: string, typing: bool, available: bool}
	 */
	public static function payload( array $session, bool $available ): array {
		return array(
			'v'         => (int) $session['version'],
			'last'      => (int) $session['last_message_id'],
			'status'    => (string) $session['status'],
			'typing'    => Sessions::is_typing( $session['agent_typing_at'] ),
			'available' => $available,
		);
	}

	/**
	 * Whether the request targets the ping route, with pretty or plain permalinks.
	 */
	private static function is_ping_request(): bool {
		if ( isset( $_GET['rest_route'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- routing only.
			return self::ROUTE === untrailingslashit( (string) $_GET['rest_route'] ); // phpcs:ignore WordPress.Security
		}
		$path = (string) wp_parse_url( (string) ( $_SERVER['REQUEST_URI'] ?? '' ), PHP_URL_PATH ); // phpcs:ignore WordPress.Security
		$tail = '/' . rest_get_url_prefix() . self::ROUTE;
		return '' !== $path && str_ends_with( untrailingslashit( $path ), $tail );
	}

	/**
	 * The header name the widget sends its token in (for documentation and the widget config).
	 */
	public static function header(): string {
		return Sessions::TOKEN_HEADER;
	}
}
