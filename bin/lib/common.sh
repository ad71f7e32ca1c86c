# shellcheck shell=bash
#
# Shared settings and helpers for the local WordPress runtime (bin/runtime.sh, bin/wp-php.sh).
# Sourced, never executed. Everything the runtime creates lives in .runtime/ (git-ignored).

# Overrides (for a second, isolated runtime, e.g. a CI job next to a developer's):
# SWITCHBOARD_RUNTIME_DIR, SWITCHBOARD_DB_PORT, SWITCHBOARD_DEV_PORT, SWITCHBOARD_TEST_PORT.

# Paths -----------------------------------------------------------------------------------------

SB_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SB_REPO_DIR="$(cd "$SB_BIN_DIR/.." && pwd)"
SB_RUNTIME_DIR="${SWITCHBOARD_RUNTIME_DIR:-$SB_REPO_DIR/.runtime}"
SB_CACHE_DIR="$SB_RUNTIME_DIR/cache"
SB_CORE_DIR="$SB_RUNTIME_DIR/wordpress-core"
SB_SECRETS_DIR="$SB_RUNTIME_DIR/secrets"

# MariaDB: the project's own instance, never the system service.
SB_DB_DIR="$SB_RUNTIME_DIR/mariadb"
SB_DB_DATADIR="$SB_DB_DIR/data"
SB_DB_SOCKET="$SB_DB_DIR/mysqld.sock"
SB_DB_PIDFILE="$SB_DB_DIR/mysqld.pid"
SB_DB_LOG="$SB_DB_DIR/mysqld.log"
SB_DB_PORT="${SWITCHBOARD_DB_PORT:-3307}"
SB_DB_HOST="127.0.0.1:$SB_DB_PORT"
SB_DB_USER=switchboard
SB_DB_PASSWORD=switchboard

# The WordPress version the runtime expects (major.minor); the trixie .deb provides it.
SB_WP_BRANCH="6.8"

# PHP settings for the built-in web server and for CLI scripts that load WordPress.
# No opcache.file_cache: shared between sites whose core files are hard links of one copy, it once
# served one class's compiled file for another (a fatal on every admin page). revalidate_path=1
# keeps symlinked plugin folders apart as well.
SB_PHP_INI=(
	-d opcache.enable=1
	-d opcache.enable_cli=1
	-d opcache.validate_timestamps=1
	-d opcache.revalidate_freq=0
	-d opcache.revalidate_path=1
	-d memory_limit=512M
	-d upload_max_filesize=32M
	-d post_max_size=40M
	-d max_execution_time=120
	-d display_errors=0
	-d log_errors=1
)

# Messages --------------------------------------------------------------------------------------

sb_log() {
	printf '[switchboard] %s\n' "$*"
}

sb_warn() {
	printf '[switchboard] WARNING: %s\n' "$*" >&2
}

sb_die() {
	printf '[switchboard] ERROR: %s\n' "$*" >&2
	exit 1
}

# Environments ----------------------------------------------------------------------------------

# sb_env_config <env>: sets SB_ENV, SB_PORT, SB_DB_NAME, SB_SITE_DIR, SB_URL and the files in it.
sb_env_config() {
	local env="${1:-}"
	case "$env" in
		dev)
			SB_PORT="${SWITCHBOARD_DEV_PORT:-8888}"
			;;
		test)
			SB_PORT="${SWITCHBOARD_TEST_PORT:-8889}"
			;;
		'')
			sb_die "missing environment name (dev or test)"
			;;
		*)
			sb_die "unknown environment '$env' (expected dev or test)"
			;;
	esac
	SB_ENV="$env"
	SB_DB_NAME="switchboard_$env"
	SB_SITE_DIR="$SB_RUNTIME_DIR/$env"
	SB_URL="http://localhost:$SB_PORT"
	SB_SERVER_PIDFILE="$SB_SITE_DIR/server.pid"
	SB_SERVER6_PIDFILE="$SB_SITE_DIR/server-ipv6.pid"
	SB_SERVER_LOG="$SB_SITE_DIR/server.log"
	SB_DEBUG_LOG="$SB_SITE_DIR/debug.log"
	SB_ENV_FILE="$SB_SITE_DIR/env.sh"
	SB_SALTS_FILE="$SB_SECRETS_DIR/salts-$env.php"
}

SB_ALL_ENVS=(dev test)

# Processes -------------------------------------------------------------------------------------

# sb_pid_alive <pidfile>: true when the file names a live process.
sb_pid_alive() {
	local pidfile="$1" pid
	[[ -s "$pidfile" ]] || return 1
	pid="$(<"$pidfile")"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null
}

# sb_http_code <url>: prints the HTTP status code (000 when nothing answers).
sb_http_code() {
	curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true
}

# sb_port_busy <host> <port>: true when something listens there.
sb_port_busy() {
	local host="$1" port="$2"
	(exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# sb_daemon <pidfile|-> <logfile> <command...>: starts a long-running process in the background,
# in its own session (it outlives this script; its process group id is its pid), with stdin from
# /dev/null, output appended to <logfile>, and every inherited file descriptor above 2 closed, so
# that it never keeps a caller's lock file open. Writes its pid to <pidfile> unless "-".
sb_daemon() {
	local pidfile="$1" logfile="$2"
	shift 2
	# shellcheck disable=SC2016 # expanded by the inner shell
	setsid nohup bash -c '
		for fd in /proc/$$/fd/*; do
			fd="${fd##*/}"
			if ((fd > 2)); then eval "exec ${fd}>&-"; fi
		done
		if [[ "$1" != - ]]; then echo $$ >"$1"; fi
		shift
		exec "$@"
	' _ "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
}

# sb_elapsed <start-seconds>: human readable seconds since start.
sb_elapsed() {
	echo "$(($(date +%s) - $1))s"
}
