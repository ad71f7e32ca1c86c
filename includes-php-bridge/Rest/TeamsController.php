<?php
/**
 * /switchboard/v1/teams — routing groups of agents.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Rest;

use Switchboard\Tickets\People;
use Switchboard\Tickets\Teams;
use Switchboard\Tickets\Time;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Agents list and read teams (the team pickers and the inbox filter need their names); managers
 * create, change and delete them. Deleting a team takes its tickets and mailboxes out of it
 * (team_id 0) rather than refusing: a team is a routing label, and the tickets' history keeps
 * the team_changed events.
 */
final class TeamsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'teams';

	private const WRITABLE = array( 'name', 'description', 'member_ids' );

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Team id.', 'switchboard' ),
						'type'        => 'integer',
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'check_manager' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /teams.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$teams = ( new Teams() )->all();
		$users = People::users( array_merge( array(), ...array_column( $teams, 'member_ids' ) ) );
		$items = array();
		foreach ( $teams as $team ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $team + array( '_users' => $users ), $request ) );
		}
		return $this->collection( $items, count( $items ), max( 1, count( $items ) ) );
	}

	/**
	 * GET /teams/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$team = ( new Teams() )->get( (int) $request['id'] );
		if ( null === $team ) {
			return Teams::not_found();
		}
		return $this->prepare_item_for_response( $team, $request );
	}

	/**
	 * POST /teams.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$check = $this->reject_unknown_fields( $request, self::WRITABLE );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$team = ( new Teams() )->create( $this->input( $request ) );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		$response = $this->prepare_item_for_response( $team, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $team['id'] ) ) );
		return $response;
	}

	/**
	 * PUT/PATCH /teams/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$check = $this->reject_unknown_fields( $request, array_merge( self::WRITABLE, array( 'id' ) ) );
		if ( is_wp_error( $check ) ) {
			return $check;
		}
		$team = ( new Teams() )->update( (int) $request['id'], $this->input( $request ) );
		if ( is_wp_error( $team ) ) {
			return $team;
		}
		return $this->prepare_item_for_response( $team, $request );
	}

	/**
	 * DELETE /teams/<id>.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$teams = new Teams();
		$team  = $teams->get( (int) $request['id'] );
		if ( null === $team ) {
			return Teams::not_found();
		}
		$previous = $this->prepare_item_for_response( $team, $request )->get_data();
		$tickets  = $teams->delete( $team['id'] );
		if ( is_wp_error( $tickets ) ) {
			return $tickets;
		}
		return rest_ensure_response(
			array(
				'deleted'         => true,
				'previous'        => $previous,
				'tickets_cleared' => $tickets,
			)
		);
	}

	/**
	 * The fields the request gave (absent ones stay as they are on update).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private function input( WP_REST_Request $request ): array {
		$params = $request->get_params();
		$data   = array();
		foreach ( self::WRITABLE as $field ) {
			if ( array_key_exists( $field, $params ) && null !== $params[ $field ] ) {
				$data[ $field ] = $params[ $field ];
			}
		}
		return $data;
	}

	/**
	 * REST shape of a team. A list passes its members' users once, under `_users`.
	 *
	 * @param mixed           $item    Team row (member_ids decoded), optionally with `_users`.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$team    = (array) $item;
		$users   = is_array( $team['_users'] ?? null ) ? $team['_users'] : People::users( (array) $team['member_ids'] );
		$members = array();
		foreach ( (array) $team['member_ids'] as $user_id ) {
			if ( isset( $users[ (int) $user_id ] ) ) {
				$members[] = array(
					'id'     => $users[ (int) $user_id ]['id'],
					'name'   => $users[ (int) $user_id ]['name'],
					'avatar' => $users[ (int) $user_id ]['avatar'],
				);
			}
		}
		$data = array(
			'id'          => (int) $team['id'],
			'name'        => (string) $team['name'],
			'description' => (string) $team['description'],
			'member_ids'  => array_values( array_map( 'intval', (array) $team['member_ids'] ) ),
			'members'     => $members,
			'created_at'  => Time::iso( (string) $team['created_at'] ),
			'updated_at'  => Time::iso( (string) $team['updated_at'] ),
		);
		$data = $this->filter_response_by_context( $data, (string) ( $request['context'] ?? 'view' ) );
		return rest_ensure_response( $data );
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
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'switchboard_team',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'id'          => array(
					'description' => __( 'Team id.', 'switchboard' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'name'        => array(
					'description' => __( 'Unique name, e.g. “Billing”.', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => Teams::NAME_MAX,
					'context'     => array( 'view', 'edit' ),
				),
				'description' => array(
					'description' => __( 'What the team handles (optional).', 'switchboard' ),
					'type'        => 'string',
					'maxLength'   => Teams::DESCRIPTION_MAX,
					'context'     => array( 'view', 'edit' ),
				),
				'member_ids'  => array(
					'description' => __( 'Agents in the team (the full set on update).', 'switchboard' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'integer' ),
					'context'     => array( 'view', 'edit' ),
				),
				'members'     => array(
					'description' => __( 'Agents in the team, with names.', 'switchboard' ),
					'type'        => 'array',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'id'     => array( 'type' => 'integer' ),
							'name'   => array( 'type' => 'string' ),
							'avatar' => array( 'type' => 'string' ),
						),
					),
				),
				'created_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
				'updated_at'  => array(
					'type'     => array( 'string', 'null' ),
					'format'   => 'date-time',
					'context'  => array( 'view', 'edit' ),
					'readonly' => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
