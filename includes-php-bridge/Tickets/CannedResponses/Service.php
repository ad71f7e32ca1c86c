<?php
/**
 * What agents do with canned responses: list, read, write, share, render for a ticket.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets\CannedResponses;

use Switchboard\Auth\Capabilities;
use Switchboard\Tickets\TicketService;
use WP_Error;
use WP_User;

/**
 * The rules: agents read the shared responses and their own, and create personal ones; shared
 * ones (owner_id 0) are created, edited and deleted by managers only. Rendering fills the
 * placeholders for a ticket and counts the use. Every method acts for one user.
 */
final class Service {

	/**
	 * Rows.
	 *
	 * @var Repository
	 */
	private Repository $repository;

	/**
	 * The ticket core.
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param Repository|null    $repository Rows.
	 * @param TicketService|null $tickets    The ticket core.
	 */
	public function __construct( ?Repository $repository = null, ?TicketService $tickets = null ) {
		$this->repository = $repository ?? new Repository();
		$this->tickets    = $tickets ?? new TicketService();
	}

	/**
	 * One page of what the user sees; returns [ rows, total ].
	 *
	 * @return array{0: array<int, array<string, mixed>>, 1: int}
	 */
	public function page_for( int $user_id, string $search, int $page, int $per_page ): array {
		return $this->repository->page_for( $user_id, trim( $search ), $page, $per_page );
	}

	/**
	 * A response the user may see, or a 404.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function get( int $id, int $user_id ) {
		$row = $this->repository->visible_to( $id, $user_id );
		if ( null === $row ) {
			return new WP_Error( 'switchboard_canned_not_found', __( 'No such canned response.', 'switchboard' ), array( 'status' => 404 ) );
		}
		return $row;
	}

	/**
	 * Creates a response (shared only by managers).
	 *
	 * @param array<string, mixed> $input  title, body, shortcut as sent (absent keys left out).
	 * @param bool                 $shared Shared with every agent.
	 * @return array<string, mixed>|WP_Error The new row.
	 */
	public function create( array $input, bool $shared, int $user_id ) {
		$data = self::fields( $input );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		if ( $shared && ! user_can( $user_id, Capabilities::MANAGE ) ) {
			return self::share_forbidden();
		}
		$row = $this->repository->create( $data, $shared ? 0 : $user_id );
		if ( null === $row ) {
			return new WP_Error( 'switchboard_db_error', __( 'The canned response could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		return $row;
	}

	/**
	 * Changes a response the user may edit.
	 *
	 * @param array<string, mixed> $input  title, body, shortcut as sent (absent keys left out).
	 * @param bool|null            $shared New sharing, null to leave it.
	 * @return array<string, mixed>|WP_Error The row afterwards.
	 */
	public function update( int $id, array $input, ?bool $shared, int $user_id ) {
		$row = $this->editable( $id, $user_id );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$data = self::fields( $input, $row );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		if ( null !== $shared ) {
			if ( $shared && ! user_can( $user_id, Capabilities::MANAGE ) ) {
				return self::share_forbidden();
			}
			$data['owner_id'] = $shared ? 0 : ( 0 === (int) $row['owner_id'] ? $user_id : (int) $row['owner_id'] );
		}
		return $this->repository->update( (int) $row['id'], $data );
	}

	/**
	 * Deletes a response the user may edit; returns the row it was.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function delete( int $id, int $user_id ) {
		$row = $this->editable( $id, $user_id );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$this->repository->delete( (int) $row['id'] );
		return $row;
	}

	/**
	 * The response's text with placeholders filled for a ticket; counts the use.
	 *
	 * @return array{id: int, title: string, body: string, missing: string[]}|WP_Error
	 */
	public function render( int $id, int $ticket_id, WP_User $agent ) {
		$row = $this->get( $id, $agent->ID );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		$ticket = $this->tickets->get( $ticket_id );
		if ( null === $ticket ) {
			return new WP_Error( 'switchboard_ticket_not_found', __( 'No such ticket.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$placeholders            = new Placeholders();
		list( $body, $missing )  = $placeholders->fill( (string) $row['body'], $placeholders->values( $ticket, $agent ) );
		$this->repository->count_use( (int) $row['id'] );
		return array(
			'id'      => (int) $row['id'],
			'title'   => (string) $row['title'],
			'body'    => $body,
			'missing' => $missing,
		);
	}

	/**
	 * The row if the user may see and change it: her own, or a shared one as a manager.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	private function editable( int $id, int $user_id ) {
		$row = $this->get( $id, $user_id );
		if ( is_wp_error( $row ) ) {
			return $row;
		}
		if ( 0 === (int) $row['owner_id'] ? user_can( $user_id, Capabilities::MANAGE ) : $user_id === (int) $row['owner_id'] ) {
			return $row;
		}
		return new WP_Error( 'switchboard_forbidden', __( 'Only managers can change shared canned responses.', 'switchboard' ), array( 'status' => 403 ) );
	}

	/**
	 * The error when a non-manager shares a response.
	 */
	private static function share_forbidden(): WP_Error {
		return new WP_Error( 'switchboard_forbidden', __( 'Only managers can share canned responses with the team.', 'switchboard' ), array( 'status' => 403 ) );
	}

	/**
	 * Validated title/body/shortcut.
	 *
	 * @param array<string, mixed> $input    Fields as sent (absent keys left out).
	 * @param array<string, mixed> $existing Current row on update.
	 * @return array<string, string>|WP_Error
	 */
	private static function fields( array $input, array $existing = array() ) {
		$data = array();
		foreach ( array( 'title', 'body', 'shortcut' ) as $key ) {
			if ( isset( $input[ $key ] ) ) {
				$data[ $key ] = 'body' === $key
					? sanitize_textarea_field( (string) $input[ $key ] )
					: sanitize_text_field( (string) $input[ $key ] );
			}
		}
		$title = $data['title'] ?? (string) ( $existing['title'] ?? '' );
		$body  = $data['body'] ?? (string) ( $existing['body'] ?? '' );
		if ( '' === trim( $title ) || '' === trim( $body ) ) {
			return new WP_Error( 'switchboard_canned_invalid', __( 'A canned response needs a title and a text.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( isset( $data['shortcut'] ) ) {
			$data['shortcut'] = substr( preg_replace( '/[^\w\-]/u', '', ltrim( $data['shortcut'], '/' ) ) ?? '', 0, 64 );
		}
		if ( isset( $data['title'] ) ) {
			$data['title'] = mb_substr( $data['title'], 0, 190 );
		}
		return $data;
	}
}
