<?php
/**
 * The non-body parts of a parsed mail: attachments, inline resources, stored files.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Mime;

/**
 * Lists the leaf parts of a MIME tree that are not (or not only) body text. Message::attachments(),
 * files() and inline_cids() answer through these.
 */
final class Files {

	/**
	 * Attachments: leaf parts with disposition "attachment", or non-text leaf parts with a file
	 * name (not entering message/* parts). Inline images with a file name are included.
	 *
	 * @param Part $root Root part.
	 * @return list<array{filename: ?string, content_type: string, size: ?int, content_id: ?string, inline: bool, part: Part}>
	 */
	public static function attachments( Part $root ): array {
		$out = array();
		foreach ( $root->walk() as $part ) {
			if ( $part->is_multipart() ) {
				continue;
			}
			$filename = $part->filename();
			if ( ! $part->is_attachment() && ( 'text' === $part->main_type() || null === $filename ) ) {
				continue;
			}
			$out[] = self::describe( $part );
		}
		return $out;
	}

	/**
	 * Every leaf part that is not body text: attachments plus inline resources without a file
	 * name (cid images), report parts and unused text parts.
	 *
	 * @param Part $root Root part.
	 * @param Body $body The body chosen from it.
	 * @return list<array{filename: ?string, content_type: string, size: ?int, content_id: ?string, inline: bool, part: Part}>
	 */
	public static function files( Part $root, Body $body ): array {
		$out = array();
		foreach ( $root->walk() as $part ) {
			if ( $part->is_multipart() || $body->is_body_part( $part ) ) {
				continue;
			}
			if ( 0 === $part->raw_size() && null === $part->filename() ) {
				continue;
			}
			$out[] = self::describe( $part );
		}
		return $out;
	}

	/**
	 * Content-IDs of leaf parts whose disposition is not "attachment" (body parts left out when
	 * the body was already chosen).
	 *
	 * @param Part      $root Root part.
	 * @param Body|null $body The body, when computed.
	 * @return string[]
	 */
	public static function inline_cids( Part $root, ?Body $body ): array {
		$out = array();
		foreach ( $root->walk() as $part ) {
			if ( $part->is_multipart() || $part->is_attachment() ) {
				continue;
			}
			$cid = $part->content_id();
			if ( null !== $cid && ( null === $body || ! $body->is_body_part( $part ) ) ) {
				$out[] = $cid;
			}
		}
		return $out;
	}

	/**
	 * Describes a leaf part.
	 *
	 * @param Part $part Leaf part.
	 * @return array{filename: ?string, content_type: string, size: ?int, content_id: ?string, inline: bool, part: Part}
	 */
	private static function describe( Part $part ): array {
		$is_message = str_starts_with( $part->type, 'message/' );
		return array(
			'filename'     => $part->filename(),
			'content_type' => $part->type,
			'size'         => $is_message ? null : $part->decoded_size(),
			'content_id'   => $part->content_id(),
			'inline'       => ! $part->is_attachment() && null !== $part->content_id(),
			'part'         => $part,
		);
	}
}
