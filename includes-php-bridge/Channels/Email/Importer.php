<?php
/**
 * Raw mail → ticket message. The one import path for IMAP, the MTA pipe, webhooks and WP-CLI.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Threading\CoreDirectory;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Channels\Email\Threading\Threader;
use Switchboard\Mail\AcknowledgementMail;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\OrphanAttachments;
use Switchboard\Tickets\TicketService;
use WP_Error;

/**
 * Imports one raw message:
 * 1. the raw bytes are written to the inbound store first (nothing is lost after this returns an id);
 * 2. parse and classify; own mail is ignored, bounces mark the original outgoing message (Bounces);
 * 3. the sender becomes (or matches) a customer identity; CC'd people are recorded only (Participants);
 * 4. the message threads onto its ticket (signed evidence only) or starts a new one;
 * 5. attachments are stored (InboundFiles), quoted history stripped for display, the message added
 *    once (dedupe on Message-ID); 6. the inbound row is marked stored.
 * Anything that throws quarantines the row with its raw source for a manager to retry.
 */
final class Importer {

	/**
	 * Largest raw message accepted (bytes).
	 */
	public static function max_size(): int {
		/**
		 * Filters the largest inbound email accepted, in bytes (default 40 MB).
		 *
		 * @since 0.1.0
		 *
		 * @param int $bytes Limit.
		 */
		return (int) apply_filters( 'switchboard_email_max_size', 40 * 1024 * 1024 );
	}

	/**
	 * Stores and imports a raw message.
	 *
	 * @param string               $raw     Raw RFC 5322 message.
	 * @param array<string, mixed> $context source (imap|pipe|webhook|cli), mailbox_id, source_ref, envelope_to (string[]).
	 * @return array<string, mixed>|WP_Error Outcome (status, inbound_id, ticket_id, message_id) or an
	 *                                       error when the raw could not be kept (caller must retry later).
	 */
	public function import( string $raw, array $context = array() ) {
		if ( strlen( $raw ) > self::max_size() ) {
			return new WP_Error( 'switchboard_email_too_large', __( 'The email is larger than the import limit.', 'switchboard' ), array( 'status' => 413 ) );
		}
		$store = new InboundStore();
		$id    = $store->put( $raw, $context );
		if ( 0 === $id ) {
			return new WP_Error( 'switchboard_email_store_failed', __( 'The email could not be saved; it will be retried.', 'switchboard' ), array( 'status' => 503 ) );
		}
		return $this->process( $id, $raw, $context );
	}

	/**
	 * Imports a stored inbound row again (quarantine retry).
	 *
	 * @param int $inbound_id Row id.
	 * @return array<string, mixed>|WP_Error
	 */
	public function retry( int $inbound_id ) {
		$store = new InboundStore();
		$row   = $store->get( $inbound_id );
		if ( null === $row ) {
			return new WP_Error( 'switchboard_not_found', __( 'Inbound email not found.', 'switchboard' ), array( 'status' => 404 ) );
		}
		$raw = $store->raw( $row );
		if ( '' === $raw ) {
			return new WP_Error( 'switchboard_email_raw_missing', __( 'The raw email file is missing.', 'switchboard' ), array( 'status' => 410 ) );
		}
		return $this->process(
			$inbound_id,
			$raw,
			array(
				'mailbox_id' => (int) $row['mailbox_id'],
				'source'     => (string) $row['source'],
			)
		);
	}

	/**
	 * Processes a stored raw message; never throws.
	 *
	 * @param int                  $inbound_id Row id.
	 * @param string               $raw        Raw message.
	 * @param array<string, mixed> $context    Context.
	 * @return array<string, mixed>
	 */
	private function process( int $inbound_id, string $raw, array $context ): array {
		$store = new InboundStore();
		$store->bump_attempts( $inbound_id );
		try {
			$result = $this->import_parsed( $inbound_id, ( new Parser() )->parse( $raw ), $context );
		} catch ( \Throwable $e ) {
			$result = array(
				'status' => 'quarantined',
				'error'  => get_class( $e ) . ': ' . $e->getMessage(),
			);
		}
		$fields = array_intersect_key( $result, array_flip( array( 'status', 'kind', 'message_id', 'from_addr', 'subject', 'ticket_id', 'error' ) ) );
		if ( isset( $result['message_row_id'] ) ) {
			$fields['message_row_id'] = (int) $result['message_row_id'];
		}
		$store->update( $inbound_id, $fields );
		$result['inbound_id'] = $inbound_id;

		/**
		 * Fires after an inbound email was processed (stored, duplicate, bounce, ignored or quarantined).
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, mixed> $result     Outcome: status, ticket_id, message_row_id, kind, error.
		 * @param int                  $inbound_id Inbound row id.
		 */
		do_action( 'switchboard_email_imported', $result, $inbound_id );
		return $result;
	}

	/**
	 * The import proper.
	 *
	 * @param int                  $inbound_id Row id.
	 * @param Message              $message    Parsed mail.
	 * @param array<string, mixed> $context    Context.
	 * @return array<string, mixed>
	 */
	private function import_parsed( int $inbound_id, Message $message, array $context ): array {
		$kind    = Classifier::classify( $message );
		$from    = Participants::sender( $message );
		$subject = trim( (string) $message->subject() );
		$msgid   = $message->message_id_token();
		$base    = array(
			'kind'       => $kind,
			'message_id' => (string) $msgid,
			'from_addr'  => (string) ( $from['address'] ?? '' ),
			'subject'    => $subject,
		);

		// Our own mail (a mailbox writing to another, a loop through a forwarder).
		$mailboxes = new Mailboxes();
		$own       = $mailboxes->addresses();
		if ( null !== $message->header( 'x-switchboard-ticket' ) || ( null !== $from && Participants::is_own( $from['address'], $own ) ) ) {
			return $base + array(
				'status' => 'ignored',
				'error'  => 'own mail',
			);
		}

		if ( Classifier::BOUNCE === $kind ) {
			return $base + ( new Bounces() )->handle( $message );
		}

		if ( null === $from || ! preg_match( '/^[^@\s]+@[^@\s]+$/', (string) $from['address'] ) ) {
			return $base + array(
				'status' => 'quarantined',
				'error'  => 'no usable sender address',
			);
		}

		$dedupe = null !== $msgid ? 'email:' . strtolower( $msgid ) : 'email-sha:' . hash( 'sha256', $message->raw() );
		$signer = Signer::from_wordpress();
		$thread = ( new Threader( $signer, new CoreDirectory() ) )->resolve( $message, (array) ( $context['envelope_to'] ?? array() ) );

		$customers   = new Customers();
		$customer_id = $customers->resolve(
			'email',
			$from['address'],
			array(
				'name'  => $from['name'],
				'email' => $from['address'],
			)
		);

		$mailbox = Participants::mailbox( $message, $mailboxes, (int) ( $context['mailbox_id'] ?? 0 ) );
		$cc      = Participants::cc( $message, $own, $from['address'] );

		$html      = $message->html();
		$text      = $message->text();
		$body_html = '' !== $html ? QuoteStripper::strip_html( $html ) : '';
		$body_text = QuoteStripper::strip_text( $text );
		$automatic = in_array( $kind, array( Classifier::AUTO_REPLY, Classifier::RECEIPT, Classifier::REPORT ), true );

		$meta = array(
			'email' => array(
				'message_id'  => (string) $msgid,
				'in_reply_to' => (string) $message->in_reply_to(),
				'references'  => $message->references(),
				'from'        => $from,
				'to'          => $message->addresses( 'to' ),
				'cc'          => $message->addresses( 'cc' ),
				'subject'     => $subject,
				'date'        => $message->date(),
				'kind'        => $kind,
				'raw_id'      => $inbound_id,
				'mailbox_id'  => (int) ( $mailbox['id'] ?? 0 ),
				'stripped'    => trim( $text ) !== $body_text || $html !== $body_html,
				'threaded'    => $thread['via'] ?? '',
			),
		);

		$message_args = array(
			'author_type'         => $automatic && null !== $thread ? 'system' : 'customer',
			'author_id'           => $customer_id,
			'channel'             => 'email',
			'is_private'          => $automatic && null !== $thread,
			'body_html'           => $body_html,
			'body_text'           => '' !== $body_text ? $body_text : ( '' !== $subject ? $subject : __( '(empty message)', 'switchboard' ) ),
			'external_id'         => (string) $msgid,
			'dedupe_key'          => $dedupe,
			'meta'                => $meta,
			'attachments_trusted' => true,
		);
		$date         = $message->date_utc();
		if ( null !== $date && $date < gmdate( 'Y-m-d H:i:s' ) ) {
			$message_args['created_at'] = $date;
		}

		// Duplicate delivery: answer before storing attachments again.
		$existing = ( new Messages() )->find_by_external_id( (string) $msgid );
		if ( null !== $msgid && null !== $existing ) {
			return $base + array(
				'status'         => 'duplicate',
				'ticket_id'      => (int) $existing['ticket_id'],
				'message_row_id' => (int) $existing['id'],
			);
		}

		$attachments                 = ( new InboundFiles() )->store( $message );
		$message_args['attachments'] = $attachments['ids'];
		if ( array() !== $attachments['skipped'] ) {
			$message_args['meta']['email']['skipped_attachments'] = $attachments['skipped'];
		}

		$tickets = new TicketService();
		if ( null !== $thread ) {
			$ticket_id  = $thread['ticket_id'];
			$message_id = $tickets->add_message( $ticket_id, $message_args );
			if ( $message_id instanceof WP_Error ) {
				// A duplicate found only now (no Message-ID) or a failure: the files go too.
				( new OrphanAttachments() )->delete( $attachments['ids'] );
				return $base + $this->on_error( $message_id, $ticket_id );
			}
			$this->remember_cc( $ticket_id, $cc );
			return $base + array(
				'status'         => 'stored',
				'ticket_id'      => $ticket_id,
				'message_row_id' => $message_id,
			);
		}

		$tags = array_values( array_filter( array_map( 'strval', (array) ( $mailbox['settings']['tags'] ?? array() ) ) ) );
		if ( Classifier::NORMAL !== $kind ) {
			$tags[] = str_replace( '_', '-', $kind );
		}
		$args = array(
			'subject'     => '' !== $subject ? $subject : __( '(no subject)', 'switchboard' ),
			'channel'     => 'email',
			'customer_id' => $customer_id,
			'team_id'     => (int) ( $mailbox['settings']['team_id'] ?? 0 ),
			'tags'        => $tags,
			'meta'        => array(
				'email_mailbox_id' => (int) ( $mailbox['id'] ?? 0 ),
				'email_cc'         => array_values( array_unique( $cc ) ),
			),
			'message'     => $message_args,
		);
		if ( $automatic ) {
			// Receipts, reports and auto-replies nobody is waiting for: kept, but not in the open queue.
			$args['status'] = 'closed';
		}
		if ( isset( $message_args['created_at'] ) ) {
			$args['created_at'] = $message_args['created_at'];
		}
		$ticket_id = $tickets->create( $args );
		if ( $ticket_id instanceof WP_Error ) {
			( new OrphanAttachments() )->delete( $attachments['ids'] );
			return $base + $this->on_error( $ticket_id, 0 );
		}
		$row = ( new Messages() )->find_by_external_id( (string) $msgid );
		if ( Classifier::may_auto_respond( $message ) ) {
			AcknowledgementMail::maybe_send( $ticket_id, $from['address'], $mailbox, $message );
		}
		return $base + array(
			'status'         => 'stored',
			'ticket_id'      => $ticket_id,
			'message_row_id' => null !== $row && null !== $msgid ? (int) $row['id'] : 0,
		);
	}

	/**
	 * Maps a core error to an outcome (a duplicate is not an error).
	 *
	 * @param WP_Error $error     Error.
	 * @param int      $ticket_id Ticket tried.
	 * @return array<string, mixed>
	 */
	private function on_error( WP_Error $error, int $ticket_id ): array {
		if ( 'switchboard_duplicate_message' === $error->get_error_code() ) {
			$data = (array) $error->get_error_data();
			$row  = ( new Messages() )->get( (int) ( $data['message_id'] ?? 0 ) );
			return array(
				'status'         => 'duplicate',
				'ticket_id'      => (int) ( $row['ticket_id'] ?? $ticket_id ),
				'message_row_id' => (int) ( $data['message_id'] ?? 0 ),
			);
		}
		return array(
			'status' => 'quarantined',
			'error'  => $error->get_error_code() . ': ' . $error->get_error_message(),
		);
	}

	/**
	 * Records CC'd addresses on the ticket (they never become its customer).
	 *
	 * @param int      $ticket_id Ticket.
	 * @param string[] $cc        Addresses.
	 */
	private function remember_cc( int $ticket_id, array $cc ): void {
		if ( array() === $cc ) {
			return;
		}
		$tickets = new TicketService();
		$known   = (array) $tickets->get_meta( $ticket_id, 'email_cc' );
		$tickets->update_meta( $ticket_id, 'email_cc', array_values( array_unique( array_merge( $known, $cc ) ) ) );
	}
}
