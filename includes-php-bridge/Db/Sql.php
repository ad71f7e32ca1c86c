<?php
/**
 * Small helpers for building prepared SQL.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db;

/**
 * `IN (…)` lists for $wpdb->prepare(): the placeholders are built here, the values always go
 * through prepare().
 */
final class Sql {

	/**
	 * Placeholders for a list, e.g. "%d,%d,%d" — to sit inside `IN ( … )`.
	 *
	 * @param array<int, mixed> $values The values the placeholders stand for.
	 * @param string            $format %d, %s, or a tuple like "(%d, %d)".
	 */
	public static function placeholders( array $values, string $format = '%d' ): string {
		return implode( ',', array_fill( 0, count( $values ), $format ) );
	}

	/**
	 * Positive integer ids, unique, re-indexed (for batch lookups).
	 *
	 * @param array<int, mixed> $ids Raw ids.
	 * @return int[]
	 */
	public static function ids( array $ids ): array {
		return array_values( array_unique( array_filter( array_map( 'intval', $ids ), static fn ( int $id ): bool => $id > 0 ) ) );
	}
}
