# shellcheck shell=bash
#
# One runtime site (dev or test): files, wp-config.php, installation, the PHP web server.
# Sourced after common.sh and mariadb.sh; sb_env_config must have run.

SB_PLUGIN_BASENAME="switchboard/switchboard.php"
SB_WC_BASENAME="woocommerce/woocommerce.php"

# PHP on the command line with the runtime's settings and the env's URL.
sb_php() {
	SWITCHBOARD_URL="$SB_URL" php "${SB_PHP_INI[@]}" -d display_errors=stderr "$@"
}

# Salts: random, generated once per environment, kept across `reset` (outside the site dir).
sb_site_salts() {
	[[ -s "$SB_SALTS_FILE" ]] && return 0
	mkdir -p "$SB_SECRETS_DIR"
	chmod 700 "$SB_SECRETS_DIR"
	php -r '
		foreach ( array( "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT" ) as $name ) {
			$chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#%^&*()-_[]{}<>~+=,.;:/?|";
			$salt  = "";
			for ( $i = 0; $i < 64; $i++ ) {
				$salt .= $chars[ random_int( 0, strlen( $chars ) - 1 ) ];
			}
			printf( "define( %s, %s );\n", var_export( $name, true ), var_export( $salt, true ) );
		}
	' >"$SB_SALTS_FILE.tmp"
	mv "$SB_SALTS_FILE.tmp" "$SB_SALTS_FILE"
	chmod 600 "$SB_SALTS_FILE"
}

sb_site_write_config() {
	local config="$SB_SITE_DIR/wp-config.php" tmp
	tmp="$(mktemp "$SB_SITE_DIR/.wp-config.XXXXXX")"
	{
		cat <<EOF
<?php
/**
 * WordPress configuration of the "$SB_ENV" runtime environment.
 *
 * Written by bin/runtime.sh on every \`up\`: edits here are lost. Put local additions in
 * wp-config-local.php next to this file (deleted by \`reset\`).
 */

define( 'DB_NAME', '$SB_DB_NAME' );
define( 'DB_USER', '$SB_DB_USER' );
define( 'DB_PASSWORD', '$SB_DB_PASSWORD' );
define( 'DB_HOST', '$SB_DB_HOST' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

\$table_prefix = 'wp_';

EOF
		cat "$SB_SALTS_FILE"
		cat <<EOF

define( 'WP_HOME', '$SB_URL' );
define( 'WP_SITEURL', '$SB_URL' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );

define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
if ( 'cli' === PHP_SAPI ) {
	// Command line (bin/wp-php.sh, bin/wp-install.php): errors go to stderr as well (PHP's
	// display_errors=stderr is left alone), and PHP reports a fatal error itself instead of
	// WordPress printing its HTML "critical error" page.
	define( 'WP_DEBUG_DISPLAY', null );
	define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
} else {
	define( 'WP_DEBUG_DISPLAY', false );
}
define( 'SCRIPT_DEBUG', false );

define( 'DISABLE_WP_CRON', false );
define( 'FS_METHOD', 'direct' );
// Core comes from the runtime's copy; nothing to update over the network.
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );

define( 'SWITCHBOARD_RUNTIME_ENV', '$SB_ENV' );
// No MTA here: wp_mail() goes to this runtime's SMTP sink (bin/lib-mail/smtp.sh; mu-plugin).
define( 'SWITCHBOARD_RUNTIME_SMTP_PORT', ${SWITCHBOARD_SMTP_PORT:-10025} );

if ( is_readable( __DIR__ . '/wp-config-local.php' ) ) {
	require __DIR__ . '/wp-config-local.php';
}

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
EOF
	} >"$tmp"
	if cmp -s "$tmp" "$config"; then
		rm -f "$tmp"
	else
		chmod 644 "$tmp"
		mv "$tmp" "$config"
	fi
}

sb_site_write_env() {
	local tmp
	tmp="$(mktemp "$SB_SITE_DIR/.env.XXXXXX")"
	cat >"$tmp" <<EOF
# Written by bin/runtime.sh up $SB_ENV. Source it:  . ${SB_ENV_FILE#"$SB_REPO_DIR"/}
export SWITCHBOARD_ENV='$SB_ENV'
export WP_BASE_URL='$SB_URL'
export WP_DIR='$SB_SITE_DIR'
export WP_USERNAME='admin'
export WP_PASSWORD='password'
export WP_DEBUG_LOG_FILE='$SB_DEBUG_LOG'
export DB_NAME='$SB_DB_NAME'
export DB_HOST='$SB_DB_HOST'
export DB_USER='$SB_DB_USER'
export DB_PASSWORD='$SB_DB_PASSWORD'
export MYSQL_SOCKET='$SB_DB_SOCKET'
EOF
	chmod 644 "$tmp"
	mv "$tmp" "$SB_ENV_FILE"
	# The same, for Node (the values contain no quotes or backslashes).
	sed -n "s/^export \([A-Z_]*\)='\(.*\)'$/\1 \2/p" "$SB_ENV_FILE" | awk '
		BEGIN { printf "{" }
		{ name = $1; sub(/^[^ ]* /, ""); printf "%s\n\t\"%s\": \"%s\"", (NR > 1 ? "," : ""), name, $0 }
		END { printf "\n}\n" }
	' >"$SB_SITE_DIR/env.json"
}

# Links wp-content/plugins/<name> to <target>.
sb_site_link() {
	local link="$1" target="$2"
	if [[ -L "$link" && "$(readlink "$link")" == "$target" ]]; then
		return 0
	fi
	rm -rf "$link"
	ln -s "$target" "$link"
}

sb_site_layout() {
	mkdir -p "$SB_SITE_DIR"
	local core_version site_version
	core_version="$(<"$SB_CORE_DIR/.switchboard-core")"
	site_version="$(cat "$SB_SITE_DIR/.switchboard-core" 2>/dev/null || true)"
	if [[ "$core_version" != "$site_version" ]]; then
		sb_log "laying out WordPress $core_version in ${SB_SITE_DIR#"$SB_REPO_DIR"/}"
		# Hard links: instant and no extra space. Fall back to a copy across file systems.
		cp -alf "$SB_CORE_DIR/." "$SB_SITE_DIR/" 2>/dev/null || cp -af "$SB_CORE_DIR/." "$SB_SITE_DIR/" ||
			sb_die "could not copy the WordPress core to $SB_SITE_DIR"
	fi
	mkdir -p "$SB_SITE_DIR/wp-content/uploads" "$SB_SITE_DIR/wp-content/upgrade"

	sb_site_salts
	sb_site_write_config

	# The plugin, straight from the repository. switchboard.php finds its classes in
	# ../includes-php-bridge relative to its real path.
	sb_site_link "$SB_SITE_DIR/wp-content/plugins/switchboard" "$SB_REPO_DIR/plugin"

	# The runtime's must-use plugin (no update checks on a machine without network).
	mkdir -p "$SB_SITE_DIR/wp-content/mu-plugins"
	sb_site_link "$SB_SITE_DIR/wp-content/mu-plugins/switchboard-runtime.php" "$SB_BIN_DIR/lib/mu-plugins/switchboard-runtime.php"

	# WooCommerce: not in any registry we can reach; linked from WC_PLUGIN_DIR when given.
	local wc_link="$SB_SITE_DIR/wp-content/plugins/woocommerce"
	SB_WC_ENABLED=0
	if [[ -n "${WC_PLUGIN_DIR:-}" ]]; then
		local wc_dir
		wc_dir="$(cd "$WC_PLUGIN_DIR" 2>/dev/null && pwd -P)" || sb_die "WC_PLUGIN_DIR=$WC_PLUGIN_DIR is not a folder"
		[[ -f "$wc_dir/woocommerce.php" ]] || sb_die "WC_PLUGIN_DIR=$WC_PLUGIN_DIR has no woocommerce.php"
		sb_site_link "$wc_link" "$wc_dir"
		SB_WC_ENABLED=1
	elif [[ -L "$wc_link" && -f "$wc_link/woocommerce.php" ]]; then
		sb_log "WooCommerce: WC_PLUGIN_DIR not set; keeping the earlier link to $(readlink "$wc_link")"
		SB_WC_ENABLED=1
	else
		[[ -L "$wc_link" ]] && rm -f "$wc_link"
		sb_log "WooCommerce: skipped (set WC_PLUGIN_DIR to a WooCommerce plugin folder to add it)"
	fi
}

# Runs one wp-install.php step. PHP errors print on stderr (and go to the debug log).
sb_site_step() {
	sb_php "$SB_BIN_DIR/wp-install.php" "$SB_SITE_DIR" "$@" </dev/null
}

sb_site_install() {
	# Fast path: one PHP process says whether anything is left to do.
	local wanted=()
	((SB_WC_ENABLED)) && wanted+=("$SB_WC_BASENAME")
	[[ -f "$SB_REPO_DIR/plugin/switchboard.php" ]] && wanted+=("$SB_PLUGIN_BASENAME")
	if sb_php "$SB_BIN_DIR/wp-install.php" "$SB_SITE_DIR" check "${wanted[@]}" </dev/null 2>/dev/null |
		grep -qx SWITCHBOARD_CHECK_OK; then
		return 0
	fi

	sb_site_step core || sb_die "WordPress installation failed"

	if ((SB_WC_ENABLED)); then
		sb_site_step activate "$SB_WC_BASENAME" ||
			sb_die "could not activate WooCommerce (or an active plugin fails to load; see above)"
		sb_site_step woocommerce || sb_warn "WooCommerce configuration failed"
	fi

	if [[ -f "$SB_REPO_DIR/plugin/switchboard.php" ]]; then
		sb_site_step activate "$SB_PLUGIN_BASENAME" ||
			sb_warn "activating the Switchboard plugin failed (see above); the site runs without it"
	else
		sb_warn "plugin/switchboard.php does not exist yet: not activating Switchboard"
	fi

	sb_site_step finalize || sb_warn "the finalize step failed (users, rewrite rules); see the debug log"

	if ! sb_php "$SB_BIN_DIR/lib/wp-run.php" "$SB_SITE_DIR" "$SB_BIN_DIR/seed-demo.php" </dev/null; then
		sb_warn "seeding the demo data failed; see ${SB_DEBUG_LOG#"$SB_REPO_DIR"/}"
	fi
}

# Web server ------------------------------------------------------------------------------------

# True when localhost also resolves to ::1 (then browsers and Node may try IPv6 first).
sb_localhost_has_ipv6() {
	getent ahosts localhost 2>/dev/null | awk '{print $1}' | grep -qx '::1'
}

sb_server_launch() {
	local pidfile="$1" address="$2"
	local quiet=(-q)
	# The access log (three lines per request) only when asked for.
	if [[ "${SWITCHBOARD_ACCESS_LOG:-0}" == 1 ]]; then
		quiet=()
	fi
	# Its own process group (id = the pid in the file), so `down` stops it with its workers.
	PHP_CLI_SERVER_WORKERS=4 sb_daemon "$pidfile" "$SB_SERVER_LOG" \
		php "${SB_PHP_INI[@]}" "${quiet[@]}" -S "$address" -t "$SB_SITE_DIR" "$SB_BIN_DIR/router.php"
}

sb_server_fail() {
	local code="$1"
	tail -n 20 "$SB_SERVER_LOG" >&2 2>/dev/null || true
	if [[ -s "$SB_DEBUG_LOG" ]]; then
		sb_warn "last lines of ${SB_DEBUG_LOG#"$SB_REPO_DIR"/}:"
		tail -n 20 "$SB_DEBUG_LOG" >&2
	fi
	sb_die "$SB_URL/wp-login.php answers '$code' instead of 200 (logs: ${SB_SERVER_LOG#"$SB_REPO_DIR"/}, ${SB_DEBUG_LOG#"$SB_REPO_DIR"/})"
}

sb_server_start() {
	local code
	if sb_pid_alive "$SB_SERVER_PIDFILE"; then
		code="$(sb_http_code "$SB_URL/wp-login.php")"
		if [[ "$code" == 200 ]]; then
			sb_log "web server already running on port $SB_PORT (pid $(<"$SB_SERVER_PIDFILE"))"
			return 0
		fi
		if [[ "$code" != 000 ]]; then
			# The server works; WordPress does not. Restarting would not help.
			sb_server_fail "$code"
		fi
		sb_log "web server on port $SB_PORT does not answer; restarting it"
		sb_server_stop_pidfile "$SB_SERVER_PIDFILE"
		sb_server_stop_pidfile "$SB_SERVER6_PIDFILE"
	fi
	if sb_port_busy 127.0.0.1 "$SB_PORT"; then
		code="$(sb_http_code "$SB_URL/wp-login.php")"
		if [[ "$code" == 200 ]]; then
			sb_warn "port $SB_PORT is served by a process this script did not start; using it as it is"
			return 0
		fi
		sb_die "port $SB_PORT is in use by another program"
	fi

	# Keep the server log from growing forever.
	if [[ -f "$SB_SERVER_LOG" ]] && (($(stat -c %s "$SB_SERVER_LOG") > 20 * 1024 * 1024)); then
		mv -f "$SB_SERVER_LOG" "$SB_SERVER_LOG.1"
	fi

	sb_log "starting the web server on 127.0.0.1:$SB_PORT"
	SB_SERVER_STARTED=1
	rm -f "$SB_SERVER_PIDFILE" "$SB_SERVER6_PIDFILE"
	sb_server_launch "$SB_SERVER_PIDFILE" "127.0.0.1:$SB_PORT"
	# php -S binds one address. When localhost also means ::1 here, serve that too, so that
	# http://localhost:<port> works whichever address a client tries first.
	if sb_localhost_has_ipv6 && ! sb_port_busy ::1 "$SB_PORT"; then
		sb_log "localhost also resolves to ::1: starting a second server on [::1]:$SB_PORT"
		sb_server_launch "$SB_SERVER6_PIDFILE" "[::1]:$SB_PORT"
	fi

	# Up to 60 s for the server to answer; a few seconds of a steady non-200 answer is enough
	# to know WordPress itself is broken.
	local i wrong=0
	for ((i = 0; i < 120; i++)); do
		code="$(sb_http_code "$SB_URL/wp-login.php")"
		[[ "$code" == 200 ]] && return 0
		if [[ "$code" != 000 ]]; then
			((++wrong >= 6)) && break
		fi
		if ((i > 4)) && ! sb_pid_alive "$SB_SERVER_PIDFILE"; then
			break
		fi
		sleep 0.5
	done
	sb_server_fail "$code"
}

# Checks that Node (used by the test runners) reaches the site through "localhost" too.
sb_server_check_node() {
	[[ "${SB_SERVER_STARTED:-0}" == 1 ]] || return 0
	command -v node >/dev/null || return 0
	if ! node -e '
		fetch(process.argv[1]).then(
			(r) => process.exit(r.status === 200 ? 0 : 1),
			() => process.exit(1)
		);
	' "$SB_URL/wp-login.php" </dev/null >/dev/null 2>&1; then
		sb_warn "Node's fetch() could not load $SB_URL/wp-login.php (curl can); check how localhost resolves"
	fi
}

# sb_server_stop_pidfile <pidfile>: stops one server (its whole process group) started by us.
sb_server_stop_pidfile() {
	local pidfile="$1" pid i
	if ! sb_pid_alive "$pidfile"; then
		rm -f "$pidfile"
		return 0
	fi
	pid="$(<"$pidfile")"
	# Only a PHP built-in server: never kill a pid that was recycled for something else.
	if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- ' -S '; then
		sb_warn "pid $pid in $pidfile is not a PHP web server; leaving it alone"
		rm -f "$pidfile"
		return 0
	fi
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

sb_server_stop() {
	if sb_pid_alive "$SB_SERVER_PIDFILE"; then
		sb_log "stopping the $SB_ENV web server (port $SB_PORT, pid $(<"$SB_SERVER_PIDFILE"))"
	fi
	sb_server_stop_pidfile "$SB_SERVER_PIDFILE"
	sb_server_stop_pidfile "$SB_SERVER6_PIDFILE"
}
