<?php
/**
 * Attachments: stored outside public URLs, served only to those allowed.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Tickets;

use Switchboard\Db\Sql;
use Switchboard\Db\Installer;
use Switchboard\Db\Schema;
use WP_Error;

/**
 * Files live under uploads/switchboard-private-<random>/YYYY/MM/<random> (a folder name nobody can
 * guess, denied to direct access, random file names); the database keeps the name as sent (see
 * display_name()), type, size, checksum and inline Content-ID. They are served by the REST API
 * after a permission check.
 *
 * An upload belongs to whoever sent it until a message links it: a signed-in user by user id, a
 * guest by the claim secret handed to her browser with the upload (only its hash is stored), a
 * channel import by passing the ids it stored itself as trusted. Nothing is ever linked because
 * its uploaded_by is 0. Files no message linked are deleted by OrphanAttachments after a day.
 */
final class Attachments {

	/**
	 * Types people may upload (agents, customers, the contact form). Channel imports (email)
	 * keep whatever arrived and are always served as downloads.
	 *
	 * @return array<string, string> extension regex => mime (the shape of get_allowed_mime_types()).
	 */
	public static function allowed_types(): array {
		$types = array(
			'jpg|jpeg|jpe' => 'image/jpeg',
			'png'          => 'image/png',
			'gif'          => 'image/gif',
			'webp'         => 'image/webp',
			'heic'         => 'image/heic',
			'pdf'          => 'application/pdf',
			'txt'          => 'text/plain',
			'csv'          => 'text/csv',
			'doc'          => 'application/msword',
			'docx'         => 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'xls'          => 'application/vnd.ms-excel',
			'xlsx'         => 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'zip'          => 'application/zip',
			'mp4'          => 'video/mp4',
			'mov'          => 'video/quicktime',
		);

		/**
		 * Filters the file types customers and agents may attach.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, string> $types Extension pattern => MIME type.
		 */
		return apply_filters( 'switchboard_attachment_types', $types );
	}

	/**
	 * Largest attachment in bytes (default 10 MB).
	 */
	public static function max_size(): int {
		/**
		 * Filters the largest attachment size in bytes.
		 *
		 * @since 0.1.0
		 *
		 * @param int $bytes Maximum size.
		 */
		return (int) apply_filters( 'switchboard_attachment_max_size', 10 * MB_IN_BYTES );
	}

	/**
	 * The name of a file as its sender wrote it, safe to show and to put in a header: any path
	 * (`../../etc/passwd`, `C:\\x\\y.pdf`) is cut to its last part; control characters, bidi
	 * embeddings/overrides/isolates (which make `exe.pdf` look like `fdp.exe`) and invalid UTF-8
	 * are removed; at most 255 bytes, the extension kept. Everything else — spaces, accents,
	 * `N°` — stays verbatim. Used when a file is stored and again on output (rows stored before
	 * this existed). The file itself is stored under a random name; output is still escaped.
	 *
	 * @param string $name Name as sent.
	 */
	public static function display_name( string $name ): string {
		if ( ! mb_check_encoding( $name, 'UTF-8' ) ) {
			$name = str_replace( "\u{FFFD}", '', htmlspecialchars_decode( htmlspecialchars( $name, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8' ), ENT_QUOTES ) );
		}
		// C0, DEL, C1 controls; LRM/RLM/ALM; LRE/RLE/PDF/LRO/RLO; LRI/RLI/FSI/PDI.
		$name  = (string) preg_replace( '/[\x{0000}-\x{001F}\x{007F}-\x{009F}\x{061C}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]/u', '', $name );
		$parts = preg_split( '#[/\\\\]#', $name );
		$name  = trim( (string) end( $parts ) );
		if ( '' === trim( $name, '. ' ) ) {
			return 'attachment';
		}
		if ( strlen( $name ) > 255 ) {
			$ext  = (string) pathinfo( $name, PATHINFO_EXTENSION );
			$ext  = '' !== $ext && strlen( $ext ) <= 16 ? '.' . $ext : '';
			$name = mb_strcut( substr( $name, 0, strlen( $name ) - strlen( $ext ) ), 0, 255 - strlen( $ext ), 'UTF-8' ) . $ext;
		}
		return $name;
	}

	/**
	 * Stores a file.
	 *
	 * @param string               $filename Original file name.
	 * @param string               $contents File bytes.
	 * @param string               $mime     Declared type.
	 * @param array<string, mixed> $args     ticket_id, message_id, content_id, is_inline, uploaded_by,
	 *                                       trusted (true for channel imports: any type, served as download).
	 * @return int|WP_Error Attachment id.
	 */
	public function store( string $filename, string $contents, string $mime, array $args = array() ) {
		$checked = $this->check( $filename, strlen( $contents ), $mime, $args, static fn( \finfo $finfo ): string => (string) $finfo->buffer( $contents ) );
		if ( $checked instanceof WP_Error ) {
			return $checked;
		}
		$relative = gmdate( 'Y/m' ) . '/' . bin2hex( random_bytes( 16 ) );
		$path     = Installer::private_dir() . '/' . $relative;
		if ( ! Installer::private_mkdir( dirname( $path ) ) || false === file_put_contents( $path, $contents ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			return new WP_Error( 'switchboard_attachment_write', __( 'The attachment could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		return $this->insert_row( $checked[0], $checked[1], strlen( $contents ), hash( 'sha256', $contents ), $relative, $args );
	}

	/**
	 * Stores a file that is already on disk — a channel streamed a large attachment there — by
	 * moving it into the private store, never reading it into memory. Same checks as store().
	 * The source file is gone afterwards when this succeeds.
	 *
	 * @param string               $filename Original file name.
	 * @param string               $source   Path of the file (best on the same file system).
	 * @param string               $mime     Declared type.
	 * @param array<string, mixed> $args     As for store().
	 * @return int|WP_Error Attachment id.
	 */
	public function store_file( string $filename, string $source, string $mime, array $args = array() ) {
		$size    = is_file( $source ) ? (int) filesize( $source ) : 0;
		$checked = $this->check( $filename, $size, $mime, $args, static fn( \finfo $finfo ): string => (string) $finfo->file( $source ) );
		if ( $checked instanceof WP_Error ) {
			return $checked;
		}
		$relative = gmdate( 'Y/m' ) . '/' . bin2hex( random_bytes( 16 ) );
		$path     = Installer::private_dir() . '/' . $relative;
		if ( ! Installer::private_mkdir( dirname( $path ) ) || ! self::move( $source, $path ) ) {
			return new WP_Error( 'switchboard_attachment_write', __( 'The attachment could not be saved.', 'switchboard' ), array( 'status' => 500 ) );
		}
		return $this->insert_row( $checked[0], $checked[1], $size, (string) hash_file( 'sha256', $path ), $relative, $args );
	}

	/**
	 * Moves a file (a rename; a copy and delete across file systems).
	 *
	 * @param string $from Source.
	 * @param string $to   Target.
	 */
	private static function move( string $from, string $to ): bool {
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.rename_rename -- a move into our private folder; failure is handled.
		if ( @rename( $from, $to ) ) {
			return true;
		}
		if ( ! copy( $from, $to ) ) {
			return false;
		}
		wp_delete_file( $from );
		return true;
	}

	/**
	 * Size and type checks shared by store() and store_file().
	 *
	 * @param string               $filename Original file name.
	 * @param int                  $size     Bytes.
	 * @param string               $mime     Declared type.
	 * @param array<string, mixed> $args     As for store().
	 * @param callable             $sniff    fn( \finfo ): string — the real type of the bytes.
	 * @return array{0: string, 1: string}|WP_Error Display name and type.
	 */
	private function check( string $filename, int $size, string $mime, array $args, callable $sniff ) {
		$filename = self::display_name( $filename );
		if ( $size > self::max_size() ) {
			return new WP_Error(
				'switchboard_attachment_too_large',
				/* translators: 1: file name, 2: maximum size like "10 MB" */
				sprintf( __( '%1$s is larger than the %2$s limit.', 'switchboard' ), $filename, size_format( self::max_size() ) ),
				array( 'status' => 413 )
			);
		}

		if ( empty( $args['trusted'] ) ) {
			$check = wp_check_filetype( $filename, self::allowed_types() );
			if ( false === $check['type'] ) {
				return new WP_Error(
					'switchboard_attachment_type',
					/* translators: %s: file name */
					sprintf( __( '%s is not a file type you can attach.', 'switchboard' ), $filename ),
					array( 'status' => 415 )
				);
			}
			$mime = $check['type'];
			// The bytes must be what the extension says (no HTML disguised as a PNG).
			$real = (string) $sniff( new \finfo( FILEINFO_MIME_TYPE ) );
			if ( str_starts_with( $mime, 'image/' ) && ! str_starts_with( $real, 'image/' ) ) {
				return new WP_Error(
					'switchboard_attachment_type',
					/* translators: %s: file name */
					sprintf( __( '%s is not a valid image.', 'switchboard' ), $filename ),
					array( 'status' => 415 )
				);
			}
		}
		return array( $filename, '' !== $mime ? strtolower( substr( $mime, 0, 100 ) ) : 'application/octet-stream' );
	}

	/**
	 * Inserts the row of a stored file.
	 *
	 * @param string               $filename File name.
	 * @param string               $mime     Type.
	 * @param int                  $size     Bytes.
	 * @param string               $sha256   Hash.
	 * @param string               $relative Path below the private folder.
	 * @param array<string, mixed> $args     As for store().
	 */
	private function insert_row( string $filename, string $mime, int $size, string $sha256, string $relative, array $args ): int {
		global $wpdb;
		// A Content-ID that could not sit verbatim in a URL is no inline image: the file is listed.
		$content_id = Html::clean_content_id( (string) ( $args['content_id'] ?? '' ) );
		$wpdb->insert(
			Schema::table( 'attachments' ),
			array(
				'ticket_id'   => (int) ( $args['ticket_id'] ?? 0 ),
				'message_id'  => (int) ( $args['message_id'] ?? 0 ),
				'uploaded_by' => (int) ( $args['uploaded_by'] ?? get_current_user_id() ),
				'filename'    => $filename,
				'mime_type'   => $mime,
				'size'        => $size,
				'sha256'      => $sha256,
				'path'        => $relative,
				'content_id'  => $content_id,
				'is_inline'   => empty( $args['is_inline'] ) || '' === $content_id ? 0 : 1,
				'created_at'  => Time::now(),
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * An attachment row.
	 *
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'attachments' ) . ' WHERE id = %d', $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Attachments of several messages, grouped by message id (one query).
	 *
	 * @param int[] $message_ids Message ids.
	 * @return array<int, array<int, array<string, mixed>>>
	 */
	public function for_messages( array $message_ids ): array {
		global $wpdb;
		$message_ids = Sql::ids( $message_ids );
		if ( ! $message_ids ) {
			return array();
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT * FROM ' . Schema::table( 'attachments' ) . ' WHERE message_id IN (' . Sql::placeholders( $message_ids ) . ') ORDER BY id',
				$message_ids
			),
			ARRAY_A
		);
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['message_id'] ][] = $row;
		}
		return $out;
	}

	/**
	 * Links unattached uploads to a message — only those the requester may link: the ids a
	 * channel import stored itself ($trusted), the signed-in user's own uploads, or a guest's
	 * uploads whose claim secrets she holds. `uploaded_by = 0` never means "anyone".
	 *
	 * @param int[]    $ids         Attachment ids.
	 * @param int      $ticket_id   Ticket.
	 * @param int      $message_id  Message.
	 * @param int      $uploaded_by The requesting user (0: a guest).
	 * @param bool     $trusted     The caller stored these ids itself in this request.
	 * @param string[] $claims      A guest's claim secrets.
	 * @return int How many were linked.
	 */
	public function link( array $ids, int $ticket_id, int $message_id, int $uploaded_by, bool $trusted = false, array $claims = array() ): int {
		global $wpdb;
		$ids = Sql::ids( $ids );
		if ( ! $ids ) {
			return 0;
		}
		$owner = $trusted ? array( '', array() ) : UploadClaims::owner_clause( $uploaded_by, $claims );
		if ( null === $owner ) {
			return 0;
		}
		$sql = 'UPDATE ' . Schema::table( 'attachments' ) . " SET ticket_id = %d, message_id = %d, claim_hash = '' WHERE message_id = 0 AND id IN (" . Sql::placeholders( $ids ) . ')' . $owner[0];
		return (int) $wpdb->query( $wpdb->prepare( $sql, array_merge( array( $ticket_id, $message_id ), $ids, $owner[1] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders built above.
	}

	/**
	 * Absolute path of the stored file (in the folder it was moved from, until it is moved).
	 *
	 * @param array<string, mixed> $row Attachment row.
	 */
	public function path( array $row ): string {
		return Installer::private_path( (string) $row['path'] );
	}

	/**
	 * The download URL for the current viewer (REST route; a cookie-authenticated browser needs
	 * the REST nonce in the URL since a plain link sends no X-WP-Nonce header).
	 *
	 * @param array<string, string> $extra Extra query args (a guest's signed token).
	 */
	public function url( int $id, array $extra = array() ): string {
		$args = $extra;
		if ( is_user_logged_in() ) {
			$args['_wpnonce'] = wp_create_nonce( 'wp_rest' );
		}
		return add_query_arg( $args, rest_url( 'switchboard/v1/attachments/' . $id ) );
	}

	/**
	 * REST shape.
	 *
	 * @param array<string, mixed>  $row   Attachment row.
	 * @param array<string, string> $extra Extra URL args.
	 * @return array<string, mixed>
	 */
	public function format( array $row, array $extra = array() ): array {
		return array(
			'id'         => (int) $row['id'],
			'filename'   => self::display_name( (string) $row['filename'] ),
			'mime_type'  => (string) $row['mime_type'],
			'size'       => (int) $row['size'],
			'is_inline'  => (bool) $row['is_inline'],
			'content_id' => (string) $row['content_id'],
			'url'        => $this->url( (int) $row['id'], $extra ),
		);
	}
}
