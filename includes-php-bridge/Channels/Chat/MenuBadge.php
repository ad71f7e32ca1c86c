<?php
/**
 * Waiting chats on the wp-admin "Support" menu.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

use Switchboard\Admin\AdminPage;
use Switchboard\Auth\Capabilities;
use Switchboard\Db\Schema;

/**
 * Adds a second count to the Support menu: chats waiting for a person. It is printed on every
 * wp-admin screen (one indexed COUNT for agents only) and kept live by the helpdesk's chat watcher
 * while the Support screen is open.
 */
final class MenuBadge {

	/**
	 * Hooks.
	 */
	public function register(): void {
		// After AdminPage adds the menu (priority 10).
		add_action( 'admin_menu', array( $this, 'add_badge' ), 20 );
	}

	/**
	 * Appends the waiting-chat count to the Support menu title.
	 */
	public function add_badge(): void {
		global $menu;
		if ( ! current_user_can( Capabilities::AGENT ) || ! is_array( $menu ) ) {
			return;
		}
		foreach ( $menu as $position => $item ) {
			if ( is_array( $item ) && AdminPage::SLUG === ( $item[2] ?? '' ) ) {
				$count = self::waiting();
				// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- appending a count to our own menu item is how wp-admin badges work.
				$menu[ $position ][0] .= self::html( $count );
				return;
			}
		}
	}

	/**
	 * The badge markup (hidden by wp-admin's own CSS when the count is 0: class count-0).
	 */
	public static function html( int $count ): string {
		return sprintf(
			' <span class="awaiting-mod switchboard-menu-chats count-%1$d" title="%3$s"><span class="count">%2$s</span><span class="screen-reader-text"> %3$s</span></span>',
			$count,
			esc_html( number_format_i18n( $count ) ),
			esc_attr(
				/* translators: hidden after the menu's chat count */
				_n( 'chat waiting', 'chats waiting', $count, 'switchboard' )
			)
		);
	}

	/**
	 * Chats waiting for a person.
	 */
	public static function waiting(): int {
		global $wpdb;
		$suppress = $wpdb->suppress_errors( true );
		$count    = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'chat_sessions' ) . " WHERE status = 'waiting'" ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- no input; table name from Schema::table().
		$wpdb->suppress_errors( $suppress );
		return $count;
	}
}
