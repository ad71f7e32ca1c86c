#!/usr/bin/env bash
#
# The SMTP sink of the email integration tests.
#
#   bash bin/lib-mail/smtp.sh start    start (idempotent)
#   bash bin/lib-mail/smtp.sh stop     stop (idempotent)
#   bash bin/lib-mail/smtp.sh status   exit 0 when it answers
#
# Listens on 127.0.0.1:${SWITCHBOARD_SMTP_PORT:-10025}; every message received is written to
# .runtime/smtp-sink/<n>.eml (envelope in <n>.json). Log and pid under .runtime/smtp-sink/.

set -uo pipefail

# The servers started here must not hold the caller's pipes open (PHPUnit's php://stdout and the
# like are inherited without close-on-exec): close every descriptor above 2.
for _fd in /proc/$$/fd/*; do
	_fd="${_fd##*/}"
	if [[ "$_fd" =~ ^[0-9]+$ && "$_fd" -gt 2 ]]; then
		eval "exec $_fd>&-" 2>/dev/null
	fi
done
unset _fd

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$REPO_DIR/.runtime/smtp-sink"
PORT="${SWITCHBOARD_SMTP_PORT:-10025}"
PID_FILE="$REPO_DIR/.runtime/smtp-sink.pid"
LOG="$REPO_DIR/.runtime/smtp-sink.log"

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
	if answering; then
		return 0
	fi
	local python
	python="$(command -v python3 || true)"
	if [[ -z "$python" ]]; then
		log "python3 not found"
		return 1
	fi
	nohup "$python" "$REPO_DIR/bin/lib-mail/smtp-sink.py" --host 127.0.0.1 --port "$PORT" --dir "$DIR" >>"$LOG" 2>&1 </dev/null &
	echo $! >"$PID_FILE"
	for _ in $(seq 1 50); do
		if answering; then
			log "listening on 127.0.0.1:$PORT, writing to $DIR"
			return 0
		fi
		if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
			break
		fi
		sleep 0.1
	done
	log "the sink did not start; last log lines:"
	tail -n 20 "$LOG" >&2
	return 1
}

stop() {
	if [[ -f "$PID_FILE" ]]; then
		local pid
		pid="$(cat "$PID_FILE")"
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null
			for _ in $(seq 1 50); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.1
			done
		fi
		rm -f "$PID_FILE"
	fi
	return 0
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) answering ;;
*)
	echo "usage: $0 start|stop|status" >&2
	exit 2
	;;
esac
