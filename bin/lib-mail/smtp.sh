#!/usr/bin/env bash
#
# The SMTP sink of the email integration tests.
#
#   bash bin/lib-mail/smtp.sh start    start (idempotent)
#   bash bin/lib-mail/smtp.sh stop     stop (idempotent)
#   bash bin/lib-mail/smtp.sh status   exit 0 when it answers
#
# Listens on 127.0.0.1:${SWITCHBOARD_SMTP_PORT:-10025}; every message received is written to
# ${SWITCHBOARD_RUNTIME_DIR:-.runtime}/smtp-sink/<n>.eml (envelope in <n>.json); log and pid file
# next to that folder. A second sink (a mailbox's own SMTP server in the tests) runs with
# SWITCHBOARD_SMTP_SINK_NAME=<name> (folder, pid and log named after it), its own
# SWITCHBOARD_SMTP_PORT, and SWITCHBOARD_SMTP_AUTH=user:password to require SMTP AUTH. Started through sb_daemon (own session, no inherited descriptors); a
# listener counts as ours only when the process of our pid file holds it.

set -uo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bin/lib/common.sh
. "$REPO_DIR/bin/lib/common.sh"
# shellcheck source=bin/lib-mail/lib.sh
. "$REPO_DIR/bin/lib-mail/lib.sh"
NAME="${SWITCHBOARD_SMTP_SINK_NAME:-smtp-sink}"
DIR="$SB_RUNTIME_DIR/$NAME"
PORT="${SWITCHBOARD_SMTP_PORT:-10025}"
PID_FILE="$SB_RUNTIME_DIR/$NAME.pid"
LOG="$SB_RUNTIME_DIR/$NAME.log"
AUTH_ARGS=()
if [[ -n "${SWITCHBOARD_SMTP_AUTH:-}" ]]; then
	AUTH_ARGS=(--auth "$SWITCHBOARD_SMTP_AUTH")
fi

log() { printf '[smtp-sink] %s\n' "$*" >&2; }

answering() {
	(
		exec 2>/dev/null
		exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
		greeting=''
		IFS= read -r -t 2 greeting <&3
		printf 'QUIT\r\n' >&3
		[[ "$greeting" == 220* ]]
	)
}

start() {
	mkdir -p "$DIR"
	if mail_owns_port "$PID_FILE" "$PORT" && answering; then
		return 0
	fi
	if sb_port_busy 127.0.0.1 "$PORT"; then
		log "127.0.0.1:$PORT is in use by a process this script did not start (pid $(mail_listener_pids "$PORT" | tr '\n' ' '))"
		return 1
	fi
	local python
	python="$(command -v python3 || true)"
	if [[ -z "$python" ]]; then
		log "python3 not found"
		return 1
	fi
	rm -f "$PID_FILE"
	sb_daemon "$PID_FILE" "$LOG" "$python" "$REPO_DIR/bin/lib-mail/smtp-sink.py" --host 127.0.0.1 --port "$PORT" --dir "$DIR" "${AUTH_ARGS[@]}"
	for _ in $(seq 1 50); do
		if mail_owns_port "$PID_FILE" "$PORT" && answering; then
			log "listening on 127.0.0.1:$PORT, writing to $DIR"
			return 0
		fi
		if [[ -s "$PID_FILE" ]] && ! sb_pid_alive "$PID_FILE"; then
			break
		fi
		sleep 0.1
	done
	log "the sink did not start; last log lines:"
	tail -n 20 "$LOG" >&2
	return 1
}

stop() {
	mail_stop_pidfile "$PID_FILE" smtp-sink.py
	return 0
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) mail_owns_port "$PID_FILE" "$PORT" && answering ;;
*)
	echo "usage: $0 start|stop|status" >&2
	exit 2
	;;
esac
