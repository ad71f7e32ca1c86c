<?php
/**
 * Base class of Switchboard's REST controllers.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Auth\Capabilities;
use WP_Error;
use WP_REST_Controller;

/**
 * Shared namespace and permission helpers. Permission callbacks answer 401 to guests and 403 to
 * logged-in users without the capability, each with a stable code and a translated message.
 */
abstract class Controller extends WP_REST_Controller {

	/**
	 * REST namespace.
	 *
	 * @var string
	 */
	protected $namespace = 'switchboard/v1';

	/**
	 * Permission: the current user is an agent.
	 *
	 * @return true|WP_Error
	 */
	public function check_agent() {
		return $this->check_capability( Capabilities::AGENT );
	}

	/**
	 * Permission: the current user manages the helpdesk.
	 *
	 * @return true|WP_Error
	 */
	public function check_manager() {
		return $this->check_capability( Capabilities::MANAGE );
	}

	/**
	 * Permission: any logged-in user (customer routes then scope every query to her).
	 *
	 * @return true|WP_Error
	 */
	public function check_logged_in() {
		if ( ! is_user_logged_in() ) {
			return self::not_logged_in();
		}
		return true;
	}

	/**
	 * 401 for guests, 403 for users without the capability.
	 *
	 * @return true|WP_Error
	 */
	protected function check_capability( string $capability ) {
		if ( ! is_user_logged_in() ) {
			return self::not_logged_in();
		}
		if ( ! current_user_can( $capability ) ) {
			return new WP_Error(
				'switchboard_forbidden',
				__( 'Sorry, you are not allowed to do that.', 'switchboard' ),
				array( 'status' => 403 )
			);
		}
		return true;
	}

	/**
	 * The error for requests without a logged-in user.
	 */
	protected static function not_logged_in(): WP_Error {
		return new WP_Error(
			'switchboard_not_logged_in',
			__( 'You need to be logged in to do that.', 'switchboard' ),
			array( 'status' => 401 )
		);
	}
}
