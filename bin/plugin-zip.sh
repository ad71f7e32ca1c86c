#!/usr/bin/env bash
#
# npm run plugin-zip: builds switchboard.zip, the installable plugin (plugin/ with the PHP classes
# of includes-php-bridge/ inside it and the built JavaScript), at the repository root.
#
#   bash bin/plugin-zip.sh            build the zip
#   bash bin/plugin-zip.sh --check    build it, then install and activate it in a separate stock
#                                     WordPress (WP_DEBUG on) and fail on any notice in debug.log
#
# SWITCHBOARD_SKIP_BUILD=1 uses the existing plugin/build.

set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [[ "${SWITCHBOARD_SKIP_BUILD:-0}" != 1 || ! -f plugin/build/admin.asset.php ]]; then
	[[ -d node_modules ]] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund ||
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-save
	npx wp-scripts build >/dev/null
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/switchboard"
# Everything in plugin/ that a site needs; source maps and editor leftovers stay out.
tar -C plugin --exclude='*.map' --exclude='.DS_Store' --exclude='includes-php-bridge' -cf - . | tar -C "$stage/switchboard" -xf -
cp -a includes-php-bridge "$stage/switchboard/includes-php-bridge"
cp -a README.md "$stage/switchboard/README.md" 2>/dev/null || true

rm -f switchboard.zip
(cd "$stage" && zip -qr -X "$repo/switchboard.zip" switchboard)
echo "[switchboard] switchboard.zip: $(du -h switchboard.zip | cut -f1), $(unzip -l switchboard.zip | tail -1 | awk '{print $2}') files"

if [[ "${1:-}" == --check ]]; then
	bash "$repo/bin/lib-test/zip-check.sh" "$repo/switchboard.zip"
fi
