<?php
/**
 * The ticket core's hooks.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Infrastructure\Registerable;
use Switchboard\Services;

/**
 * Wires the ticket core's own listeners (its REST controllers are in Plugin's one list).
 */
final class Module implements Registerable {

	/**
	 * The shared services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Constructor.
	 *
	 * @param Services $services The shared services.
	 */
	public function __construct( Services $services ) {
		$this->services = $services;
	}

	/**
	 * Hooks.
	 */
	public function register(): void {
		$services = $this->services;
		( new SenderCheck( $services->tickets() ) )->register();
		( new OrphanAttachments() )->register();
		( new Merger( $services->ticket_repository(), $services->counters(), $services->events() ) )->register();
		( new Mentions( $services->events() ) )->register();
	}
}
