<?php
/**
 * Builds Switchboard's services and registers their hooks.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard;

use Switchboard\Admin\AdminPage;
use Switchboard\Auth\Capabilities;
use Switchboard\Channels\Chat\Rest\AgentController as ChatAgentController;
use Switchboard\Channels\Chat\Rest\SettingsController as ChatSettingsController;
use Switchboard\Channels\Chat\Rest\VisitorController as ChatVisitorController;
use Switchboard\Channels\Chat\Rest\VisitorSignalsController as ChatVisitorSignalsController;
use Switchboard\Channels\Email\Rest\EmailMessagesController;
use Switchboard\Channels\Email\Rest\InboundController;
use Switchboard\Channels\Email\Rest\MailboxConnectionsController;
use Switchboard\Channels\Email\Rest\MailboxesController;
use Switchboard\Channels\Email\Rest\WebhookController;
use Switchboard\Channels\Email\Rest\WebhookSettingsController;
use Switchboard\Cli\DemoData;
use Switchboard\Db\Installer;
use Switchboard\Frontend\Rest\ContactController;
use Switchboard\Frontend\Rest\SupportPageController;
use Switchboard\Infrastructure\Conditional;
use Switchboard\Infrastructure\Registerable;
use Switchboard\Kb\Rest\DeflectionsController;
use Switchboard\Kb\Rest\MissingController;
use Switchboard\Kb\Rest\SearchController as KbSearchController;
use Switchboard\Kb\Rest\VotesController;
use Switchboard\Rest\AgentsController;
use Switchboard\Rest\AttachmentsController;
use Switchboard\Rest\CannedResponsesController;
use Switchboard\Rest\CustomerOrdersController;
use Switchboard\Rest\CustomersController;
use Switchboard\Rest\MeController;
use Switchboard\Rest\MessagesController;
use Switchboard\Rest\OverviewController;
use Switchboard\Rest\PresenceController;
use Switchboard\Rest\QueuesController;
use Switchboard\Rest\TagsController;
use Switchboard\Rest\TeamsController;
use Switchboard\Rest\TicketActionsController;
use Switchboard\Rest\TicketsController;
use Switchboard\Search\Rest\SearchIndexController;

/**
 * The one place where dependencies are wired: Plugin owns the service graph (built lazily, see
 * Services), constructs the feature modules with it (each wires only its own folder's hooks;
 * Conditional ones only when needed) and holds the one list of REST controllers.
 */
final class Plugin {

	/**
	 * The shared services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Constructor. Builds nothing yet: services are made when first asked for.
	 *
	 * @param Services|null $services Service graph (tests may pass their own).
	 */
	public function __construct( ?Services $services = null ) {
		$this->services = $services ?? new Services();
	}

	/**
	 * Registers every module's hooks. Nothing here queries the database: requests that
	 * are not the helpdesk's pay only for a few add_action() calls.
	 */
	public function register(): void {
		( new Installer() )->register();
		( new Capabilities() )->register();
		( new DemoData() )->register();

		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );

		if ( is_admin() ) {
			( new AdminPage() )->register();
		}

		foreach ( $this->modules() as $module => $build ) {
			if ( is_subclass_of( $module, Conditional::class ) && ! $module::is_needed() ) {
				continue;
			}
			$build()->register();
		}
	}

	/**
	 * Feature modules in registration order, each with its factory: a module wires only its own
	 * folder's hooks, and construction must not query anything. A Conditional module is built only
	 * when needed (Woo\Module: WooCommerce active); it comes after Frontend\Module, whose My Account
	 * hooks it used to add, so every hook keeps its place.
	 *
	 * @return array<class-string<Registerable>, callable(): Registerable>
	 */
	private function modules(): array {
		$services = $this->services;
		return array(
			Tickets\Module::class        => static fn(): Registerable => new Tickets\Module( $services ),
			Mail\Mails::class            => static fn(): Registerable => new Mail\Mails( $services ),
			Channels\Email\Module::class => static fn(): Registerable => new Channels\Email\Module(),
			Channels\Chat\Module::class  => static fn(): Registerable => new Channels\Chat\Module( $services ),
			Kb\Module::class             => static fn(): Registerable => new Kb\Module(),
			Frontend\Module::class       => static fn(): Registerable => new Frontend\Module( $services ),
			Woo\Module::class            => static fn(): Registerable => new Woo\Module( $services ),
			Search\Module::class         => static fn(): Registerable => new Search\Module(),
		);
	}

	/**
	 * The shared services.
	 */
	public function services(): Services {
		return $this->services;
	}

	/**
	 * Loads translations shipped with the plugin (WordPress.org language packs load by themselves).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'switchboard', false, dirname( plugin_basename( SWITCHBOARD_FILE ) ) . '/languages' );
	}

	/**
	 * Registers the `switchboard/v1` REST controllers.
	 */
	public function register_rest_routes(): void {
		/**
		 * Filters the REST controllers Switchboard registers.
		 *
		 * @since 0.1.0
		 *
		 * @param \WP_REST_Controller[] $controllers Controller instances; each gets register_routes() called.
		 */
		$controllers = apply_filters( 'switchboard_rest_controllers', $this->rest_controllers() );

		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
	}

	/**
	 * The one list of REST controllers, built with their services, in registration order (a
	 * route registered first wins a match).
	 *
	 * @return \WP_REST_Controller[]
	 */
	public function rest_controllers(): array {
		$services = $this->services;
		$tickets  = new TicketsController( $services->tickets() );
		return array(
			new OverviewController(),
			// Tickets.
			$tickets,
			new TicketActionsController( $tickets, $services->tickets() ),
			new MessagesController( $services->tickets(), $services->messages() ),
			new AttachmentsController( $services->tickets(), $services->messages(), $services->attachments() ),
			new CustomersController( $services->customers(), $services->messages() ),
			new QueuesController(),
			new AgentsController(),
			new TagsController(),
			new TeamsController(),
			new MeController( $services->customer_tickets() ),
			new CannedResponsesController( $services->canned_responses() ),
			new PresenceController( $services->tickets() ),
			// WooCommerce bridge (answers without WooCommerce too: no orders).
			new CustomerOrdersController( $services->customers() ),
			// Chat.
			new ChatVisitorController( $services->tickets() ),
			new ChatVisitorSignalsController( $services->tickets() ),
			new ChatAgentController( $services->tickets() ),
			new ChatSettingsController(),
			// Email.
			new MailboxesController(),
			new MailboxConnectionsController(),
			new InboundController(),
			new WebhookSettingsController(),
			new EmailMessagesController(),
			new WebhookController(),
			// Knowledge base.
			new KbSearchController(),
			new VotesController(),
			new MissingController(),
			new DeflectionsController(),
			// Storefront.
			new ContactController( $services->tickets() ),
			new SupportPageController(),
			// Search.
			new SearchIndexController(),
		);
	}

	/**
	 * Whether WooCommerce is loaded, so order features can light up.
	 */
	public static function woocommerce_active(): bool {
		return class_exists( 'WooCommerce' ) && function_exists( 'wc_get_order' );
	}
}
