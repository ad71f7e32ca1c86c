# shellcheck shell=bash
#
# The project's own MariaDB: datadir .runtime/mariadb/data, socket .runtime/mariadb/mysqld.sock,
# TCP 127.0.0.1:3307. Never the system service, never the system's my.cnf (--no-defaults).
# Sourced after common.sh.

# Administrative access goes through the socket with unix_socket authentication as the OS user.
SB_DB_ADMIN="$(id -un)"

sb_db_client() {
	mariadb --no-defaults --socket="$SB_DB_SOCKET" -u "$SB_DB_ADMIN" "$@"
}

sb_db_admin() {
	mariadb-admin --no-defaults --socket="$SB_DB_SOCKET" -u "$SB_DB_ADMIN" "$@"
}

sb_db_alive() {
	[[ -S "$SB_DB_SOCKET" ]] && sb_db_admin --connect-timeout=2 ping >/dev/null 2>&1
}

sb_db_running() {
	sb_pid_alive "$SB_DB_PIDFILE" && sb_db_alive
}

sb_db_init() {
	[[ -d "$SB_DB_DATADIR/mysql" ]] && return 0
	sb_log "initializing MariaDB data directory ${SB_DB_DATADIR#"$SB_REPO_DIR"/}"
	rm -rf "$SB_DB_DATADIR"
	mkdir -p "$SB_DB_DATADIR"
	local args=(
		--no-defaults
		--user="$SB_DB_ADMIN"
		--datadir="$SB_DB_DATADIR"
		--auth-root-authentication-method=socket
		--skip-test-db
	)
	if [[ "$SB_DB_ADMIN" != root ]]; then
		args+=(--auth-root-socket-user="$SB_DB_ADMIN")
	fi
	mariadb-install-db "${args[@]}" >"$SB_DB_DIR/install-db.log" 2>&1 </dev/null || {
		tail -n 30 "$SB_DB_DIR/install-db.log" >&2
		rm -rf "$SB_DB_DATADIR"
		sb_die "mariadb-install-db failed (see ${SB_DB_DIR#"$SB_REPO_DIR"/}/install-db.log)"
	}
}

sb_db_start() {
	mkdir -p "$SB_DB_DIR"
	local log_offset=-1
	if sb_db_running; then
		return 0
	fi
	if sb_pid_alive "$SB_DB_PIDFILE"; then
		sb_log "MariaDB is starting up; waiting"
	else
		if sb_port_busy 127.0.0.1 "$SB_DB_PORT"; then
			sb_die "port $SB_DB_PORT is in use by another program (not the runtime's MariaDB)"
		fi
		if ((${#SB_DB_SOCKET} > 100)); then
			sb_die "socket path too long for a Unix socket (${#SB_DB_SOCKET} chars): $SB_DB_SOCKET"
		fi
		sb_db_init
		rm -f "$SB_DB_PIDFILE" "$SB_DB_SOCKET"
		log_offset=0
		[[ -f "$SB_DB_LOG" ]] && log_offset="$(stat -c %s "$SB_DB_LOG")"
		sb_log "starting MariaDB on 127.0.0.1:$SB_DB_PORT"
		# mariadbd writes its own pid file.
		sb_daemon - "$SB_DB_DIR/mysqld.out" mariadbd \
			--no-defaults \
			--user="$SB_DB_ADMIN" \
			--datadir="$SB_DB_DATADIR" \
			--socket="$SB_DB_SOCKET" \
			--pid-file="$SB_DB_PIDFILE" \
			--log-error="$SB_DB_LOG" \
			--port="$SB_DB_PORT" \
			--bind-address=127.0.0.1 \
			--skip-name-resolve \
			--character-set-server=utf8mb4 \
			--collation-server=utf8mb4_unicode_ci \
			--max-connections=300 \
			--max-allowed-packet=64M \
			--innodb-buffer-pool-size=256M \
			--innodb-flush-log-at-trx-commit=2
	fi
	local i
	for ((i = 0; i < 120; i++)); do
		if sb_db_alive; then
			if ((log_offset >= 0)) && tail -c +"$((log_offset + 1))" "$SB_DB_LOG" 2>/dev/null | grep -q 'Starting crash recovery'; then
				sb_db_repair_fulltext
			fi
			return 0
		fi
		sleep 0.5
	done
	tail -n 30 "$SB_DB_LOG" >&2 2>/dev/null || true
	sb_die "MariaDB did not answer within 60s (log: ${SB_DB_LOG#"$SB_REPO_DIR"/})"
}

# After an unclean shutdown (a killed machine or process) InnoDB may restart FULLTEXT document ids
# below ids it already recorded as deleted, so rows written afterwards are invisible to MATCH()
# (MDEV-34057). Rebuilding each table with a FULLTEXT index resets that state; the runtime's
# tables are small, so this takes seconds.
sb_db_repair_fulltext() {
	local tables table
	tables="$(sb_db_client -N -e "SELECT DISTINCT CONCAT('\`', TABLE_SCHEMA, '\`.\`', TABLE_NAME, '\`')
		FROM information_schema.STATISTICS WHERE INDEX_TYPE = 'FULLTEXT' AND TABLE_SCHEMA LIKE 'switchboard%'")" || return 0
	[[ -n "$tables" ]] || return 0
	sb_log "MariaDB recovered from an unclean shutdown: rebuilding FULLTEXT tables (MDEV-34057)"
	while IFS= read -r table; do
		[[ -n "$table" ]] && sb_db_client -N -e "OPTIMIZE TABLE $table" >/dev/null 2>&1
	done <<<"$tables"
	return 0
}

sb_db_stop() {
	if ! sb_pid_alive "$SB_DB_PIDFILE"; then
		rm -f "$SB_DB_PIDFILE"
		sb_log "MariaDB is not running"
		return 0
	fi
	local pid i
	pid="$(<"$SB_DB_PIDFILE")"
	sb_log "stopping MariaDB (pid $pid)"
	sb_db_admin shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 120; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
	done
	sb_die "MariaDB (pid $pid) did not stop within 60s"
}

# The application user may use every database named switchboard_* (tests create more of them).
sb_db_ensure_user() {
	local host
	for host in localhost '%'; do
		sb_db_client -e "CREATE USER IF NOT EXISTS '$SB_DB_USER'@'$host' IDENTIFIED BY '$SB_DB_PASSWORD';
			GRANT ALL PRIVILEGES ON \`switchboard\\_%\`.* TO '$SB_DB_USER'@'$host';" ||
			sb_die "could not create the MariaDB user $SB_DB_USER@$host"
	done
}

sb_db_create() {
	sb_db_client -e "CREATE DATABASE IF NOT EXISTS \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" ||
		sb_die "could not create database $1"
}

sb_db_drop() {
	sb_db_client -e "DROP DATABASE IF EXISTS \`$1\`;" || sb_die "could not drop database $1"
}
