<?php
/**
 * POST /switchboard/v1/kb/deflections — a visitor opened a suggested article from a form;
 * GET /switchboard/v1/kb/deflections/summary — counts for agents' reports.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Kb\Rest;

use Switchboard\Kb\Articles;
use Switchboard\Kb\Deflections;
use Switchboard\Kb\Visitor;
use Switchboard\Rest\Controller;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Recording is public on purpose (the contact form is for guests). It stores nothing personal
 * (a random form session, the article, the query), only for articles the visitor can read, and
 * is rate-limited per IP.
 */
final class DeflectionsController extends Controller {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'kb/deflections';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'session'    => array(
							'description' => __( 'The form session (32 hex characters).', 'switchboard' ),
							'type'        => 'string',
							'pattern'     => '^[a-f0-9]{32}$',
							'required'    => true,
						),
						'article_id' => array(
							'description' => __( 'The suggested article that was opened.', 'switchboard' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'required'    => true,
						),
						'query'      => array(
							'description' => __( 'What the visitor had typed.', 'switchboard' ),
							'type'        => 'string',
							'maxLength'   => 200,
							'default'     => '',
						),
						'source'     => array(
							'description' => __( 'Which form showed the suggestion.', 'switchboard' ),
							'type'        => 'string',
							'enum'        => Deflections::SOURCES,
							'default'     => 'contact',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/summary',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_summary' ),
					'permission_callback' => array( $this, 'check_agent' ),
					'args'                => array(
						'days' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 365,
							'default' => 30,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The article must be readable; then the rate limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( ! Articles::is_visible( (int) $request['article_id'] ) ) {
			return new WP_Error( 'switchboard_kb_article_not_found', __( 'No such article.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return Visitor::limit( 'kb_deflection', 60, 120, HOUR_IN_SECONDS );
	}

	/**
	 * Records the opened suggestion.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function create_item( $request ) {
		( new Deflections() )->opened(
			(string) $request['session'],
			(int) $request['article_id'],
			(string) $request['query'],
			(string) $request['source'],
			get_current_user_id()
		);
		$response = rest_ensure_response( array( 'recorded' => true ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Counts for the last N days.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_summary( $request ) {
		$since = gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS * (int) $request['days'] );
		return rest_ensure_response( ( new Deflections() )->summary( $since ) + array( 'days' => (int) $request['days'] ) );
	}

	/**
	 * A recorded deflection (POST answers recorded) and the period's counts (GET /summary).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->object_schema(
			'switchboard_kb_deflections',
			static fn (): array => array(
				'recorded'  => array( 'type' => 'boolean' ),
				'opened'    => array(
					'description' => __( 'Sessions that opened a suggested article.', 'switchboard' ),
					'type'        => 'integer',
				),
				'deflected' => array(
					'description' => __( 'Of those, sessions that ended without a ticket.', 'switchboard' ),
					'type'        => 'integer',
				),
				'submitted' => array( 'type' => 'integer' ),
				'days'      => array( 'type' => 'integer' ),
			),
			array( 'view' )
		);
	}
}
