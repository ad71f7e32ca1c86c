# shellcheck shell=bash
#
# Shared by bin/lib-mail/dovecot.sh and smtp.sh: paths, and whether a listener is ours.
# Sourced after bin/lib/common.sh (SB_RUNTIME_DIR, sb_daemon, sb_pid_alive).

# mail_listener_pids <port>: pids of the processes listening on 127.0.0.1:<port> (one a line).
mail_listener_pids() {
	ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# mail_owns_port <pidfile> <port>: true when the process named in <pidfile> (or one of its
# children) holds the listening socket on <port>. A listener anybody else started (another
# worktree's server, a system service, a recycled pid) is never treated as ours.
mail_owns_port() {
	local pidfile="$1" port="$2" pid listener parent
	sb_pid_alive "$pidfile" || return 1
	pid="$(<"$pidfile")"
	while read -r listener; do
		[[ -n "$listener" ]] || continue
		[[ "$listener" == "$pid" ]] && return 0
		parent="$(awk '/^PPid:/ { print $2 }' "/proc/$listener/status" 2>/dev/null)"
		[[ "$parent" == "$pid" ]] && return 0
	done < <(mail_listener_pids "$port")
	return 1
}

# mail_stop_pidfile <pidfile> <expected command substring>: stops the process group started by
# sb_daemon, only when the pid still runs the expected program.
mail_stop_pidfile() {
	local pidfile="$1" expect="$2" pid
	if ! sb_pid_alive "$pidfile"; then
		rm -f "$pidfile"
		return 0
	fi
	pid="$(<"$pidfile")"
	if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$expect"; then
		printf '[mail] pid %s in %s is not %s; leaving it alone\n' "$pid" "$pidfile" "$expect" >&2
		rm -f "$pidfile"
		return 0
	fi
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
	fi
	rm -f "$pidfile"
}
