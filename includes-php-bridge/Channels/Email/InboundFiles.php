<?php
/**
 * The files of an inbound mail, stored as ticket attachments.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

use Switchboard\Channels\Email\Mime\Message;
use Switchboard\Channels\Email\Mime\Part;
use Switchboard\Channels\Email\Mime\Tnef;
use Switchboard\Db\Installer;
use Switchboard\Tickets\Attachments;
use WP_Error;

/**
 * Stores the non-body parts of a parsed mail for the Importer: each part is decoded in steps to a
 * temporary file (never whole in memory), a winmail.dat is unpacked into the files it carries,
 * parts over the size limit are skipped, and every file gets a safe name.
 */
final class InboundFiles {

	/**
	 * Stores every non-body part (attachments, inline images, forwarded messages); what could not
	 * be stored is listed with the reason.
	 *
	 * @param Message $message Parsed mail.
	 * @return array{ids: int[], skipped: array<int, array<string, mixed>>}
	 */
	public function store( Message $message ): array {
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
}
