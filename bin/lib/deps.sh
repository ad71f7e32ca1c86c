# shellcheck shell=bash
#
# `runtime.sh deps`: system packages, the WordPress core and the JavaScript build.
# Sourced after common.sh.

# Debian bookworm packages the runtime needs. Checked with dpkg-query; installed only when missing.
SB_APT_PACKAGES=(
	ca-certificates
	curl
	php8.2-cli
	php8.2-opcache
	php8.2-mysql
	php8.2-curl
	php8.2-gd
	php8.2-zip
	php8.2-intl
	php8.2-mbstring
	php8.2-xml
	php8.2-bcmath
	php8.2-imap
	php8.2-soap
	mariadb-server
	mariadb-client
)

# Used by the test suites rather than by the site itself (Playwright drives Debian's Chromium,
# the mail tests talk to Dovecot on loopback). SWITCHBOARD_MINIMAL_DEPS=1 leaves them out.
SB_APT_PACKAGES_TESTS=(
	chromium
	dovecot-imapd
)

# WordPress 6.8 is not in bookworm: these come from trixie as .deb files, are unpacked with
# dpkg-deb -x into a staging folder and never installed. The libjs-*/php-getid3 packages are the
# targets of the symlinks inside Debian's wordpress package; unpacking trixie's own copies next to
# it makes every relative symlink resolve to exactly the version WordPress 6.8 was packaged with.
SB_TRIXIE_PACKAGES=(
	wordpress
	wordpress-theme-twentytwentyfive
	libjs-lodash
	libjs-underscore
	libjs-cropper
	php-getid3
)
SB_DEBIAN_MIRROR="${SWITCHBOARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SB_APT_TRIXIE_DIR="$SB_RUNTIME_DIR/apt-trixie"
SB_DEB_CACHE="$SB_CACHE_DIR/debs"

sb_deps_apt() {
	local missing=() pkg installed
	local wanted=("${SB_APT_PACKAGES[@]}")
	if [[ "${SWITCHBOARD_MINIMAL_DEPS:-0}" != 1 ]]; then
		wanted+=("${SB_APT_PACKAGES_TESTS[@]}")
	fi
	# One dpkg-query for all of them; unknown packages print nothing.
	installed=" $(dpkg-query -W -f='${db:Status-Abbrev}${Package} ' "${wanted[@]}" 2>/dev/null | grep -o 'ii [^ ]*' | cut -c4- | tr '\n' ' ' || true) "
	for pkg in "${wanted[@]}"; do
		if [[ "$installed" != *" $pkg "* ]]; then
			missing+=("$pkg")
		fi
	done
	if ((${#missing[@]} == 0)); then
		return 0
	fi
	if [[ "$(id -u)" != 0 ]]; then
		sb_die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
	fi
	sb_log "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q </dev/null || sb_die "apt-get update failed"
	apt-get install -y -q --no-install-recommends \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
		"${missing[@]}" </dev/null || sb_die "apt-get install failed for: ${missing[*]}"
}

# apt-get with a private sources list and state for trixie; the system's apt is left untouched.
sb_apt_trixie() {
	apt-get -q \
		-o Dir::Etc::sourcelist="$SB_APT_TRIXIE_DIR/sources.list" \
		-o Dir::Etc::sourceparts=- \
		-o Dir::State::lists="$SB_APT_TRIXIE_DIR/lists" \
		-o Dir::Cache="$SB_APT_TRIXIE_DIR/cache" \
		-o APT::Sandbox::User=root \
		-o Acquire::Languages=none \
		-o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false \
		-o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false \
		-o Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false \
		-o Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled=false \
		"$@" </dev/null
}

sb_cached_deb() {
	compgen -G "$SB_DEB_CACHE/${1}_*.deb" | sort -V | tail -n 1
}

sb_fetch_trixie_debs() {
	local missing=() pkg
	for pkg in "${SB_TRIXIE_PACKAGES[@]}"; do
		[[ -n "$(sb_cached_deb "$pkg")" ]] || missing+=("$pkg")
	done
	((${#missing[@]} == 0)) && return 0

	mkdir -p "$SB_APT_TRIXIE_DIR/lists/partial" "$SB_APT_TRIXIE_DIR/cache/archives/partial" "$SB_DEB_CACHE"
	printf 'deb %s trixie main\n' "$SB_DEBIAN_MIRROR" >"$SB_APT_TRIXIE_DIR/sources.list"
	sb_log "downloading trixie package lists (WordPress $SB_WP_BRANCH is packaged in trixie, not bookworm)"
	sb_apt_trixie update >"$SB_APT_TRIXIE_DIR/update.log" 2>&1 || {
		tail -n 20 "$SB_APT_TRIXIE_DIR/update.log" >&2
		sb_die "apt-get update for trixie failed (see $SB_APT_TRIXIE_DIR/update.log)"
	}
	sb_log "downloading .deb files: ${missing[*]}"
	(cd "$SB_DEB_CACHE" && sb_apt_trixie download "${missing[@]}") >"$SB_APT_TRIXIE_DIR/download.log" 2>&1 || {
		tail -n 20 "$SB_APT_TRIXIE_DIR/download.log" >&2
		sb_die "apt-get download from trixie failed (see $SB_APT_TRIXIE_DIR/download.log)"
	}
}

sb_core_version() {
	sed -n "s/^\$wp_version = '\([^']*\)';.*/\1/p" "$1/wp-includes/version.php" 2>/dev/null || true
}

# Builds .runtime/wordpress-core: a plain (symlink-free) WordPress tree with the default theme.
sb_deps_core() {
	local version
	version="$(sb_core_version "$SB_CORE_DIR")"
	if [[ "$version" == "$SB_WP_BRANCH".* && -f "$SB_CORE_DIR/.switchboard-core" ]]; then
		return 0
	fi
	command -v dpkg-deb >/dev/null || sb_die "dpkg-deb not found"
	sb_fetch_trixie_debs

	local stage="$SB_CACHE_DIR/wp-stage" tmp="$SB_CORE_DIR.tmp" pkg deb link target
	rm -rf "$stage" "$tmp"
	mkdir -p "$stage"
	for pkg in "${SB_TRIXIE_PACKAGES[@]}"; do
		deb="$(sb_cached_deb "$pkg")"
		dpkg-deb -x "$deb" "$stage" || sb_die "could not unpack $deb"
	done

	local wp="$stage/usr/share/wordpress"
	[[ -f "$wp/wp-includes/version.php" ]] || sb_die "unexpected layout: no usr/share/wordpress in the wordpress .deb"
	# Debian's wp-config.php is a shim that loads /etc/wordpress/config-<host>.php; each site gets
	# its own wp-config.php instead. The .htaccess points at /etc/wordpress/htaccess (all comments).
	rm -f "$wp/wp-config.php" "$wp/.htaccess"

	# Absolute symlinks: point them into the staging root when the target was unpacked there,
	# keep them when the target exists on this machine (wp-includes/certificates/ca-bundle.crt →
	# the system CA bundle), drop them otherwise. Relative ones resolve inside the staging root.
	while IFS= read -r -d '' link; do
		target="$(readlink "$link")"
		if [[ "$target" == /* ]]; then
			if [[ -e "$stage$target" ]]; then
				ln -sfn "$stage$target" "$link"
			elif [[ ! -e "$target" ]]; then
				sb_warn "dropping dangling symlink ${link#"$stage"/} -> $target"
				rm -f "$link"
			fi
		elif [[ ! -e "$link" ]]; then
			sb_warn "dropping dangling symlink ${link#"$stage"/} -> $target"
			rm -f "$link"
		fi
	done < <(find "$wp" -type l -print0)

	cp -rL "$wp" "$tmp" || sb_die "could not copy the WordPress core"
	# wp-content: Debian keeps the writable part in /var/lib/wordpress/wp-content.
	cp -n "$stage/var/lib/wordpress/wp-content/index.php" "$tmp/wp-content/index.php" 2>/dev/null || true
	[[ -f "$tmp/wp-content/themes/index.php" ]] || cp "$tmp/wp-content/index.php" "$tmp/wp-content/themes/index.php"
	[[ -f "$tmp/wp-content/themes/twentytwentyfive/style.css" ]] || sb_die "the twentytwentyfive theme is missing"

	if [[ -n "$(find "$tmp" -type l -print -quit)" ]]; then
		sb_die "the WordPress core copy still contains symlinks"
	fi
	version="$(sb_core_version "$tmp")"
	[[ "$version" == "$SB_WP_BRANCH".* ]] || sb_die "expected WordPress $SB_WP_BRANCH.x, the trixie package has '$version'"
	printf '%s\n' "$version" >"$tmp/.switchboard-core"

	rm -rf "$SB_CORE_DIR"
	mv "$tmp" "$SB_CORE_DIR"
	rm -rf "$stage"
	sb_log "WordPress $version core ready in ${SB_CORE_DIR#"$SB_REPO_DIR"/}"
}

# node_modules and plugin/build. SWITCHBOARD_SKIP_BUILD=1 skips both.
sb_deps_node() {
	if [[ "${SWITCHBOARD_SKIP_BUILD:-0}" == 1 ]]; then
		return 0
	fi
	if ! command -v npm >/dev/null; then
		sb_warn "npm not found: skipping the JavaScript build (the admin screens will be missing)"
		return 0
	fi
	if [[ ! -d "$SB_REPO_DIR/node_modules" ]]; then
		if [[ -f "$SB_REPO_DIR/package-lock.json" ]]; then
			sb_log "installing node modules (npm ci)"
			# The registry copy this machine class reaches lacks other platforms' optional packages
			# that package-lock.json names (e.g. @unrs/resolver-binding-*), and npm ci refuses such a
			# lock; npm install resolves the same tree for this platform and leaves the lock alone.
			(cd "$SB_REPO_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund </dev/null) ||
				(sb_warn "npm ci failed: falling back to npm install --no-save" &&
					cd "$SB_REPO_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-save </dev/null) ||
				sb_die "npm install failed"
		else
			sb_warn "no package-lock.json: running npm install"
			(cd "$SB_REPO_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund </dev/null) ||
				sb_die "npm install failed"
		fi
	fi

	# Stale when there is no *.asset.php yet, or when anything that feeds webpack changed since the
	# last build. webpack leaves unchanged output files alone (their mtime too), hence a stamp.
	local build="$SB_REPO_DIR/plugin/build" stamp="$SB_RUNTIME_DIR/build.stamp" ref="" stale=0 start
	if [[ -z "$(find "$build" -maxdepth 1 -name '*.asset.php' -print -quit 2>/dev/null)" ]]; then
		stale=1
	else
		ref="$stamp"
		if [[ ! -f "$ref" ]]; then
			ref="$(find "$build" -maxdepth 1 -name '*.asset.php' -printf '%T@ %p\n' | sort -n | head -n 1 | cut -d' ' -f2-)"
		fi
		if [[ -n "$(find "$SB_REPO_DIR/src" "$SB_REPO_DIR/webpack.config.js" "$SB_REPO_DIR/package-lock.json" \
			"$SB_REPO_DIR/tsconfig.json" -newer "$ref" -type f -print -quit 2>/dev/null)" ]]; then
			stale=1
		fi
	fi
	if ((stale)); then
		sb_log "building the JavaScript (wp-scripts build)"
		start="$(date +%s)"
		if (cd "$SB_REPO_DIR" && npx --no-install wp-scripts build </dev/null >"$SB_RUNTIME_DIR/build.log" 2>&1); then
			# Stamped with the start time: a file saved during the build triggers the next one.
			touch -d "@$start" "$stamp"
		else
			tail -n 30 "$SB_RUNTIME_DIR/build.log" >&2
			sb_warn "wp-scripts build failed (full log: .runtime/build.log); the site starts without fresh assets"
		fi
	fi
}

sb_deps() {
	mkdir -p "$SB_RUNTIME_DIR" "$SB_CACHE_DIR"
	sb_deps_apt
	sb_deps_core
	sb_deps_node
}
