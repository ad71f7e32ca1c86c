#!/usr/bin/env bash
#
# Installs switchboard.zip into a separate stock WordPress (its own database, site folder and
# port 8890, WP_DEBUG on, WooCommerce absent), activates it, loads the front page, wp-admin and the
# Support screen as admin, and fails when debug.log has anything in it (notices included).

set -euo pipefail

zip_file="${1:?usage: zip-check.sh <switchboard.zip>}"

# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=../lib/deps.sh
source "$SB_BIN_DIR/lib/deps.sh"
# shellcheck source=../lib/mariadb.sh
source "$SB_BIN_DIR/lib/mariadb.sh"
# shellcheck source=../lib/site.sh
source "$SB_BIN_DIR/lib/site.sh"

SB_ENV=zipcheck
SB_PORT="${SWITCHBOARD_ZIPCHECK_PORT:-8890}"
SB_DB_NAME=switchboard_zipcheck
SB_SITE_DIR="$SB_RUNTIME_DIR/zipcheck"
SB_URL="http://localhost:$SB_PORT"
SB_SERVER_PIDFILE="$SB_SITE_DIR/server.pid"
SB_SERVER6_PIDFILE="$SB_SITE_DIR/server-ipv6.pid"
SB_SERVER_LOG="$SB_SITE_DIR/server.log"
SB_DEBUG_LOG="$SB_SITE_DIR/debug.log"
SB_ENV_FILE="$SB_SITE_DIR/env.sh"
SB_SALTS_FILE="$SB_SECRETS_DIR/salts-zipcheck.php"

[[ -f "$SB_CORE_DIR/wp-includes/version.php" ]] || SWITCHBOARD_SKIP_BUILD=1 bash "$SB_BIN_DIR/runtime.sh" deps
sb_db_start
sb_db_ensure_user

cleanup() {
	sb_server_stop_pidfile "$SB_SERVER_PIDFILE" 2>/dev/null || true
	sb_server_stop_pidfile "$SB_SERVER6_PIDFILE" 2>/dev/null || true
}
trap cleanup EXIT

cleanup
rm -rf "$SB_SITE_DIR"
sb_db_drop "$SB_DB_NAME"
sb_db_create "$SB_DB_NAME"

mkdir -p "$SB_SITE_DIR"
cp -a "$SB_CORE_DIR/." "$SB_SITE_DIR/"
mkdir -p "$SB_SITE_DIR/wp-content/uploads" "$SB_SITE_DIR/wp-content/plugins"
sb_site_salts
sb_site_write_config
unzip -q "$zip_file" -d "$SB_SITE_DIR/wp-content/plugins"
# This machine has no route to WordPress.org: core's own update checks would log warnings that say
# nothing about the plugin. Switch them off (and only them) so every other line counts.
mkdir -p "$SB_SITE_DIR/wp-content/mu-plugins"
cat >"$SB_SITE_DIR/wp-content/mu-plugins/offline.php" <<'PHP'
<?php
// Offline machine: no update checks against WordPress.org.
add_filter( 'pre_site_transient_update_core', '__return_null' );
foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes', 'wp_maybe_auto_update' ) as $hook ) {
	remove_action( 'admin_init', $hook );
	remove_action( 'wp_version_check', $hook );
	remove_action( 'load-plugins.php', $hook );
	remove_action( 'load-update-core.php', $hook );
	remove_action( 'load-themes.php', $hook );
	remove_action( 'load-update.php', $hook );
	remove_action( 'load-update-core.php', $hook );
	remove_action( 'wp_update_plugins', $hook );
	remove_action( 'wp_update_themes', $hook );
}
add_filter( 'pre_http_request', static fn ( $pre, $args, $url ) => str_contains( (string) $url, 'wordpress.org' ) ? new WP_Error( 'offline', 'offline' ) : $pre, 10, 3 );
add_filter( 'automatic_updater_disabled', '__return_true' );
add_action( 'init', static function (): void {
	remove_action( 'init', 'wp_schedule_update_checks' );
	remove_action( 'admin_init', '_maybe_update_core' );
	remove_action( 'admin_init', '_maybe_update_plugins' );
	remove_action( 'admin_init', '_maybe_update_themes' );
}, 0 );
PHP
[[ -f "$SB_SITE_DIR/wp-content/plugins/switchboard/switchboard.php" ]] || sb_die "the zip has no switchboard/switchboard.php"
[[ -f "$SB_SITE_DIR/wp-content/plugins/switchboard/includes-php-bridge/Plugin.php" ]] || sb_die "the zip has no PHP classes"
[[ -f "$SB_SITE_DIR/wp-content/plugins/switchboard/build/admin.js" ]] || sb_die "the zip has no built JavaScript"

sb_site_step core
sb_site_step activate "$SB_PLUGIN_BASENAME"
sb_site_step finalize

sb_server_launch "$SB_SERVER_PIDFILE" "127.0.0.1:$SB_PORT"
for _ in $(seq 1 50); do
	[[ "$(sb_http_code "$SB_URL/wp-login.php")" == 200 ]] && break
	sleep 0.2
done

jar="$(mktemp)"
fail=0
check() {
	local what="$1" url="$2" expect="$3" body code
	body="$(curl -s -b "$jar" -c "$jar" -w '\n%{http_code}' "$url")"
	code="${body##*$'\n'}"
	if [[ "$code" != 200 ]] || ! grep -q -- "$expect" <<<"$body"; then
		echo "FAIL zip-check: $what ($url) answered $code without '$expect'"
		fail=1
	else
		echo "ok   zip-check: $what"
	fi
}
check "front page" "$SB_URL/" "</html>"
curl -s -c "$jar" -b "$jar" -o /dev/null "$SB_URL/wp-login.php"
curl -s -c "$jar" -b "$jar" -o /dev/null -d "log=admin&pwd=password&wp-submit=Log+In&testcookie=1" "$SB_URL/wp-login.php"
check "plugins screen lists Switchboard as active" "$SB_URL/wp-admin/plugins.php" 'data-slug="switchboard"'
check "Support screen mounts the SPA" "$SB_URL/wp-admin/admin.php?page=switchboard" 'id="switchboard-admin-root"'
check "REST overview" "$SB_URL/wp-json/switchboard/v1/overview?_wpnonce=$(curl -s -b "$jar" "$SB_URL/wp-admin/admin-ajax.php?action=rest-nonce")" '"plugin_version"'
rm -f "$jar"

tables="$(sb_db_client -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$SB_DB_NAME' AND table_name LIKE 'wp\\_switchboard\\_%'")"
if ((tables < 10)); then
	echo "FAIL zip-check: only $tables Switchboard tables were created"
	fail=1
else
	echo "ok   zip-check: $tables tables created on activation"
fi

if [[ -s "$SB_DEBUG_LOG" ]]; then
	echo "FAIL zip-check: debug.log is not empty:"
	head -n 20 "$SB_DEBUG_LOG"
	fail=1
else
	echo "ok   zip-check: no notices, warnings or errors in debug.log (WP_DEBUG on)"
fi
exit "$fail"
