#!/usr/bin/env bash
#
# PHP static checks: `npm run lint:php` (all), or `bash bin/lint-php.sh [syntax] [phpcs] [phpstan]`.
#
#   syntax   php -l on every PHP file in plugin/ includes-php-bridge/ bin/ tests/ (2 in parallel)
#   phpcs    WordPress Coding Standards (.phpcs.xml.dist); errors fail, warnings are shown
#   phpstan  PHPStan (phpstan.neon.dist) against the WordPress and WooCommerce stubs
#
# Needs `composer install` for phpcs and phpstan (bin/test.sh does it when vendor/ is missing).
# Exits non-zero when any selected check fails; every selected check runs regardless.

set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

checks=("$@")
if [[ ${#checks[@]} -eq 0 ]]; then
	checks=(syntax phpcs phpstan)
fi

failed=()

run_syntax() {
	echo "== php -l"
	local list
	list="$(mktemp)"
	find plugin includes-php-bridge bin tests -type f -name '*.php' \
		-not -path 'plugin/build/*' -not -path '*/node_modules/*' -not -path '*/vendor/*' -print0 2>/dev/null \
		>"$list"
	local count
	count="$(tr -cd '\0' <"$list" | wc -c)"
	# php -l prints "No syntax errors…" on success; show only the failures. -n: no php.ini and no
	# extensions (parsing needs none), which makes each php start ~4x faster.
	# shellcheck disable=SC2016 # $1 and $out belong to the inner sh
	if xargs -0 -r -n 1 -P 2 sh -c 'out="$(php -n -d display_errors=1 -d log_errors=0 -l "$1" 2>&1)" || { printf "%s\n" "$out"; exit 1; }' _ <"$list"; then
		echo "php -l: $count files, no syntax errors"
		rm -f "$list"
		return 0
	fi
	rm -f "$list"
	echo "php -l: syntax errors (above)"
	return 1
}

run_phpcs() {
	echo "== phpcs (WordPress Coding Standards)"
	if [[ ! -x vendor/bin/phpcs ]] || ! vendor/bin/phpcs -i 2>/dev/null | grep -q 'WordPress-Extra'; then
		echo "phpcs: WPCS is not installed (composer install); skipped"
		return 0
	fi
	mkdir -p vendor/.cache
	local args=(-q)
	if [[ -n "${CI:-}" || ! -t 1 ]]; then
		args+=(--no-colors)
	fi
	vendor/bin/phpcs "${args[@]}"
	local rc=$?
	# 0 = clean; 1/2 = violations found (warnings alone exit 0: ignore_warnings_on_exit).
	if [[ $rc -eq 0 ]]; then
		echo "phpcs: no errors"
		return 0
	fi
	echo "phpcs: errors (above); many are fixable with vendor/bin/phpcbf"
	return 1
}

run_phpstan() {
	echo "== phpstan"
	if [[ ! -x vendor/bin/phpstan ]]; then
		echo "phpstan: not installed (run composer install)"
		return 1
	fi
	local args=(analyse --no-progress --memory-limit=1G)
	if [[ -n "${CI:-}" || ! -t 1 ]]; then
		args+=(--no-ansi --error-format=table)
	fi
	vendor/bin/phpstan "${args[@]}"
}

for check in "${checks[@]}"; do
	case "$check" in
		syntax | php-l) run_syntax || failed+=(syntax) ;;
		phpcs) run_phpcs || failed+=(phpcs) ;;
		phpstan) run_phpstan || failed+=(phpstan) ;;
		*)
			echo "unknown check: $check (expected syntax, phpcs or phpstan)" >&2
			exit 2
			;;
	esac
done

if [[ ${#failed[@]} -gt 0 ]]; then
	echo "lint-php: FAILED: ${failed[*]}"
	exit 1
fi
echo "lint-php: OK (${checks[*]})"
