<?php
/**
 * The agents' ticket resource: its JSON schema and the arguments of its routes.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\Status;
use Switchboard\Tickets\TicketQuery;

/**
 * Kept apart from TicketsController so the controller stays about requests and responses (like
 * WooCommerce's Store API schema classes). Every property has a context; objects allow no
 * properties beyond their own.
 */
final class TicketSchema {

	/**
	 * The item schema of a ticket.
	 *
	 * @return array<string, mixed>
	 */
	public static function item(): array {
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

		return array(
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
	}

	/**
	 * The list filters of GET /tickets (added to the standard collection parameters).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function filters(): array {
		return array(
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
	 * Fields POST /tickets takes beyond the item schema's writable ones.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create_extras(): array {
		$args                = array();
		$args['customer_id'] = array(
			'description' => __( 'Existing customer.', 'switchboard' ),
			'type'        => 'integer',
			'minimum'     => 1,
		);
		$args['customer']    = array(
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
		$args['channel']     = array(
			'description' => __( 'Channel (default: phone).', 'switchboard' ),
			'type'        => 'string',
			'pattern'     => '^[a-z0-9_-]+$',
			'default'     => 'phone',
		);
		$args['message']     = array(
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
}
