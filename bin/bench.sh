#!/usr/bin/env bash
#
# `npm run bench`: Switchboard's benchmarks. They print figures; they are not timed tests.
#
#   bash bin/bench.sh [bench…]          every bench present, or just the named ones
#                                       (core email kb chat bundle)
#
# Where it runs (SWITCHBOARD_BENCH_ENV):
#   bench (default)  a dedicated site: database switchboard_bench, site .runtime/bench,
#                    http://localhost:${SWITCHBOARD_BENCH_PORT:-8898} — laid out and installed with the runtime's own
#                    functions (bin/lib/*.sh), so seeding 100k tickets never slows the test site
#                    or touches its data. Seeded once (a marker option remembers it); later runs
#                    only measure. `npm run stop` (bin/runtime.sh down) stops its web server too.
#   test | dev       the runtime site itself (bash bin/runtime.sh up <env>). bench-core.php then
#                    refuses to seed unless SWITCHBOARD_BENCH_SEED=1, and with it removes what it
#                    seeded when it is done.
#
# Benches (each prints its own section; a missing script is reported and skipped):
#   core    bin/bench-core.php    ticket core: 100k tickets / 1M messages / 20k customers, REST timings
#   email   bin/bench-email.php   (email channel)
#   kb      bin/bench-kb.php      (knowledge base)
#   chat    bin/bench-chat.mjs (50 visitors, 60 s)   (live chat)
#   bundle  node bin/bundle-size.js                   (JavaScript bundle sizes)
#
# Web server of the bench site (SWITCHBOARD_BENCH_SERVER): fpm (default when Debian's nginx and
# php8.2-fpm are installed: nginx + PHP-FPM with SWITCHBOARD_BENCH_FPM_CHILDREN workers, default 16,
# started for the run and stopped at its end, see bin/lib/fpm.sh) or php (the built-in server
# with 4 workers, as the dev/test sites).
# Environment: SWITCHBOARD_BENCH_ITERATIONS (default 30), SWITCHBOARD_BENCH_RESEED=1 (drop the
# bench data and seed again), SWITCHBOARD_BENCH_HTTP=0 (skip the over-HTTP figures).
# The exit status is non-zero only when a bench could not run, never because a target was missed.

set -uo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/deps.sh
source "$SB_BIN_DIR/lib/deps.sh"
# shellcheck source=lib/mariadb.sh
source "$SB_BIN_DIR/lib/mariadb.sh"
# shellcheck source=lib/site.sh
source "$SB_BIN_DIR/lib/site.sh"
# shellcheck source=lib/fpm.sh
source "$SB_BIN_DIR/lib/fpm.sh"

BENCH_ENV="${SWITCHBOARD_BENCH_ENV:-bench}"
BENCH_PORT="${SWITCHBOARD_BENCH_PORT:-8898}"
BENCH_SERVER="${SWITCHBOARD_BENCH_SERVER:-}"
if [[ -z "$BENCH_SERVER" ]]; then
	BENCH_SERVER=php
	sb_fpm_available && BENCH_SERVER=fpm
fi

section() {
	printf '\n'
	printf '#%.0s' {1..100}
	printf '\n## %s\n' "$*"
	printf '#%.0s' {1..100}
	printf '\n'
}

# The dedicated bench environment: the same shape as dev/test (bin/lib/common.sh's
# sb_env_config), on its own port, database and folder.
bench_env_config() {
	SB_ENV=bench
	SB_PORT=$BENCH_PORT
	SB_DB_NAME=switchboard_bench
	SB_SITE_DIR="$SB_RUNTIME_DIR/bench"
	SB_URL="http://localhost:$SB_PORT"
	SB_SERVER_PIDFILE="$SB_SITE_DIR/server.pid"
	SB_SERVER6_PIDFILE="$SB_SITE_DIR/server-ipv6.pid"
	SB_SERVER_LOG="$SB_SITE_DIR/server.log"
	SB_DEBUG_LOG="$SB_SITE_DIR/debug.log"
	SB_ENV_FILE="$SB_SITE_DIR/env.sh"
	SB_SALTS_FILE="$SB_SECRETS_DIR/salts-bench.php"
}

# A must-use plugin only the bench site has: `?sb_bench_queries` appends the request's query
# count and WordPress time as an HTML comment at shutdown; `?sb_bench_off` loads the request
# without Switchboard (filters active_plugins), for the with/without comparison.
bench_mu_plugin() {
	local dir="$SB_SITE_DIR/wp-content/mu-plugins"
	mkdir -p "$dir"
	cat >"$dir/switchboard-bench.php.tmp" <<'PHP'
<?php
/**
 * Switchboard benchmark helper (written by bin/bench.sh; only on the bench site).
 *
 * ?sb_bench_off      this request runs without the Switchboard plugin.
 * ?sb_bench_queries  prints "<!--sb-bench queries=N ms=T-->" after everything else at shutdown.
 */
// phpcs:disable WordPress.Security.NonceVerification.Recommended
if ( isset( $_GET['sb_bench_off'] ) ) {
	add_filter(
		'option_active_plugins',
		static function ( $plugins ) {
			return array_values( array_diff( (array) $plugins, array( 'switchboard/switchboard.php' ) ) );
		}
	);
}
if ( isset( $_GET['sb_bench_queries'] ) ) {
	add_action(
		'shutdown',
		static function () {
			global $wpdb;
			$ms = ( microtime( true ) - $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000;
			printf( "\n<!--sb-bench queries=%d ms=%.2f plugin=%d-->", (int) $wpdb->num_queries, $ms, class_exists( 'Switchboard\\Plugin', false ) ? 1 : 0 );
		},
		PHP_INT_MAX
	);
}
PHP
	mv "$dir/switchboard-bench.php.tmp" "$dir/switchboard-bench.php"
}

bench_up() {
	case "$BENCH_ENV" in
		bench)
			exec 9>"$SB_RUNTIME_DIR/bench.lock"
			flock -w 1800 9 || sb_die "another bench is running"
			bench_env_config
			local start
			start="$(date +%s)"
			# The runtime's steps, for the bench environment. No JavaScript build: the benches
			# measure PHP and SQL (bundle-size.js reads plugin/build as it is).
			if [[ ! -f "$SB_CORE_DIR/.switchboard-core" ]]; then
				mkdir -p "$SB_RUNTIME_DIR" "$SB_CACHE_DIR"
				sb_deps_apt
				sb_deps_core
			fi
			sb_db_start
			sb_db_ensure_user
			sb_db_create "$SB_DB_NAME"
			sb_site_layout
			if [[ ! -f "$SB_SITE_DIR/.bench-installed" ]]; then
				sb_site_install
				touch "$SB_SITE_DIR/.bench-installed"
			fi
			bench_mu_plugin
			# Release the lock before the web server starts: it would inherit the descriptor.
			exec 9>&-
			if [[ "$BENCH_SERVER" == fpm ]]; then
				sb_server_stop
				sb_fpm_start
				trap sb_fpm_stop EXIT
			else
				sb_server_start
			fi
			sb_site_write_env
			sb_log "bench site up at $SB_URL ($(sb_elapsed "$start"); database $SB_DB_NAME)"
			;;
		dev | test)
			bash "$SB_BIN_DIR/runtime.sh" up "$BENCH_ENV" || sb_die "the $BENCH_ENV runtime did not come up"
			sb_env_config "$BENCH_ENV"
			;;
		*)
			sb_die "SWITCHBOARD_BENCH_ENV must be bench, test or dev (got '$BENCH_ENV')"
			;;
	esac
}

# run_php <script> [args]: the script with WordPress of the bench site loaded.
run_php() {
	SWITCHBOARD_URL="$SB_URL" SWITCHBOARD_BENCH_ENV="$BENCH_ENV" \
		php "${SB_PHP_INI[@]}" -d display_errors=stderr -d memory_limit=1G -d max_execution_time=0 \
		"$SB_BIN_DIR/lib/wp-run.php" "$SB_SITE_DIR" "$@" </dev/null
}

WANTED=("$@")
wanted() {
	((${#WANTED[@]} == 0)) && return 0
	local w
	for w in "${WANTED[@]}"; do [[ "$w" == "$1" ]] && return 0; done
	return 1
}

FAILED=()
run_bench() { # run_bench NAME COMMAND…
	local name="$1" start rc
	shift
	section "bench: $name"
	start="$(date +%s)"
	"$@"
	rc=$?
	if ((rc != 0)); then
		FAILED+=("$name")
		echo "-- $name: could not run (exit $rc)"
	fi
	echo "-- $name: $(sb_elapsed "$start")"
}

section "bench environment: $BENCH_ENV"
bench_up
echo "site: $SB_URL  server: $BENCH_SERVER  database: $SB_DB_NAME  cores: $(nproc)  php: $(php -r 'echo PHP_VERSION;')  opcache: on (CLI and server)  object cache: none"

if wanted core; then
	if [[ -f "$SB_BIN_DIR/bench-core.php" ]]; then
		run_bench core run_php "$SB_BIN_DIR/bench-core.php"
	else
		section "bench: core" && echo "skipped: bin/bench-core.php is missing"
	fi
fi
for name in email kb; do
	wanted "$name" || continue
	if [[ -f "$SB_BIN_DIR/bench-$name.php" ]]; then
		run_bench "$name" run_php "$SB_BIN_DIR/bench-$name.php"
	else
		section "bench: $name"
		echo "skipped: bin/bench-$name.php is not there (yet)"
	fi
done
if wanted chat; then
	if [[ -f "$SB_BIN_DIR/bench-chat.php" ]]; then
		run_bench chat run_php "$SB_BIN_DIR/bench-chat.php"
	elif [[ -f "$SB_BIN_DIR/bench-chat.mjs" ]]; then
		# The chats are started in the bench site's own database (the per-IP limit would stop 50).
		chat_sessions="$SB_SITE_DIR/bench-chat-sessions.json"
		run_php "$SB_BIN_DIR/lib-chat/chat-fixture.php" sessions 50 active | tail -n 1 >"$chat_sessions"
		run_bench chat env WP_BASE_URL="$SB_URL" node "$SB_BIN_DIR/bench-chat.mjs" --visitors 50 --seconds 60 --sessions "$chat_sessions"
	elif [[ -f "$SB_BIN_DIR/bench-chat.sh" ]]; then
		run_bench chat env WP_BASE_URL="$SB_URL" bash "$SB_BIN_DIR/bench-chat.sh"
	else
		section "bench: chat"
		echo "skipped: bin/bench-chat.{php,js,sh} is not there (yet)"
	fi
fi
if wanted bundle; then
	if [[ -f "$SB_BIN_DIR/bundle-size.js" ]]; then
		run_bench bundle node "$SB_BIN_DIR/bundle-size.js"
	else
		section "bench: bundle"
		echo "skipped: bin/bundle-size.js is not there (yet)"
	fi
fi

section "bench: done"
if ((${#FAILED[@]})); then
	echo "could not run: ${FAILED[*]}"
	exit 1
fi
echo "all benches ran (figures above; targets are reported, not enforced)"
