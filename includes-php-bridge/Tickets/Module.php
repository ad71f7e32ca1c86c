<?php
/**
 * The ticket core's REST API.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Rest\AgentsController;
use Switchboard\Rest\AttachmentsController;
use Switchboard\Rest\CannedResponsesController;
use Switchboard\Rest\CustomersController;
use Switchboard\Rest\MeController;
use Switchboard\Rest\MessagesController;
use Switchboard\Rest\PresenceController;
use Switchboard\Rest\QueuesController;
use Switchboard\Rest\TagsController;
use Switchboard\Rest\TeamsController;
use Switchboard\Rest\TicketActionsController;
use Switchboard\Rest\TicketsController;

/**
 * Registers the core controllers.
 */
final class Module {

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_filter( 'switchboard_rest_controllers', array( $this, 'controllers' ) );
		( new SenderCheck() )->register();
		( new OrphanAttachments() )->register();
		( new Merger() )->register();
		( new Mentions() )->register();
	}

	/**
	 * Adds the core controllers.
	 *
	 * @param array<int, \WP_REST_Controller> $controllers Controllers.
	 * @return array<int, \WP_REST_Controller>
	 */
	public function controllers( array $controllers ): array {
		$tickets = new TicketsController();
		return array_merge(
			$controllers,
			array(
				$tickets,
				new TicketActionsController( $tickets ),
				new MessagesController(),
				new AttachmentsController(),
				new CustomersController(),
				new QueuesController(),
				new AgentsController(),
				new TagsController(),
				new TeamsController(),
				new MeController(),
				new CannedResponsesController(),
				new PresenceController(),
			)
		);
	}
}
