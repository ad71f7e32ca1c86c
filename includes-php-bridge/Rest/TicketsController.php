<?php
/**
 * /switchboard/v1/tickets — the agents' ticket API.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Merger;
use Switchboard\Tickets\SenderCheck;
use Switchboard\Tickets\SignedLinks;
use Switchboard\Tickets\Status;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\TicketFormatter;
use Switchboard\Tickets\TicketQuery;
use Switchboard\Tickets\TicketService;
use Switchboard\Tickets\Time;
use Switchboard\Tickets\Timeline;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * List, read, create, update, bulk update, merge, split, revoke links; the ticket timeline.
 */
final class TicketsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'tickets';

	private const WRITABLE = array( 'subject', 'status', 'priority', 'assignee_id', 'team_id', 'order_id', 'tags', 'custom_fields' );

	/**
	 * Registers routes.
	 */
	public function register_routes(): void {
		$id_arg = array(
			'id' => array(
				'description' => __( 'Ticket id.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/bulk',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'bulk_update' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'ids'         => array(
							'type'     => 'array',
							'items'    => array( 'type' => 'integer' ),
							'required' => true,
							'minItems' => 1,
							'maxItems' => 500,
						),
						'status'      => array(
							'type' => 'string',
							'enum' => Status::ALL,
						),
						'priority'    => array(
							'type' => 'string',
							'enum' => array_keys( Status::PRIORITIES ),
						),
						'assignee_id' => array(
							'type'    => 'integer',
							'minimum' => 0,
						),
						'team_id'     => array(
							'type'    => 'integer',
							'minimum' => 0,
						),
						'add_tags'    => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
						'remove_tags' => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => $id_arg,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/merge',
			array(
				'args' => $id_arg,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'merge' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'source_id'         => array(
							'description' => __( 'The ticket to merge into this one.', 'switchboard' ),
							'type'        => 'integer',
							'required'    => true,
							'minimum'     => 1,
						),
						'confirm_customers' => array(
							'description' => __( 'Both customer ids, to confirm merging tickets of two different customers (managers only).', 'switchboard' ),
							'type'        => 'array',
							'items'       => array(
								'type'    => 'integer',
								'minimum' => 1,
							),
							'maxItems'    => 2,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/split',
			array(
				'args' => $id_arg,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'split' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'message_id' => array(
							'description' => __( 'The message to move into a new ticket.', 'switchboard' ),
							'type'        => 'integer',
							'required'    => true,
							'minimum'     => 1,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/timeline',
			array(
				'args' => $id_arg,
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_timeline' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/revoke-links',
			array(
				'args' => $id_arg,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'revoke_links' ),
					'permission_callback' => array( $this, 'check_agent' ),
				),
			)
		);
	}

	/**
	 * POST /tickets/<id>/revoke-links: every signed link (and signed reply address) mailed so far
	 * stops working.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function revoke_links( $request ) {
		$result = ( new SignedLinks() )->revoke( (int) $request['id'] );
		return is_wp_error( $result ) ? $result : $this->with_links( $this->shape( $result ) );
	}

	/**
	 * GET /tickets.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$args = array(
			'status'   => self::csv( $request['status'] ),
			'assignee' => $request['assignee'],
			'channel'  => self::csv( $request['channel'] ),
			'tag'      => $request['tag'],
			'team'     => $request['team'],
			'priority' => $request['priority'],
			'customer' => $request['customer'],
			'order_id' => $request['order_id'],
			'search'   => $request['search'],
			'orderby'  => $request['orderby'],
			'order'    => $request['order'],
			'page'     => $request['page'],
			'per_page' => $request['per_page'],
		);
		foreach ( array( 'after', 'before' ) as $key ) {
			if ( ! empty( $request[ $key ] ) ) {
				$args[ $key ] = Time::to_mysql( (string) $request[ $key ] );
			}
		}
		if ( null !== $args['assignee'] && ! in_array( $args['assignee'], array( 'me', 'none' ), true ) && ! ctype_digit( (string) $args['assignee'] ) ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'assignee must be "me", "none" or a user id.', 'switchboard' ),
				array(
					'status' => 400,
					'params' => array( 'assignee' => 'me|none|<id>' ),
				)
			);
		}

		$result = ( new TicketQuery() )->query( $args );
		$items  = array();
		foreach ( ( new TicketFormatter() )->format_many( $result['rows'] ) as $item ) {
			$items[] = $this->prepare_response_for_collection( $this->with_links( $item ) );
		}
		return $this->collection( $items, $result['total'], (int) $request['per_page'] );
	}

	/**
	 * GET /tickets/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$ticket = ( new TicketService() )->get( (int) $request['id'] );
		if ( ! $ticket ) {
			return self::not_found();
		}
		return $this->with_links( $this->shape( $ticket ) );
	}

	/**
	 * POST /tickets — on behalf of a customer (phone call, walk-in, an email forwarded by hand).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_merge( self::WRITABLE, array( 'customer_id', 'customer', 'channel', 'message' ) ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}

		$customers   = new Customers();
		$customer_id = (int) $request['customer_id'];
		if ( $customer_id > 0 ) {
			if ( null === $customers->get( $customer_id ) ) {
				return new WP_Error(
					'switchboard_invalid_customer',
					__( 'Customer not found.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array(
							'customer_id' => __(
								'Customer not found.',
								'switchboard'
							),
						),
					)
				);
			}
		} else {
			$customer = (array) $request['customer'];
			$email    = sanitize_email( (string) ( $customer['email'] ?? '' ) );
			$phone    = sanitize_text_field( (string) ( $customer['phone'] ?? '' ) );
			if ( '' === $email && '' === $phone ) {
				return new WP_Error(
					'rest_missing_callback_param',
					__( 'Give customer_id, or a customer with an email or phone number.', 'switchboard' ),
					array(
						'status' => 400,
						'params' => array(
							'customer' => __(
								'Email or phone required.',
								'switchboard'
							),
						),
					)
				);
			}
			$customer_id = '' !== $email
				? $customers->resolve( 'email', $email, $customer + array( 'email' => $email ) )
				: $customers->resolve( 'phone', $phone, $customer );
		}

		$team_id = (int) ( $request['team_id'] ?? 0 );
		if ( 0 !== $team_id && ! ( new Teams() )->exists( $team_id ) ) {
			return Teams::invalid_reference();
		}

		$message = (array) $request['message'];
		$channel = (string) ( $request['channel'] ?? 'phone' );
		$author  = (string) ( $message['author'] ?? 'customer' );
		$result  = ( new TicketService() )->create(
			array(
				'subject'         => (string) $request['subject'],
				'channel'         => $channel,
				'customer_id'     => $customer_id,
				'status'          => $request['status'] ?? Status::OPEN,
				'priority'        => $request['priority'] ?? 'normal',
				'assignee_id'     => (int) ( $request['assignee_id'] ?? 0 ),
				'team_id'         => $team_id,
				'order_id'        => (int) ( $request['order_id'] ?? 0 ),
				'tags'            => (array) ( $request['tags'] ?? array() ),
				'may_create_tags' => current_user_can( 'switchboard_manage' ),
				'message'         => '' !== trim( (string) ( $message['body'] ?? '' ) ) ? array(
					'author_type' => 'agent' === $author ? 'agent' : 'customer',
					'author_id'   => 'agent' === $author ? get_current_user_id() : $customer_id,
					'body_html'   => (string) $message['body'],
					'is_private'  => ! empty( $message['is_private'] ),
					'channel'     => $channel,
					'attachments' => (array) ( $message['attachments'] ?? array() ),
					'meta'        => array( 'logged_by' => get_current_user_id() ),
				) : null,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}

		$response = $this->with_links( $this->shape( (array) ( new TicketService() )->get( $result ) ) );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $result ) );
		return $response;
	}

	/**
	 * PATCH /tickets/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_merge( self::WRITABLE, array( 'id' ) ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$changes = array();
		foreach ( self::WRITABLE as $field ) {
			if ( null !== $request->get_param( $field ) && isset( $request->get_params()[ $field ] ) ) {
				$changes[ $field ] = $request->get_param( $field );
			}
		}
		$result = ( new TicketService() )->update( (int) $request['id'], $changes, null, current_user_can( 'switchboard_manage' ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return $this->with_links( $this->shape( $result ) );
	}

	/**
	 * POST /tickets/bulk.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function bulk_update( $request ) {
		$check = $this->reject_unknown_fields( $request, array( 'ids', 'status', 'priority', 'assignee_id', 'team_id', 'add_tags', 'remove_tags' ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		if ( null !== $request['team_id'] && 0 !== (int) $request['team_id'] && ! ( new Teams() )->exists( (int) $request['team_id'] ) ) {
			return Teams::invalid_reference();
		}
		$tags    = new \Switchboard\Tickets\Tags();
		$refused = $tags->refuse_unknown( (array) $request['add_tags'], current_user_can( 'switchboard_manage' ) );
		if ( $refused ) {
			return $refused;
		}
		$service = new TicketService();
		$changes = array_filter(
			array(
				'status'      => $request['status'],
				'priority'    => $request['priority'],
				'assignee_id' => $request['assignee_id'],
				'team_id'     => $request['team_id'],
			),
			static fn ( $v ): bool => null !== $v
		);
		$ids     = array_values( array_unique( array_map( 'intval', (array) $request['ids'] ) ) );
		$updated = array();
		$errors  = array();
		foreach ( $ids as $id ) {
			$result = $changes ? $service->update( $id, $changes ) : $service->get( $id );
			if ( is_wp_error( $result ) ) {
				$errors[ $id ] = $result->get_error_message();
			} elseif ( null !== $result ) {
				$updated[] = $id;
			}
		}
		if ( $request['add_tags'] || $request['remove_tags'] ) {
			$tags->change_for_tickets( $updated, (array) $request['add_tags'], (array) $request['remove_tags'], current_user_can( 'switchboard_manage' ) );
		}
		return rest_ensure_response(
			array(
				'updated' => count( $updated ),
				'ids'     => $updated,
				'errors'  => (object) $errors,
			)
		);
	}

	/**
	 * POST /tickets/<id>/merge.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function merge( $request ) {
		$result = ( new Merger() )->merge(
			(int) $request['id'],
			(int) $request['source_id'],
			current_user_can( 'switchboard_manage' ),
			(array) ( $request['confirm_customers'] ?? array() )
		);
		return is_wp_error( $result ) ? $result : $this->with_links( $this->shape( $result ) );
	}

	/**
	 * POST /tickets/<id>/split.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function split( $request ) {
		$service = new TicketService();
		$result  = $service->split( (int) $request['id'], (int) $request['message_id'] );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = $this->with_links( $this->shape( (array) $service->get( $result ) ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * GET /tickets/<id>/timeline.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_timeline( $request ) {
		$ticket = ( new TicketService() )->get( (int) $request['id'] );
		if ( ! $ticket ) {
			return self::not_found();
		}
		return rest_ensure_response( ( new Timeline() )->for_ticket( $ticket ) );
	}

	/**
	 * Collection parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$params                        = parent::get_collection_params();
		$params['per_page']['maximum'] = 100;
		$params['per_page']['default'] = 25;
		return $params + array(
			'status'   => array(
				'description' => __( 'Comma-separated statuses.', 'switchboard' ),
				'type'        => 'string',
				'pattern'     => '^((new|open|pending|on-hold|solved|closed),?)*$',
			),
			'assignee' => array(
				'description' => __( '"me", "none" or an agent id.', 'switchboard' ),
				'type'        => 'string',
			),
			'channel'  => array(
				'description' => __( 'Comma-separated channels.', 'switchboard' ),
				'type'        => 'string',
				'pattern'     => '^[a-z0-9_,-]*$',
			),
			'tag'      => array(
				'description' => __( 'Tag slug.', 'switchboard' ),
				'type'        => 'string',
			),
			'team'     => array(
				'description' => __( '"mine" (the teams of the current agent), "none" or a team id.', 'switchboard' ),
				'type'        => 'string',
				'pattern'     => '^(mine|none|[0-9]+)$',
			),
			'priority' => array(
				'type' => 'string',
				'enum' => array_keys( Status::PRIORITIES ),
			),
			'customer' => array(
				'description' => __( 'Customer id.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'order_id' => array(
				'description' => __( 'WooCommerce order id.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'after'    => array(
				'description' => __( 'Created at or after (ISO 8601).', 'switchboard' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before'   => array(
				'description' => __( 'Created before (ISO 8601).', 'switchboard' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'orderby'  => array(
				'type'    => 'string',
				'enum'    => TicketQuery::ORDERBY,
				'default' => 'last_message_at',
			),
			'order'    => array(
				'type'    => 'string',
				'enum'    => array( 'asc', 'desc' ),
				'default' => 'desc',
			),
		);
	}

	/**
	 * Item schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$person  = array(
			'type'                 => array( 'object', 'null' ),
			'context'              => array( 'view', 'edit' ),
			'readonly'             => true,
			'additionalProperties' => false,
			'properties'           => array(
				'id'     => array( 'type' => 'integer' ),
				'name'   => array( 'type' => 'string' ),
				'email'  => array( 'type' => 'string' ),
				'avatar' => array( 'type' => 'string' ),
			),
		);
		$date    = static fn ( string $description ): array => array(
			'description' => $description,
			'type'        => array( 'string', 'null' ),
			'format'      => 'date-time',
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
		$integer = static fn ( string $description, bool $readonly = true ): array => array(
			'description' => $description,
			'type'        => 'integer',
			'context'     => array( 'view', 'edit' ),
			'readonly'    => $readonly,
		);

		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_ticket',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'                       => $integer( __( 'Ticket id.', 'switchboard' ) ),
				'number'                   => $integer( __( 'Ticket number shown to customers.', 'switchboard' ) ),
				'subject'                  => array(
					'description' => __( 'Subject.', 'switchboard' ),
					'type'        => 'string',
					'minLength'   => 1,
					'maxLength'   => 255,
					'context'     => array( 'view', 'edit' ),
				),
				'status'                   => array(
					'description' => __( 'Status.', 'switchboard' ),
					'type'        => 'string',
					'enum'        => Status::ALL,
					'context'     => array( 'view', 'edit' ),
				),
				'priority'                 => array(
					'description' => __( 'Priority.', 'switchboard' ),
					'type'        => 'string',
					'enum'        => array_keys( Status::PRIORITIES ),
					'context'     => array( 'view', 'edit' ),
				),
				'channel'                  => array(
					'description' => __( 'Channel the ticket came in on.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'customer'                 => $person,
				'assignee'                 => $person,
				'assignee_id'              => array(
					'description' => __( 'Assigned agent (0 = nobody).', 'switchboard' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'context'     => array( 'edit' ),
				),
				'team_id'                  => array(
					'description' => __( 'Team (0 = none); must be an existing team.', 'switchboard' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'context'     => array( 'view', 'edit' ),
				),
				'team'                     => array(
					'description'          => __( 'The team, with its name (null = none).', 'switchboard' ),
					'type'                 => array( 'object', 'null' ),
					'context'              => array( 'view', 'edit' ),
					'readonly'             => true,
					'additionalProperties' => false,
					'properties'           => array(
						'id'   => array( 'type' => 'integer' ),
						'name' => array( 'type' => 'string' ),
					),
				),
				'order_id'                 => array(
					'description' => __( 'Linked WooCommerce order (0 = none).', 'switchboard' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'context'     => array( 'view', 'edit' ),
				),
				'merged_into'              => $integer( __( 'The ticket this one was merged into.', 'switchboard' ) ),
				'tags'                     => array(
					'description' => __( 'Tags (write: names; read: objects).', 'switchboard' ),
					'type'        => 'array',
					'items'       => array( 'type' => array( 'string', 'object' ) ),
					'context'     => array( 'view', 'edit' ),
				),
				'custom_fields'            => array(
					'description'          => __( 'Custom field values.', 'switchboard' ),
					'type'                 => 'object',
					'context'              => array( 'edit' ),
					'additionalProperties' => array( 'type' => array( 'string', 'number', 'boolean' ) ),
				),
				'message_count'            => $integer( __( 'Public messages.', 'switchboard' ) ),
				'preview'                  => array(
					'description' => __( 'Last public message, shortened.', 'switchboard' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'last_message_at'          => $date( __( 'Last public message.', 'switchboard' ) ),
				'last_customer_message_at' => $date( __( 'Last message from the customer.', 'switchboard' ) ),
				'last_agent_reply_at'      => $date( __( 'Last public reply by an agent.', 'switchboard' ) ),
				'first_response_at'        => $date( __( 'First public reply by an agent.', 'switchboard' ) ),
				'first_response_seconds'   => array(
					'description' => __( 'Seconds until the first reply.', 'switchboard' ),
					'type'        => array( 'integer', 'null' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'resolved_at'              => $date( __( 'Solved or closed at.', 'switchboard' ) ),
				'reopen_count'             => $integer( __( 'Times reopened.', 'switchboard' ) ),
				'sla_first_response_due'   => $date( __( 'First response due.', 'switchboard' ) ),
				'sla_resolution_due'       => $date( __( 'Resolution due.', 'switchboard' ) ),
				'rating'                   => array(
					'description' => __( 'The customer’s satisfaction rating, once given.', 'switchboard' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'order_item'               => array(
					'description' => __( 'The line item of the linked order the customer picked (id, name).', 'switchboard' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'unverified_sender'        => array(
					'description' => __( 'An e-mail address a visitor typed without signing in (email, via: contact_form or chat), until its owner answers from it; null otherwise.', 'switchboard' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'created_at'               => $date( __( 'Created.', 'switchboard' ) ),
				'updated_at'               => $date( __( 'Last changed.', 'switchboard' ) ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Arguments of POST /tickets.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function create_args(): array {
		$args                        = $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE );
		$args['subject']['required'] = true;
		$args['customer_id']         = array(
			'description' => __( 'Existing customer.', 'switchboard' ),
			'type'        => 'integer',
			'minimum'     => 1,
		);
		$args['customer']            = array(
			'description'          => __( 'Customer to find or create by email or phone.', 'switchboard' ),
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'name'  => array( 'type' => 'string' ),
				'email' => array(
					'type'   => 'string',
					'format' => 'email',
				),
				'phone' => array( 'type' => 'string' ),
			),
		);
		$args['channel']             = array(
			'description' => __( 'Channel (default: phone).', 'switchboard' ),
			'type'        => 'string',
			'pattern'     => '^[a-z0-9_-]+$',
			'default'     => 'phone',
		);
		$args['message']             = array(
			'description'          => __( 'First message.', 'switchboard' ),
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'body'        => array( 'type' => 'string' ),
				'is_private'  => array( 'type' => 'boolean' ),
				'author'      => array(
					'type' => 'string',
					'enum' => array( 'customer', 'agent' ),
				),
				'attachments' => array(
					'type'  => 'array',
					'items' => array( 'type' => 'integer' ),
				),
			),
		);
		return $args;
	}

	/**
	 * REST shape of a row.
	 *
	 * @param array<string, mixed> $row Ticket row.
	 * @return array<string, mixed>
	 */
	private function shape( array $row ): array {
		$item = ( new TicketFormatter() )->format( $row );
		$meta = ( new TicketService() )->all_meta( (int) $row['id'] );
		$cf   = array();
		foreach ( $meta as $key => $value ) {
			if ( str_starts_with( $key, 'cf_' ) ) {
				$cf[ substr( $key, 3 ) ] = $value;
			}
		}
		$item['custom_fields'] = (object) $cf;
		$item['rating']        = $meta['rating'] ?? null;
		$item['order_item']    = is_array( $meta['order_item'] ?? null ) ? $meta['order_item'] : null;
		// An address a visitor typed without signing in, until its owner answers (SenderCheck).
		$item['unverified_sender'] = is_array( $meta[ SenderCheck::META ] ?? null ) ? $meta[ SenderCheck::META ] : null;
		return $item;
	}

	/**
	 * Response with links.
	 *
	 * @param array<string, mixed> $item Shaped ticket.
	 */
	private function with_links( array $item ): WP_REST_Response {
		$response = rest_ensure_response( $item );
		$base     = $this->namespace . '/' . $this->rest_base . '/' . (int) $item['id'];
		$response->add_links(
			array(
				'self'     => array( 'href' => rest_url( $base ) ),
				'messages' => array( 'href' => rest_url( $base . '/messages' ) ),
				'timeline' => array( 'href' => rest_url( $base . '/timeline' ) ),
			)
		);
		return $response;
	}

	/**
	 * Comma list → array.
	 *
	 * @param mixed $value Raw.
	 * @return string[]
	 */
	private static function csv( $value ): array {
		if ( is_array( $value ) ) {
			return array_map( 'strval', $value );
		}
		return array_values( array_filter( array_map( 'trim', explode( ',', (string) $value ) ) ) );
	}
}
