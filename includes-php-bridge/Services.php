<?php
/**
 * The shared services, built once and on demand.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard;

use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\CannedResponses\Service as CannedResponses;
use Switchboard\Tickets\Counters;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\CustomerTickets;
use Switchboard\Tickets\Events;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\SearchDocument;
use Switchboard\Tickets\TicketRepository;
use Switchboard\Tickets\TicketService;

/**
 * Plugin's service graph. Each getter builds its service the first time it is asked for and
 * hands back the same instance afterwards, so a storefront request that never reaches the
 * helpdesk builds nothing (and nothing here queries the database when built). The ticket core
 * is built around one event log, one repository and one search document.
 */
final class Services {

	/**
	 * Built services by id.
	 *
	 * @var array<string, object>
	 */
	private array $built = array();

	/**
	 * The instance for $id, built by $factory the first time.
	 *
	 * @template T of object
	 * @param string        $id      Service id.
	 * @param callable(): T $factory Builds the service.
	 * @return T
	 */
	private function once( string $id, callable $factory ): object {
		if ( ! isset( $this->built[ $id ] ) ) {
			$this->built[ $id ] = $factory();
		}
		return $this->built[ $id ];
	}

	/**
	 * The ticket event log.
	 */
	public function events(): Events {
		return $this->once( 'events', static fn(): Events => new Events() );
	}

	/**
	 * Ticket rows and meta.
	 */
	public function ticket_repository(): TicketRepository {
		return $this->once( 'ticket_repository', static fn(): TicketRepository => new TicketRepository() );
	}

	/**
	 * The per-ticket search document.
	 */
	public function search_document(): SearchDocument {
		return $this->once( 'search_document', static fn(): SearchDocument => new SearchDocument() );
	}

	/**
	 * Store-time ticket counters.
	 */
	public function counters(): Counters {
		return $this->once( 'counters', fn(): Counters => new Counters( $this->ticket_repository(), $this->search_document() ) );
	}

	/**
	 * The ticket core's entry point.
	 */
	public function tickets(): TicketService {
		return $this->once( 'tickets', fn(): TicketService => new TicketService( $this->events(), $this->ticket_repository(), $this->search_document() ) );
	}

	/**
	 * Messages.
	 */
	public function messages(): Messages {
		return $this->once( 'messages', static fn(): Messages => new Messages() );
	}

	/**
	 * Customers.
	 */
	public function customers(): Customers {
		return $this->once( 'customers', static fn(): Customers => new Customers() );
	}

	/**
	 * Attachments.
	 */
	public function attachments(): Attachments {
		return $this->once( 'attachments', static fn(): Attachments => new Attachments() );
	}

	/**
	 * A customer's own tickets (My Account, /me).
	 */
	public function customer_tickets(): CustomerTickets {
		return $this->once( 'customer_tickets', fn(): CustomerTickets => new CustomerTickets( $this->tickets() ) );
	}

	/**
	 * Canned responses.
	 */
	public function canned_responses(): CannedResponses {
		return $this->once( 'canned_responses', fn(): CannedResponses => new CannedResponses( null, $this->tickets() ) );
	}
}
