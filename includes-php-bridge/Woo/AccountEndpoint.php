<?php
/**
 * WooCommerce My Account → "Support".
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Woo;

use Switchboard\Frontend\AccountScreens;
use Switchboard\Frontend\Links;
use Switchboard\Tickets\CustomerTickets;

/**
 * A real account endpoint (/my-account/support/) registered the WooCommerce way: a rewrite
 * endpoint, the query var WooCommerce knows about, a menu item before "Log out", and the
 * `woocommerce_account_support_endpoint` action rendering Frontend\AccountScreens. Order pages
 * get a "Get help with this order" link that preselects the order.
 */
final class AccountEndpoint {

	public const ENDPOINT         = 'support';
	private const REWRITE_OPTION  = 'switchboard_account_endpoint_version';
	private const REWRITE_VERSION = '1';

	/**
	 * The customer's tickets (null: AccountScreens builds its own).
	 *
	 * @var CustomerTickets|null
	 */
	private ?CustomerTickets $customer_tickets;

	/**
	 * Constructor.
	 *
	 * @param CustomerTickets|null $customer_tickets The customer's tickets.
	 */
	public function __construct( ?CustomerTickets $customer_tickets = null ) {
		$this->customer_tickets = $customer_tickets;
	}

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'add_endpoint' ) );
		add_filter( 'woocommerce_get_query_vars', array( $this, 'query_vars' ) );
		add_filter( 'woocommerce_account_menu_items', array( $this, 'menu_items' ) );
		add_filter( 'woocommerce_endpoint_' . self::ENDPOINT . '_title', array( $this, 'title' ) );
		add_action( 'woocommerce_account_' . self::ENDPOINT . '_endpoint', array( $this, 'render' ) );
		add_action( 'woocommerce_order_details_after_order_table', array( $this, 'order_help_link' ) );
		add_filter( 'switchboard_support_page_url', array( $this, 'support_page_url' ) );
		add_action( 'wp_loaded', array( $this, 'maybe_flush' ) );
	}

	/**
	 * The rewrite endpoint.
	 */
	public function add_endpoint(): void {
		add_rewrite_endpoint( self::ENDPOINT, EP_ROOT | EP_PAGES );
	}

	/**
	 * Flushes rewrite rules once after the endpoint appears.
	 */
	public function maybe_flush(): void {
		if ( get_option( self::REWRITE_OPTION ) !== self::REWRITE_VERSION ) {
			flush_rewrite_rules( false );
			update_option( self::REWRITE_OPTION, self::REWRITE_VERSION, true );
		}
	}

	/**
	 * Tells WooCommerce about the endpoint (so is_wc_endpoint_url() and titles work).
	 *
	 * @param array<string, string> $vars Query vars.
	 * @return array<string, string>
	 */
	public function query_vars( $vars ): array {
		$vars                   = (array) $vars;
		$vars[ self::ENDPOINT ] = self::ENDPOINT;
		return $vars;
	}

	/**
	 * Adds "Support" before "Log out".
	 *
	 * @param array<string, string> $items Menu items.
	 * @return array<string, string>
	 */
	public function menu_items( $items ): array {
		$items  = (array) $items;
		$logout = $items['customer-logout'] ?? null;
		unset( $items['customer-logout'] );
		$items[ self::ENDPOINT ] = __( 'Support', 'switchboard' );
		if ( null !== $logout ) {
			$items['customer-logout'] = $logout;
		}
		return $items;
	}

	/**
	 * Page title.
	 */
	public function title(): string {
		return __( 'Support', 'switchboard' );
	}

	/**
	 * Renders the screens.
	 */
	public function render(): void {
		echo ( new AccountScreens( $this->customer_tickets ) )->render( self::url() ); // phpcs:ignore WordPress.Security.EscapeOutput -- templates escape.
	}

	/**
	 * "Get help with this order" under an order the customer is looking at.
	 *
	 * @param \WC_Order $order Order.
	 */
	public function order_help_link( $order ): void {
		if ( ! $order instanceof \WC_Order || ! is_account_page() ) {
			return;
		}
		printf(
			'<p class="switchboard-order-help"><a class="button wp-element-button" href="%s">%s</a></p>',
			esc_url(
				add_query_arg(
					array(
						Links::VIEW => 'new',
						'order'     => $order->get_id(),
					),
					self::url()
				)
			),
			esc_html__( 'Get help with this order', 'switchboard' )
		);
	}

	/**
	 * Links in emails open My Account → Support when the shop has no support page at all.
	 *
	 * @param string $url Support page URL so far.
	 */
	public function support_page_url( $url ): string {
		return home_url( '/' ) === (string) $url ? self::url() : (string) $url;
	}

	/**
	 * URL of the endpoint.
	 */
	public static function url(): string {
		return (string) wc_get_account_endpoint_url( self::ENDPOINT );
	}
}
