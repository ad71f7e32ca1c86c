<?php
/**
 * A versioned data migration.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db\Migrations;

/**
 * Schema changes go through Db\Schema and dbDelta; data changes (backfills, moves) are
 * migrations. Each runs once, in version order, after dbDelta, under the install lock.
 */
interface Migration {

	/**
	 * Sortable version id, e.g. "2026.11.23.1".
	 */
	public function version(): string;

	/**
	 * Performs the migration. Must be idempotent: a crash half-way means it runs again.
	 */
	public function up(): void;
}
