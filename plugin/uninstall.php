<?php
/**
 * Uninstall: keeps every ticket, message and attachment unless the store owner
 * opted in to deleting them (Switchboard → Settings → "Delete all data when uninstalling").
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/switchboard.php';

\Switchboard\Db\Installer::uninstall();
