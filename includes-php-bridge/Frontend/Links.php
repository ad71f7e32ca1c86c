<?php
/**
 * Signed links to a ticket for people without an account.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Tickets\Access;

/**
 * A guest link is `<support page>?sb_ticket=<id>&sb_token=<hmac>`: the page that shows it is any
 * page with the contact form or the account screens (the page chosen in the
 * `switchboard_support_page_id` option, else the one the form was sent from, else the first page
 * holding `[switchboard_account]` or its block, else — with WooCommerce — My Account → Support).
 * The token is the ticket core's HMAC (Access::token()), so it opens exactly one ticket.
 */
final class Links {

	public const TICKET = 'sb_ticket';
	public const TOKEN  = 'sb_token';
	public const VIEW   = 'sb_view';
	public const NOTICE = 'sb_notice';

	/**
	 * The base page for support links.
	 *
	 * @param string $fallback A page known to show the screens (e.g. where the form was sent from).
	 */
	public static function support_page( string $fallback = '' ): string {
		$page_id = SupportPage::id();
		$url     = $page_id > 0 ? (string) get_permalink( $page_id ) : '';
		if ( '' === $url ) {
			$url = $fallback;
		}
		if ( '' === $url ) {
			// No setting and no page the request came from (a solved email, say): a page that
			// shows the screens, else the home page (WooCommerce's bridge offers My Account).
			$detected = SupportPage::detect();
			$url      = $detected > 0 ? (string) get_permalink( $detected ) : home_url( '/' );
		}

		/**
		 * Filters the page that shows tickets to customers (contact form or account shortcode).
		 *
		 * @since 0.1.0
		 *
		 * @param string $url      Page URL.
		 * @param string $fallback The page the request came from, when known.
		 */
		return (string) apply_filters( 'switchboard_support_page_url', $url, $fallback );
	}

	/**
	 * Signed link to one ticket.
	 *
	 * @param array<string, mixed> $ticket Ticket row (with its secret).
	 * @param string               $base   Page URL.
	 * @param bool                 $rate   Jump to the rating form.
	 */
	public static function signed( array $ticket, string $base = '', bool $rate = false ): string {
		$url = add_query_arg(
			array(
				self::TICKET => (int) $ticket['id'],
				self::TOKEN  => Access::token( $ticket ),
			),
			self::support_page( $base )
		);
		return $rate ? $url . '#switchboard-rate' : $url;
	}

	/**
	 * Strips our query arguments from a URL (the base of the screens).
	 */
	public static function base( string $url ): string {
		return remove_query_arg( array( self::TICKET, self::TOKEN, self::VIEW, self::NOTICE, 'sb_page', ContactForm::SENT, 'sb_form' ), $url );
	}

	/**
	 * The current request's URL.
	 */
	public static function current(): string {
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '/';
		$home = wp_parse_url( home_url( '/' ) );
		return set_url_scheme( 'http://' . ( $home['host'] ?? 'localhost' ) . ( isset( $home['port'] ) ? ':' . $home['port'] : '' ) . $uri );
	}
}
