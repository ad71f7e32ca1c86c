#!/usr/bin/env bash
#
# Local WordPress runtime for Switchboard, without Docker:
# WordPress 6.8 (Debian trixie's package, unpacked), the project's own MariaDB on 127.0.0.1:3307,
# PHP's built-in web server. Everything it creates lives in .runtime/ (git-ignored).
#
#   bash bin/runtime.sh deps                 install what is missing (Debian packages, WordPress
#                                            core, node_modules, the JavaScript build)
#   bash bin/runtime.sh up <dev|test>        start (installing and seeding on first run)
#   bash bin/runtime.sh down                 stop every web server started here, and MariaDB
#   bash bin/runtime.sh reset <dev|test>     stop, drop the database and site folder, then up
#   bash bin/runtime.sh status               what is running
#   bash bin/runtime.sh php <env> <file.php> [args]   run a PHP script with WordPress loaded
#
#   dev:  http://localhost:8888  database switchboard_dev   site .runtime/dev
#   test: http://localhost:8889  database switchboard_test  site .runtime/test
#
# Environment: WC_PLUGIN_DIR=<folder with woocommerce.php> adds WooCommerce;
# SWITCHBOARD_SKIP_BUILD=1 skips npm ci / wp-scripts build; SWITCHBOARD_MINIMAL_DEPS=1 skips
# the Debian packages only the tests use (chromium, dovecot-imapd); SWITCHBOARD_ACCESS_LOG=1
# logs every request to server.log; SWITCHBOARD_RUNTIME_DIR, SWITCHBOARD_DB_PORT,
# SWITCHBOARD_DEV_PORT, SWITCHBOARD_TEST_PORT run a second, separate runtime.
# After `up <env>`, `. .runtime/<env>/env.sh` exports WP_BASE_URL, WP_DIR, DB_NAME, DB_HOST,
# DB_USER, DB_PASSWORD, MYSQL_SOCKET (and WP_USERNAME, WP_PASSWORD); env.json has the same.

set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/deps.sh
source "$SB_BIN_DIR/lib/deps.sh"
# shellcheck source=lib/mariadb.sh
source "$SB_BIN_DIR/lib/mariadb.sh"
# shellcheck source=lib/site.sh
source "$SB_BIN_DIR/lib/site.sh"

usage() {
	sed -n '3,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# One runtime command at a time (two `up`s racing would both try to start MariaDB).
sb_lock() {
	mkdir -p "$SB_RUNTIME_DIR"
	exec 9>"$SB_RUNTIME_DIR/cmd.lock"
	if ! flock -n 9; then
		sb_log "another bin/runtime.sh command is running; waiting for it"
		flock -w 1800 9 || sb_die "gave up waiting for the other bin/runtime.sh command"
	fi
}

cmd_deps() {
	sb_lock
	local start
	start="$(date +%s)"
	sb_deps
	sb_log "dependencies ready ($(sb_elapsed "$start"))"
}

cmd_up() {
	sb_env_config "${1:-}"
	sb_lock
	local start
	start="$(date +%s)"

	sb_deps
	sb_db_start
	sb_db_ensure_user
	sb_db_create "$SB_DB_NAME"
	sb_site_layout
	sb_site_install
	sb_server_start
	sb_server_check_node
	sb_site_write_env

	local rel_site="${SB_SITE_DIR#"$SB_REPO_DIR"/}"
	cat <<EOF
[switchboard] $SB_ENV is up ($(sb_elapsed "$start"))
[switchboard]   Site:      $SB_URL/
[switchboard]   wp-admin:  $SB_URL/wp-admin/
[switchboard]   Support:   $SB_URL/wp-admin/admin.php?page=switchboard
[switchboard]   Logins:    admin/password (administrator), agent/password (agent),
[switchboard]              alice/password, bob/password (customers)
[switchboard]   Env vars:  . $rel_site/env.sh   (also $rel_site/env.json)
[switchboard]   Logs:      $rel_site/debug.log (PHP/WordPress), $rel_site/server.log (requests)
[switchboard]   Database:  $SB_DB_NAME on $SB_DB_HOST, user $SB_DB_USER/$SB_DB_PASSWORD
EOF
}

cmd_down() {
	sb_lock
	local env pidfile pid
	# Every server this script started, whatever the env (the pid files live in the site dirs).
	for pidfile in "$SB_RUNTIME_DIR"/*/server.pid "$SB_RUNTIME_DIR"/*/server-ipv6.pid; do
		[[ -e "$pidfile" ]] || continue
		if sb_pid_alive "$pidfile"; then
			pid="$(<"$pidfile")"
			env="$(basename "$(dirname "$pidfile")")"
			sb_log "stopping the $env web server (pid $pid)"
		fi
		sb_server_stop_pidfile "$pidfile"
	done
	sb_db_stop
	sb_log "down"
}

cmd_reset() {
	sb_env_config "${1:-}"
	(
		sb_lock
		sb_log "resetting $SB_ENV: stopping its web server, dropping $SB_DB_NAME, deleting ${SB_SITE_DIR#"$SB_REPO_DIR"/}"
		sb_server_stop
		if [[ -d "$SB_DB_DATADIR/mysql" ]]; then
			sb_db_start
			sb_db_drop "$SB_DB_NAME"
		fi
		rm -rf "$SB_SITE_DIR"
	)
	cmd_up "$SB_ENV"
}

cmd_status() {
	if sb_db_running; then
		sb_log "MariaDB: running (pid $(<"$SB_DB_PIDFILE"), 127.0.0.1:$SB_DB_PORT, socket ${SB_DB_SOCKET#"$SB_REPO_DIR"/})"
	else
		sb_log "MariaDB: stopped"
	fi
	local env code
	for env in "${SB_ALL_ENVS[@]}"; do
		sb_env_config "$env"
		if sb_pid_alive "$SB_SERVER_PIDFILE"; then
			code="$(sb_http_code "$SB_URL/wp-login.php")"
			sb_log "$env: running (pid $(<"$SB_SERVER_PIDFILE")) $SB_URL/ — wp-login.php answers $code"
		elif [[ -f "$SB_SITE_DIR/wp-config.php" ]]; then
			sb_log "$env: stopped (site in ${SB_SITE_DIR#"$SB_REPO_DIR"/})"
		else
			sb_log "$env: not set up"
		fi
	done
}

cmd_php() {
	exec bash "$SB_BIN_DIR/wp-php.sh" "$@"
}

main() {
	local cmd="${1:-}"
	shift || true
	case "$cmd" in
		deps) cmd_deps "$@" ;;
		up | start) cmd_up "$@" ;;
		down | stop) cmd_down "$@" ;;
		reset) cmd_reset "$@" ;;
		status) cmd_status "$@" ;;
		php) cmd_php "$@" ;;
		-h | --help | help | '') usage ;;
		*)
			usage >&2
			sb_die "unknown command '$cmd'"
			;;
	esac
}

main "$@"
