<?php
/**
 * Files customers attach in the contact form and the account screens.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\OrphanAttachments;
use Switchboard\Tickets\UploadClaims;

/**
 * Reads one multi-file field of $_FILES (or a WP_REST_Request's file params) and stores each file
 * through the ticket core, which enforces the type allow-list, the size limit and that images are
 * images. Files belong to the signed-in user, or to the guest holding their claim secrets, until
 * a message links them. All or nothing: when one file fails, the ones already stored are deleted.
 */
final class Uploads {

	public const MAX_FILES = 3;

	/**
	 * Stores the uploads of a field.
	 *
	 * @param array<string, mixed> $files A $_FILES-shaped array.
	 * @param string               $field Field name (e.g. 'attachments').
	 * @return array{ids: int[], claims: string[], errors: string[]} claims: a guest's secrets
	 *         that link the ids (none when signed in).
	 */
	public static function store( array $files, string $field ): array {
		$list   = self::normalize( $files[ $field ] ?? array() );
		$ids    = array();
		$errors = array();

		if ( count( $list ) > self::MAX_FILES ) {
			return array(
				'ids'    => array(),
				'claims' => array(),
				'errors' => array(
					sprintf(
						/* translators: %d: maximum number of files */
						_n( 'You can attach at most %d file.', 'You can attach at most %d files.', self::MAX_FILES, 'switchboard' ),
						self::MAX_FILES
					),
				),
			);
		}

		$attachments = new Attachments();
		foreach ( $list as $file ) {
			if ( UPLOAD_ERR_NO_FILE === $file['error'] ) {
				continue;
			}
			$name = Attachments::display_name( $file['name'] );
			if ( UPLOAD_ERR_OK !== $file['error'] || ! is_uploaded_file( $file['tmp_name'] ) && ! self::test_file( $file['tmp_name'] ) ) {
				$errors[] = in_array( $file['error'], array( UPLOAD_ERR_INI_SIZE, UPLOAD_ERR_FORM_SIZE ), true )
					/* translators: 1: file name, 2: size like "10 MB" */
					? sprintf( __( '%1$s is larger than the %2$s limit.', 'switchboard' ), $name, size_format( Attachments::max_size() ) )
					/* translators: %s: file name */
					: sprintf( __( '%s could not be uploaded.', 'switchboard' ), $name );
				continue;
			}
			$contents = (string) file_get_contents( $file['tmp_name'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			$id       = $attachments->store( $name, $contents, (string) $file['type'], array( 'uploaded_by' => get_current_user_id() ) );
			if ( is_wp_error( $id ) ) {
				$errors[] = $id->get_error_message();
				continue;
			}
			$ids[] = (int) $id;
		}

		if ( $errors ) {
			// Nothing half-sent stays behind for someone else to find.
			( new OrphanAttachments() )->delete( $ids );
			$ids = array();
		}
		$claims = array();
		if ( 0 === get_current_user_id() ) {
			$issuer = new UploadClaims();
			$claims = array_map( array( $issuer, 'issue' ), $ids );
		}
		return array(
			'ids'    => $ids,
			'claims' => $claims,
			'errors' => $errors,
		);
	}

	/**
	 * Deletes the files of a submission that failed after they were stored.
	 *
	 * @param array{ids: int[]} $uploads What store() returned.
	 */
	public static function discard( array $uploads ): void {
		( new OrphanAttachments() )->delete( $uploads['ids'] );
	}

	/**
	 * Files uploaded through a REST request are moved by PHP like any upload; integration tests
	 * hand in files they wrote themselves, flagged by this filter.
	 */
	private static function test_file( string $path ): bool {
		/**
		 * Filters whether a file that is not an HTTP upload may be read as one (tests only).
		 *
		 * @since 0.1.0
		 *
		 * @param bool   $allowed Default false.
		 * @param string $path    Temporary path.
		 */
		return (bool) apply_filters( 'switchboard_accept_test_upload', false, $path );
	}

	/**
	 * `name[]` fields arrive as parallel arrays; single fields as scalars. Returns a list.
	 *
	 * @param mixed $field $_FILES entry.
	 * @return array<int, array{name: string, type: string, tmp_name: string, error: int, size: int}>
	 */
	public static function normalize( $field ): array {
		if ( ! is_array( $field ) || ! isset( $field['name'] ) ) {
			return array();
		}
		if ( ! is_array( $field['name'] ) ) {
			$field = array_map( static fn ( $value ): array => array( $value ), $field );
		}
		$out = array();
		foreach ( array_keys( (array) $field['name'] ) as $i ) {
			$out[] = array(
				'name'     => (string) ( $field['name'][ $i ] ?? '' ),
				'type'     => (string) ( $field['type'][ $i ] ?? '' ),
				'tmp_name' => (string) ( $field['tmp_name'][ $i ] ?? '' ),
				'error'    => (int) ( $field['error'][ $i ] ?? UPLOAD_ERR_NO_FILE ),
				'size'     => (int) ( $field['size'][ $i ] ?? 0 ),
			);
		}
		return array_values( array_filter( $out, static fn ( array $f ): bool => '' !== $f['name'] || UPLOAD_ERR_NO_FILE !== $f['error'] ) );
	}
}
