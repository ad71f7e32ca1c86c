<?php
/**
 * Raw mail → ticket message. The one import path for IMAP, the MTA pipe, webhooks and WP-CLI.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Mime\Part;
use Switchboard\Channels\Email\Mime\Tnef;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\Threading\CoreDirectory;
use Switchboard\Channels\Email\Threading\Signer;
use Switchboard\Channels\Email\Threading\Threader;
use Switchboard\Db\Installer;
use Switchboard\Mail\AcknowledgementMail;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\Customers;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\OrphanAttachments;
use Switchboard\Tickets\TicketService;
use WP_Error;

/**
 * Imports one raw message:
 * 1. the raw bytes are written to the inbound store first (nothing is lost after this returns an id);
 * 2. parse and classify; own mail is ignored, bounces mark the original outgoing message;
 * 3. the sender becomes (or matches) a customer identity; CC'd people are recorded only;
 * 4. the message threads onto its ticket (signed evidence only) or starts a new one;
 * 5. attachments are stored, quoted history stripped for display, the message added once
 *    (dedupe on Message-ID); 6. the inbound row is marked stored.
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
		$from    = $message->from() ?? ( $message->addresses( 'reply-to' )[0] ?? ( $message->addresses( 'sender' )[0] ?? null ) );
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
		if ( null !== $message->header( 'x-switchboard-ticket' ) || ( null !== $from && in_array( (string) preg_replace( '/\+[^@]*@/', '@', $from['address'] ), $own, true ) ) ) {
			return $base + array(
				'status' => 'ignored',
				'error'  => 'own mail',
			);
		}

		if ( Classifier::BOUNCE === $kind ) {
			return $base + $this->handle_bounce( $message );
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

		$mailbox = (int) ( $context['mailbox_id'] ?? 0 ) > 0 ? $mailboxes->get( (int) $context['mailbox_id'] ) : null;
		if ( null === $mailbox ) {
			foreach ( array_merge( $message->addresses( 'to' ), $message->addresses( 'cc' ) ) as $to ) {
				$mailbox = $mailboxes->find_by_address( $to['address'] );
				if ( null !== $mailbox ) {
					break;
				}
			}
		}

		$cc = array();
		foreach ( array_merge( $message->addresses( 'to' ), $message->addresses( 'cc' ) ) as $address ) {
			if ( ! in_array( (string) preg_replace( '/\+[^@]*@/', '@', $address['address'] ), $own, true ) && $address['address'] !== $from['address'] ) {
				$cc[] = $address['address'];
			}
		}

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

		$attachments                 = $this->store_files( $message );
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
	 * Bounce: marks the outgoing message it reports as bounced (found by our signed Message-ID, or
	 * by the Message-ID we stored on an outgoing message). Never creates a ticket.
	 *
	 * @param Message $message Bounce.
	 * @return array<string, mixed>
	 */
	private function handle_bounce( Message $message ): array {
		$dsn    = Classifier::dsn( $message );
		$signer = Signer::from_wordpress();
		$dir    = new CoreDirectory();
		$repo   = new Messages();
		$error  = trim( implode( ' ', array_filter( array( $dsn['status'], $dsn['diagnostic'], implode( ', ', $dsn['recipients'] ) ) ) ) );
		foreach ( $dsn['message_ids'] as $id ) {
			$parsed = Signer::parse_message_id( $id );
			if ( null === $parsed ) {
				continue;
			}
			$secret = $dir->secret( $parsed['ticket'] );
			$row    = $repo->get( $parsed['message'] );
			if ( null !== $secret && null !== $row && (int) $row['ticket_id'] === $parsed['ticket'] && $signer->verify_message_id( $parsed['ticket'], $parsed['message'], $parsed['sig'], $secret ) ) {
				$repo->set_delivery_status( $parsed['message'], 'bounced', '' !== $error ? $error : __( 'The recipient\'s server returned the email.', 'switchboard' ) );
				return array(
					'status'         => 'bounce',
					'ticket_id'      => $parsed['ticket'],
					'message_row_id' => $parsed['message'],
				);
			}
		}
		foreach ( $dsn['message_ids'] as $id ) {
			$row = $repo->find_by_external_id( $id );
			if ( null !== $row && 'out' === (string) $row['direction'] ) {
				$repo->set_delivery_status( (int) $row['id'], 'bounced', $error );
				return array(
					'status'         => 'bounce',
					'ticket_id'      => (int) $row['ticket_id'],
					'message_row_id' => (int) $row['id'],
				);
			}
		}
		return array(
			'status' => 'ignored',
			'error'  => 'bounce for a message we did not send' . ( '' !== $error ? ': ' . $error : '' ),
		);
	}

	/**
	 * Stores every non-body part (attachments, inline images, forwarded messages).
	 *
	 * @param Message $message Parsed mail.
	 * @return array{ids: int[], skipped: array<int, array<string, mixed>>}
	 */
	private function store_files( Message $message ): array {
		$repo    = new Attachments();
		$ids     = array();
		$skipped = array();
		foreach ( $message->files() as $index => $file ) {
			$name = self::filename( $file['filename'], $file['content_type'], $index );
			$size = $file['part']->raw_size();
			if ( $size > Attachments::max_size() * 1.4 ) {
				$skipped[] = array(
					'filename' => $name,
					'reason'   => 'too large',
				);
				continue;
			}
			if ( self::is_tnef( $file['content_type'], (string) $file['filename'] ) ) {
				// winmail.dat: store the files inside it (only Outlook could open the wrapper).
				$inner = $this->store_tnef( $repo, $file['part'], $message->fallback_charset() );
				if ( null !== $inner ) {
					$ids     = array_merge( $ids, $inner['ids'] );
					$skipped = array_merge( $skipped, $inner['skipped'] );
					continue;
				}
			}
			// Decoded in steps straight to a file next to the private store and moved into it:
			// a 20 MB attachment never sits in memory, encoded or decoded.
			$id = $this->store_streamed( $repo, $name, $file['part'], $file['content_type'], (string) $file['content_id'], (bool) $file['inline'] );
			if ( $id instanceof WP_Error ) {
				$skipped[] = array(
					'filename' => $name,
					'reason'   => $id->get_error_message(),
				);
				continue;
			}
			$ids[] = $id;
		}
		return array(
			'ids'     => $ids,
			'skipped' => $skipped,
		);
	}

	/**
	 * Whether a part is a TNEF wrapper (winmail.dat).
	 *
	 * @param string $type     Media type.
	 * @param string $filename File name.
	 */
	private static function is_tnef( string $type, string $filename ): bool {
		return in_array( $type, array( 'application/ms-tnef', 'application/vnd.ms-tnef' ), true ) || 'winmail.dat' === strtolower( trim( $filename ) );
	}

	/**
	 * Stores the files inside a TNEF part; null when it holds none (the wrapper is then kept as
	 * it is, e.g. a winmail.dat that only carries Outlook's formatting).
	 *
	 * @param Attachments $repo    Repository.
	 * @param Part        $part    The winmail.dat part.
	 * @param string      $charset Charset for 8-bit names.
	 * @return array{ids: int[], skipped: array<int, array<string, mixed>>}|null
	 */
	private function store_tnef( Attachments $repo, Part $part, string $charset ): ?array {
		$files = Tnef::attachments( $part->body(), '' !== $charset ? $charset : 'windows-1252' );
		if ( array() === $files ) {
			return null;
		}
		$out = array(
			'ids'     => array(),
			'skipped' => array(),
		);
		foreach ( $files as $index => $file ) {
			$name = self::filename( $file['filename'], $file['mime'], $index );
			$type = '' !== $file['mime'] ? $file['mime'] : (string) ( wp_check_filetype( $name )['type'] ?: 'application/octet-stream' );
			$id   = $repo->store(
				$name,
				$file['data'],
				$type,
				array(
					'uploaded_by' => 0,
					'trusted'     => true,
				)
			);
			if ( $id instanceof WP_Error ) {
				$out['skipped'][] = array(
					'filename' => $name,
					'reason'   => $id->get_error_message(),
				);
				continue;
			}
			$out['ids'][] = $id;
		}
		return $out;
	}

	/**
	 * Stores one part as an attachment through a temporary file.
	 *
	 * @param Attachments $repo        Repository.
	 * @param string      $name        File name.
	 * @param Part        $part        Leaf part.
	 * @param string      $type        Media type.
	 * @param string      $content_id  Content-ID.
	 * @param bool        $inline      Inline resource.
	 * @return int|WP_Error
	 */
	private function store_streamed( Attachments $repo, string $name, Part $part, string $type, string $content_id, bool $inline ) {
		$dir = Installer::private_dir() . '/tmp';
		$tmp = $dir . '/' . bin2hex( random_bytes( 16 ) ) . '.part';
		$out = Installer::private_mkdir( $dir ) ? fopen( $tmp, 'wb' ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( false === $out ) {
			return new WP_Error( 'switchboard_attachment_write', __( 'The attachment could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		try {
			$part->decode_to( $out );
		} finally {
			fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
		$id = $repo->store_file(
			$name,
			$tmp,
			$type,
			array(
				'content_id'  => $content_id,
				'is_inline'   => $inline,
				'uploaded_by' => 0,
				'trusted'     => true,
			)
		);
		if ( is_file( $tmp ) ) {
			wp_delete_file( $tmp ); // Refused (too large): nothing to keep.
		}
		return $id;
	}

	/**
	 * A safe file name: basename of what the sender wrote, or one made from the type.
	 *
	 * @param string|null $name  Declared name.
	 * @param string      $type  Media type.
	 * @param int         $index Position.
	 */
	public static function filename( ?string $name, string $type, int $index ): string {
		$name = trim( str_replace( array( '\\', "\0" ), '/', (string) $name ) );
		$name = trim( (string) ( strrchr( '/' . $name, '/' ) ), '/ ' );
		if ( '' !== $name ) {
			return $name;
		}
		$extensions = array(
			'message/rfc822'          => 'eml',
			'message/delivery-status' => 'txt',
			'text/rfc822-headers'     => 'txt',
			'text/plain'              => 'txt',
			'text/html'               => 'html',
			'text/calendar'           => 'ics',
			'image/png'               => 'png',
			'image/jpeg'              => 'jpg',
			'image/gif'               => 'gif',
			'application/pdf'         => 'pdf',
		);
		return 'part-' . ( $index + 1 ) . '.' . ( $extensions[ $type ] ?? 'bin' );
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
