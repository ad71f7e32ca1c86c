<?php
/**
 * What agents do with one email message: read its original, retry its delivery.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Mail\AgentReplyMail;
use Switchboard\Mail\ReplyDelivery;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Html;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;
use WP_Error;

/**
 * Both only for an agent who may see the message's ticket (Access::can_view()). A message that is
 * not an email (or not an outgoing reply, for a retry) is "not found".
 */
final class EmailMessages {

	/**
	 * Messages repository.
	 *
	 * @var Messages
	 */
	private Messages $messages;

	/**
	 * Wires the repository.
	 *
	 * @param Messages|null $messages Messages.
	 */
	public function __construct( ?Messages $messages = null ) {
		$this->messages = $messages ?? new Messages();
	}

	/**
	 * The full (unstripped) body of an imported message, the HTML sanitized: html, text. A 404 when
	 * the message or its raw source is not found: 404.
	 *
	 * @param int $message_id Message id.
	 * @return array{html: string, text: string}|WP_Error
	 */
	public function original( int $message_id ) {
		$message = $this->messages->get( $message_id );
		if ( null === $message || 'email' !== (string) $message['channel'] ) {
			return self::not_found( 'message' );
		}
		$refused = self::refuse_unless_visible( $message );
		if ( $refused ) {
			return $refused;
		}
		$store = new InboundStore();
		$row   = $store->get( (int) ( $message['meta']['email']['raw_id'] ?? 0 ) );
		$raw   = null === $row ? '' : $store->raw( $row );
		if ( '' === $raw ) {
			return self::not_found( 'email' );
		}
		$parsed = ( new Parser() )->parse( $raw );
		return array(
			'html' => '' !== $parsed->html() ? Html::sanitize( $parsed->html() ) : '',
			'text' => $parsed->text(),
		);
	}

	/**
	 * An agent's "retry now" of an email reply that failed or bounced. A 404 when the message is not
	 * a public outgoing email reply.
	 *
	 * @param int $message_id Message id.
	 * @return array{id: int, delivery_status: string, delivery_error: string, delivery_attempts: int}|WP_Error
	 */
	public function retry_delivery( int $message_id ) {
		$message = $this->messages->get( $message_id );
		if ( null === $message || ! in_array( (string) $message['channel'], AgentReplyMail::CHANNELS, true ) || 'out' !== (string) $message['direction'] || ! empty( $message['is_private'] ) ) {
			return self::not_found( 'message' );
		}
		$refused = self::refuse_unless_visible( $message );
		if ( $refused ) {
			return $refused;
		}
		if ( ! in_array( (string) $message['delivery_status'], array( 'failed', 'bounced' ), true ) ) {
			return new WP_Error( 'switchboard_not_failed', __( 'Only a reply that failed to send can be retried.', 'switchboard' ), array( 'status' => 409 ) );
		}
		( new ReplyDelivery() )->retry_now( (int) $message['id'] );
		$message = (array) $this->messages->get( (int) $message['id'] );
		return array(
			'id'                => (int) $message['id'],
			'delivery_status'   => (string) $message['delivery_status'],
			'delivery_error'    => (string) $message['delivery_error'],
			'delivery_attempts' => (int) $message['delivery_attempts'],
		);
	}

	/**
	 * 404 switchboard_message_not_found, or switchboard_email_not_found for a missing original.
	 *
	 * @param string $what 'message' or 'email'.
	 */
	private static function not_found( string $what ): WP_Error {
		return 'email' === $what
			? new WP_Error( 'switchboard_email_not_found', __( 'The original of this email is missing.', 'switchboard' ), array( 'status' => 404 ) )
			: new WP_Error( 'switchboard_message_not_found', __( 'Message not found.', 'switchboard' ), array( 'status' => 404 ) );
	}

	/**
	 * 403 unless the current agent may see the message's ticket.
	 *
	 * @param array<string, mixed> $message Message row.
	 */
	private static function refuse_unless_visible( array $message ): ?WP_Error {
		$ticket = ( new TicketService() )->get( (int) $message['ticket_id'] );
		if ( null === $ticket || ! Access::can_view( $ticket ) ) {
			return new WP_Error( 'switchboard_forbidden', __( 'You cannot view this ticket.', 'switchboard' ), array( 'status' => 403 ) );
		}
		return null;
	}
}
