<?php
/**
 * Roles and capabilities.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Auth;

/**
 * Two capabilities carry every permission decision:
 *
 * - `switchboard_agent`: work tickets (read, reply, note, assign, change status).
 * - `switchboard_manage`: everything an agent can, plus settings, mailboxes, canned
 *   responses for everyone, merging customers, deleting, reports.
 *
 * The "Support Agent" role has the first; administrators and WooCommerce shop managers get both.
 */
final class Capabilities {

	public const AGENT  = 'switchboard_agent';
	public const MANAGE = 'switchboard_manage';
	public const ROLE   = 'switchboard_agent';

	/**
	 * Hooks: re-grant when WooCommerce (and its shop_manager role) is installed after us.
	 */
	public function register(): void {
		add_action( 'woocommerce_installed', array( self::class, 'grant' ) );
	}

	/**
	 * Adds the agent role and grants the capabilities to the built-in roles. Idempotent.
	 */
	public static function grant(): void {
		if ( null === get_role( self::ROLE ) ) {
			add_role(
				self::ROLE,
				/* translators: user role name */
				__( 'Support Agent', 'switchboard' ),
				array(
					'read'      => true,
					self::AGENT => true,
				)
			);
		}

		foreach ( array( 'administrator', 'shop_manager' ) as $role_name ) {
			$role = get_role( $role_name );
			if ( null !== $role ) {
				$role->add_cap( self::AGENT );
				$role->add_cap( self::MANAGE );
			}
		}
	}

	/**
	 * Removes the role and capabilities (only on an opted-in uninstall).
	 */
	public static function revoke(): void {
		remove_role( self::ROLE );
		foreach ( array( 'administrator', 'shop_manager' ) as $role_name ) {
			$role = get_role( $role_name );
			if ( null !== $role ) {
				$role->remove_cap( self::AGENT );
				$role->remove_cap( self::MANAGE );
			}
		}
	}

	/**
	 * Whether the current user is an agent.
	 */
	public static function is_agent( int $user_id = 0 ): bool {
		return $user_id > 0 ? user_can( $user_id, self::AGENT ) : current_user_can( self::AGENT );
	}
}
