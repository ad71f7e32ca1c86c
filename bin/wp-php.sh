#!/usr/bin/env bash
#
# Runs a PHP script with WordPress loaded for a runtime environment:
#
#   bash bin/wp-php.sh <dev|test> <file.php> [args...]
#
# The script runs at file scope after wp-load.php (all active plugins loaded, $wpdb ready);
# $argv[0] is the script, $argv[1..] its arguments. MariaDB is started when it is not running;
# the site must have been set up once with `bash bin/runtime.sh up <env>`.

set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/mariadb.sh
source "$SB_BIN_DIR/lib/mariadb.sh"

if (($# < 2)); then
	echo "usage: bash bin/wp-php.sh <dev|test> <file.php> [args...]" >&2
	exit 2
fi

sb_env_config "$1"
shift
[[ -f "$SB_SITE_DIR/wp-config.php" ]] || sb_die "the $SB_ENV site is not set up: run bash bin/runtime.sh up $SB_ENV"
[[ -f "$1" ]] || sb_die "no such file: $1"

if ! sb_db_running; then
	sb_db_start >&2
fi

SWITCHBOARD_URL="$SB_URL" exec php "${SB_PHP_INI[@]}" -d display_errors=stderr \
	"$SB_BIN_DIR/lib/wp-run.php" "$SB_SITE_DIR" "$@"
