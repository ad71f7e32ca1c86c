#!/usr/bin/env bash
#
# The single entry point of `npm test` (and of CI through .ci/run).
#
#   bash bin/test.sh                 every stage, in order
#   bash bin/test.sh STAGE [STAGE…]  just those stages, plus what they need
#
# Stages: deps tsc eslint php-lint phpstan jest runtime phpunit api e2e zip
#
#   deps      composer install (vendor/ missing or older than composer.json), npm ci (node_modules/
#             missing), `wp-scripts build` (plugin/build missing or older than src/), Debian's
#             chromium for e2e (apt-get, only when missing)
#   tsc       npm run typecheck                          (static check: counts as one test case)
#   eslint    npm run lint:js                            (static check: one test case)
#   php-lint  bin/lint-php.sh syntax phpcs               (static check: one test case)
#   phpstan   bin/lint-php.sh phpstan                    (static check: one test case)
#   jest      wp-scripts test-unit-js --json             artifacts/junit/jest.json
#   runtime   bash bin/runtime.sh up test                (WordPress at http://localhost:8889)
#   phpunit   vendor/bin/phpunit (unit + integration)    artifacts/junit/phpunit.xml
#   api       playwright test --project=api              artifacts/junit/api.xml
#   e2e       playwright test --project=e2e              artifacts/junit/e2e.xml
#   zip       bin/plugin-zip.sh --check                  (static check: one test case)
#
# A failing stage does not stop the later ones; stages that need the runtime fail when it does not
# come up. The last line is `switchboard: N passed, M failed, K skipped` (test cases of jest, phpunit,
# api and e2e, plus one per static check; a failed stage that produced no count counts one failure),
# and the exit status is non-zero when anything failed. Logs: artifacts/logs/<stage>.log.
# The test site is left running (`npm run stop` stops it).
#
# Environment: CI=true (no colors, no prompts), WC_PLUGIN_DIR (a built WooCommerce to activate;
# tests that need it are skipped with "skipped: WooCommerce not installed" otherwise),
# SWITCHBOARD_STAGE_TIMEOUT (seconds per stage, default 1200).

set -uo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_DIR" || exit 2

ALL_STAGES=(deps tsc eslint php-lint phpstan jest runtime phpunit api e2e zip)
STATIC_STAGES=" tsc eslint php-lint phpstan zip "

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export COMPOSER_NO_INTERACTION=1
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
export DEBIAN_FRONTEND=noninteractive
if [[ -n "${CI:-}" && "${CI}" != "false" ]]; then
	export FORCE_COLOR=0 NO_COLOR=1
fi

ARTIFACTS="$REPO_DIR/artifacts"
JUNIT_DIR="$ARTIFACTS/junit"
LOG_DIR="$ARTIFACTS/logs"
mkdir -p "$JUNIT_DIR" "$LOG_DIR"

STAGE_TIMEOUT="${SWITCHBOARD_STAGE_TIMEOUT:-1200}"
BUILD_STAMP="$ARTIFACTS/.build-stamp"

# ---------------------------------------------------------------------------------------------
# Which stages run

usage() {
	sed -n '3,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

declare -A WANT=()
if [[ $# -eq 0 ]]; then
	for s in "${ALL_STAGES[@]}"; do WANT[$s]=1; done
else
	for arg in "$@"; do
		case "$arg" in
			-h | --help)
				usage
				exit 0
				;;
			php | phpunit) WANT[phpunit]=1 ;;
			lint-php | php-lint) WANT[php-lint]=1 ;;
			unit | jest) WANT[jest]=1 ;;
			typecheck | tsc) WANT[tsc]=1 ;;
			lint-js | eslint) WANT[eslint]=1 ;;
			deps | phpstan | runtime | api | e2e | zip) WANT[$arg]=1 ;;
			*)
				echo "bin/test.sh: unknown stage '$arg'" >&2
				usage >&2
				exit 2
				;;
		esac
	done
	# What the selected stages need.
	WANT[deps]=1
	if [[ -n "${WANT[phpunit]:-}${WANT[api]:-}${WANT[e2e]:-}" ]]; then
		WANT[runtime]=1
	fi
fi

wants() { [[ -n "${WANT[$1]:-}" ]]; }

NEED_NODE=""
NEED_VENDOR=""
NEED_BUILD=""
NEED_CHROMIUM=""
if [[ $# -eq 0 ]]; then
	NEED_NODE=1 NEED_VENDOR=1 NEED_BUILD=1 NEED_CHROMIUM=1
else
	wants tsc && NEED_NODE=1
	wants eslint && NEED_NODE=1
	wants jest && NEED_NODE=1
	wants api && NEED_NODE=1
	wants e2e && NEED_NODE=1 NEED_BUILD=1 NEED_CHROMIUM=1
	wants zip && NEED_NODE=1 NEED_BUILD=1
	wants php-lint && NEED_VENDOR=1
	wants phpstan && NEED_VENDOR=1
	wants phpunit && NEED_VENDOR=1
fi

# ---------------------------------------------------------------------------------------------
# Bookkeeping

declare -A RESULT=() PASSED=() FAILED=() SKIPPED=() SECS=()
RUN_ORDER=()
RUNTIME_OK=""

header() {
	printf '\n'
	printf '=%.0s' {1..100}
	printf '\n== %s  (%s)\n' "$1" "$2"
	printf '=%.0s' {1..100}
	printf '\n'
}

# record STAGE RC [RESULTS_FILE]: stores pass/fail and the test-case counts.
record() {
	local stage="$1" rc="$2" file="${3:-}" counts p=0 f=0 s=0
	if [[ -n "$file" ]]; then
		if counts="$(php "$REPO_DIR/bin/lib-test/count-results.php" "$file" 2>/dev/null)"; then
			read -r p f s <<<"$counts"
		fi
	elif [[ "$STATIC_STAGES" == *" $stage "* ]]; then
		if [[ "$rc" -eq 0 ]]; then p=1; else f=1; fi
	fi
	# A stage that failed without a failing test case to show for it (a crash, a build error, the
	# runtime not coming up, a results file never written) still counts as one failure.
	if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then
		f=1
	fi
	# The other way round: a runner that exits 0 with failing cases is not trusted.
	if [[ "$rc" -eq 0 && "$f" -gt 0 ]]; then
		rc=1
	fi
	PASSED[$stage]=$p FAILED[$stage]=$f SKIPPED[$stage]=$s
	if [[ "$rc" -eq 0 ]]; then RESULT[$stage]=pass; else RESULT[$stage]=FAIL; fi
}

# run_stage STAGE DESCRIPTION FUNCTION [RESULTS_FILE]
run_stage() {
	local stage="$1" what="$2" fn="$3" file="${4:-}" start rc
	RUN_ORDER+=("$stage")
	header "$stage" "$what"
	[[ -n "$file" ]] && rm -f "$file"
	start=$(date +%s)
	# Output goes to the terminal and to the stage's log; no stage may read stdin.
	"$fn" </dev/null 2>&1 | tee "$LOG_DIR/$stage.log"
	rc=${PIPESTATUS[0]}
	SECS[$stage]=$(($(date +%s) - start))
	record "$stage" "$rc" "$file"
	printf -- '-- %s: %s (%ss)\n' "$stage" "${RESULT[$stage]}" "${SECS[$stage]}"
}

# with_timeout CMD…: bounds a stage so a hung browser or server cannot eat CI's time.
with_timeout() {
	timeout -k 15 "$STAGE_TIMEOUT" "$@"
}

# ---------------------------------------------------------------------------------------------
# Stages

newer_than() { # newer_than TARGET SOURCE…: true when TARGET is missing or a SOURCE is newer.
	local target="$1"
	shift
	[[ -e "$target" ]] || return 0
	[[ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]]
}

as_root() {
	if [[ "$(id -u)" -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else "$@"; fi
}

stage_deps() {
	local rc=0
	if [[ -n "$NEED_VENDOR" ]]; then
		if newer_than vendor/autoload.php composer.json; then
			echo "-- composer install"
			if with_timeout composer install --no-interaction --no-progress --prefer-dist; then
				touch vendor/autoload.php
			else
				rc=1
			fi
		else
			echo "-- vendor/ is up to date"
		fi
	fi
	if [[ -n "$NEED_NODE" ]]; then
		# Only when missing: npm ci wipes node_modules/, which others may be using right now.
		if [[ ! -x node_modules/.bin/wp-scripts || ! -d node_modules/@playwright/test ]]; then
			echo "-- npm ci"
			if ! with_timeout npm ci --no-audit --no-fund; then
				# The npm registry copy here lacks the other platforms' optional packages that
				# package-lock.json names (e.g. @unrs/resolver-binding-*), so npm ci refuses the lock;
				# npm install resolves the same tree and leaves the lock alone with --no-save.
				echo "-- npm ci failed: falling back to npm install --no-save"
				with_timeout npm install --no-audit --no-fund --no-save || rc=1
			fi
		else
			echo "-- node_modules/ is up to date"
		fi
	fi
	if [[ -n "$NEED_BUILD" ]]; then
		if [[ ! -x node_modules/.bin/wp-scripts ]]; then
			echo "-- wp-scripts is not installed: cannot build"
			rc=1
		elif [[ ! -d plugin/build ]] || newer_than "$BUILD_STAMP" src webpack.config.js package.json tsconfig.json; then
			echo "-- wp-scripts build"
			if with_timeout npx --no-install wp-scripts build; then
				touch "$BUILD_STAMP"
			else
				rc=1
			fi
		else
			echo "-- plugin/build is up to date"
		fi
	fi
	if [[ -n "$NEED_CHROMIUM" ]]; then
		if dpkg -s chromium >/dev/null 2>&1 && [[ -x /usr/bin/chromium ]]; then
			echo "-- chromium: $(/usr/bin/chromium --version 2>/dev/null)"
		else
			echo "-- apt-get install chromium"
			if ! as_root apt-get install -y -q --no-install-recommends chromium; then
				as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends chromium || rc=1
			fi
		fi
	fi
	return $rc
}

stage_tsc() {
	with_timeout npm run --silent typecheck
}

stage_eslint() {
	with_timeout npm run --silent lint:js
}

stage_php_lint() {
	with_timeout bash bin/lint-php.sh syntax phpcs
}

stage_phpstan() {
	with_timeout bash bin/lint-php.sh phpstan
}

stage_jest() {
	with_timeout npx --no-install wp-scripts test-unit-js --ci --passWithNoTests \
		--json --outputFile="$JUNIT_DIR/jest.json"
}

load_runtime_env() {
	local env_file="$REPO_DIR/.runtime/test/env.sh"
	if [[ -f "$env_file" ]]; then
		# shellcheck disable=SC1090
		source "$env_file"
		export WP_BASE_URL WP_DIR DB_NAME DB_HOST DB_USER DB_PASSWORD MYSQL_SOCKET 2>/dev/null
	fi
}

# Where the test site's WooCommerce comes from (bin/runtime.sh keeps an earlier link when
# WC_PLUGIN_DIR is unset; tests/php/bootstrap.php follows the same rule).
woocommerce_status() {
	local link="$REPO_DIR/.runtime/test/wp-content/plugins/woocommerce"
	if [[ -n "${WC_PLUGIN_DIR:-}" ]]; then
		echo "active (WC_PLUGIN_DIR=$WC_PLUGIN_DIR)"
	elif [[ -f "$link/woocommerce.php" ]]; then
		echo "active (the test site links $(readlink -f "$link"))"
	else
		echo "not installed (set WC_PLUGIN_DIR to a built WooCommerce to run its tests)"
	fi
}

stage_runtime() {
	if [[ ! -f bin/runtime.sh ]]; then
		echo "bin/runtime.sh is missing"
		return 1
	fi
	with_timeout bash bin/runtime.sh up test || return 1
	load_runtime_env
	local url="${WP_BASE_URL:-http://localhost:8889}"
	if ! curl -fsS -o /dev/null --max-time 30 "$url/wp-login.php"; then
		echo "the test site does not answer at $url"
		return 1
	fi
	echo "test site: $url (WooCommerce: $(woocommerce_status))"
}

stage_phpunit() {
	local args=(--log-junit "$JUNIT_DIR/phpunit.xml" --display-skipped)
	if [[ -n "${CI:-}" ]]; then args+=(--colors=never); fi
	if [[ -z "$RUNTIME_OK" ]]; then
		echo "the runtime is not up: running only the unit suite; the integration suite counts as failed"
		with_timeout vendor/bin/phpunit "${args[@]}" --testsuite unit
		return 1
	fi
	with_timeout vendor/bin/phpunit "${args[@]}"
}

playwright_project() {
	local project="$1"
	if [[ -z "$RUNTIME_OK" ]]; then
		echo "the runtime is not up: $project tests cannot run"
		return 1
	fi
	local rc=0
	SWITCHBOARD_JUNIT_NAME="$project" with_timeout npx --no-install playwright test --project="$project" || rc=$?
	# The list reporter does not say why a test was skipped; the JUnit file does.
	php bin/lib-test/count-results.php --skips "$JUNIT_DIR/$project.xml" 2>/dev/null
	return $rc
}

stage_api() { playwright_project api; }
stage_e2e() { playwright_project e2e; }
# The installable zip in a separate stock WordPress with WP_DEBUG: activates, no notices.
stage_zip() { SWITCHBOARD_SKIP_BUILD=1 with_timeout bash bin/plugin-zip.sh --check; }

# ---------------------------------------------------------------------------------------------
# Run

TOTAL_START=$(date +%s)
load_runtime_env

wants deps && run_stage deps "composer, npm, build, chromium as needed" stage_deps
wants tsc && run_stage tsc "TypeScript: npm run typecheck" stage_tsc
wants eslint && run_stage eslint "npm run lint:js" stage_eslint
wants php-lint && run_stage php-lint "php -l + WordPress Coding Standards" stage_php_lint
wants phpstan && run_stage phpstan "PHPStan" stage_phpstan
wants jest && run_stage jest "jest (wp-scripts test-unit-js)" stage_jest "$JUNIT_DIR/jest.json"
if wants runtime; then
	run_stage runtime "bash bin/runtime.sh up test" stage_runtime
	if [[ "${RESULT[runtime]}" == pass ]]; then
		RUNTIME_OK=1
		load_runtime_env
	fi
fi
wants phpunit && run_stage phpunit "PHPUnit: unit + integration" stage_phpunit "$JUNIT_DIR/phpunit.xml"
wants api && run_stage api "REST black-box (Playwright, no browser)" stage_api "$JUNIT_DIR/api.xml"
wants e2e && run_stage e2e "Playwright + Chromium" stage_e2e "$JUNIT_DIR/e2e.xml"
wants zip && run_stage zip "npm run plugin-zip, installed into a stock WordPress" stage_zip

# ---------------------------------------------------------------------------------------------
# Summary

total_p=0 total_f=0 total_s=0 any_failed=""
printf '\n%-10s %-6s %8s %8s %8s %8s\n' stage result passed failed skipped seconds
printf -- '-%.0s' {1..54}
printf '\n'
for stage in "${RUN_ORDER[@]}"; do
	printf '%-10s %-6s %8s %8s %8s %8s\n' "$stage" "${RESULT[$stage]}" "${PASSED[$stage]}" \
		"${FAILED[$stage]}" "${SKIPPED[$stage]}" "${SECS[$stage]}"
	total_p=$((total_p + PASSED[$stage]))
	total_f=$((total_f + FAILED[$stage]))
	total_s=$((total_s + SKIPPED[$stage]))
	[[ "${RESULT[$stage]}" == pass ]] || any_failed=1
done
printf -- '-%.0s' {1..54}
printf '\n%-10s %-6s %8s %8s %8s %8s\n' total "$([[ -n "$any_failed" ]] && echo FAIL || echo pass)" \
	"$total_p" "$total_f" "$total_s" "$(($(date +%s) - TOTAL_START))"
echo "WooCommerce: $(woocommerce_status)"
echo "logs: artifacts/logs/, JUnit/JSON results: artifacts/junit/"
echo "switchboard: $total_p passed, $total_f failed, $total_s skipped"

[[ -z "$any_failed" ]]
