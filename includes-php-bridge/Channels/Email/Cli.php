<?php
/**
 * WP-CLI: `wp switchboard email import|poll`.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Imap\Poller;

/**
 * Email commands.
 */
final class Cli {

	/**
	 * Imports one raw RFC 5322 message from stdin (or a file).
	 *
	 * ## OPTIONS
	 *
	 * [<file>]
	 * : Read the message from this file instead of stdin.
	 *
	 * [--mailbox=<id>]
	 * : Mailbox the message arrived at.
	 *
	 * @param string[]              $args       Positional.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function import( array $args, array $assoc_args ): void {
		$raw    = isset( $args[0] ) ? (string) file_get_contents( $args[0] ) : (string) stream_get_contents( STDIN ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		$result = ( new Importer() )->import(
			$raw,
			array(
				'source'     => 'cli',
				'mailbox_id' => (int) ( $assoc_args['mailbox'] ?? 0 ),
			)
		);
		if ( $result instanceof \WP_Error ) {
			\WP_CLI::error( $result->get_error_message() );
		}
		\WP_CLI::success( sprintf( 'inbound #%d: %s (ticket %d)', $result['inbound_id'], $result['status'], (int) ( $result['ticket_id'] ?? 0 ) ) );
	}

	/**
	 * Polls IMAP mailboxes now.
	 *
	 * @param string[]              $args       Positional.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function poll( array $args, array $assoc_args ): void {
		unset( $args, $assoc_args );
		foreach ( ( new Poller() )->run( true ) as $id => $outcome ) {
			\WP_CLI::log( sprintf( 'mailbox #%d: %d imported %s', $id, $outcome['imported'], $outcome['error'] ) );
		}
	}
}
