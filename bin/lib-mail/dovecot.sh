#!/usr/bin/env bash
#
# The project's own Dovecot (IMAP only) for the email integration tests.
#
#   bash bin/lib-mail/dovecot.sh start    start (idempotent; installs dovecot-imapd when missing)
#   bash bin/lib-mail/dovecot.sh stop     stop (idempotent)
#   bash bin/lib-mail/dovecot.sh status   exit 0 when listening
#   bash bin/lib-mail/dovecot.sh reset    stop, wipe the maildirs, start
#
# Listens on 127.0.0.1:${SWITCHBOARD_IMAP_PORT:-10143}, plaintext (loopback only), one user
# support@shop.test / secret. Config, passwd-file, maildirs, base_dir, pid file and log live under
# ${SWITCHBOARD_RUNTIME_DIR:-.runtime}/dovecot/ (git-ignored), so a system Dovecot is never
# touched. Started through sb_daemon; a listener counts as ours only when the master of our pid
# file holds it.

set -uo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bin/lib/common.sh
. "$REPO_DIR/bin/lib/common.sh"
# shellcheck source=bin/lib-mail/lib.sh
. "$REPO_DIR/bin/lib-mail/lib.sh"
ROOT="$SB_RUNTIME_DIR/dovecot"
PORT="${SWITCHBOARD_IMAP_PORT:-10143}"
CONF="$ROOT/dovecot.conf"
LOG="$ROOT/dovecot.log"
BASE="$ROOT/run"
PID_FILE="$ROOT/dovecot.pid"

log() { printf '[dovecot] %s\n' "$*" >&2; }

# Listening and greeting (the master accepts connections even when imap-login cannot start).
listening() {
	(
		exec 2>/dev/null
		exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
		greeting=''
		IFS= read -r -t 2 greeting <&3
		printf 'A1 LOGOUT\r\n' >&3
		[[ "$greeting" == '* OK'* ]]
	)
}

ensure_installed() {
	if command -v dovecot >/dev/null 2>&1 && dpkg -s dovecot-imapd >/dev/null 2>&1; then
		return 0
	fi
	log "installing dovecot-imapd"
	if [[ "$(id -u)" != 0 ]]; then
		log "not root: cannot install dovecot-imapd"
		return 1
	fi
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dovecot-imapd) >"$ROOT/install.log" 2>&1 || {
		log "apt-get install dovecot-imapd failed (see $ROOT/install.log)"
		return 1
	}
	# The package may have started a system instance on 143/993; ours does not care.
}

write_config() {
	mkdir -p "$ROOT/mail" "$BASE"
	local user group login_user
	user="$(id -un)"
	group="$(id -gn)"
	login_user="$user"
	# Dovecot refuses to run its login and internal processes as root: use the package's users.
	if [[ "$(id -u)" == 0 ]]; then
		user="$(id -un dovecot 2>/dev/null || echo nobody)"
		group="$(id -gn dovecot 2>/dev/null || echo nogroup)"
		login_user="$(id -un dovenull 2>/dev/null || echo nobody)"
	fi
	# Mail is owned by the invoking user, or (Dovecot refuses uid 0 for mail) by "mail" as root.
	local mail_uid mail_gid
	mail_uid="$(id -u)"
	mail_gid="$(id -g)"
	if [[ "$mail_uid" == 0 ]]; then
		mail_uid="$(id -u mail 2>/dev/null || echo 8)"
		mail_gid="$(id -g mail 2>/dev/null || echo 8)"
		chown -R "$mail_uid:$mail_gid" "$ROOT/mail"
	fi
	# passwd-file: user:{PLAIN}password:uid:gid::home
	printf 'support@shop.test:{PLAIN}secret:%s:%s::%s/mail/support@shop.test\n' "$mail_uid" "$mail_gid" "$ROOT" >"$ROOT/passwd"
	cat >"$CONF" <<CONF
# Written by bin/lib-mail/dovecot.sh: edits are lost.
protocols = imap
listen = 127.0.0.1
base_dir = $BASE
instance_name = switchboard-test
state_dir = $ROOT/state
log_path = $LOG
info_log_path = $LOG
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = $user
default_internal_group = $group
default_login_user = $login_user
first_valid_uid = 1
mail_location = maildir:$ROOT/mail/%u/Maildir
mail_uid = $mail_uid
mail_gid = $mail_gid
mail_privileged_group =
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $ROOT/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $ROOT/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
CONF
	mkdir -p "$ROOT/state"
}

# Ours and answering: the master of our pid file holds the listener.
running() {
	mail_owns_port "$PID_FILE" "$PORT" && listening
}

start() {
	mkdir -p "$ROOT"
	if running; then
		return 0
	fi
	if sb_port_busy 127.0.0.1 "$PORT"; then
		log "127.0.0.1:$PORT is in use by a process this script did not start (pid $(mail_listener_pids "$PORT" | tr '\n' ' '))"
		return 1
	fi
	ensure_installed || return 1
	write_config
	mail_stop_pidfile "$PID_FILE" dovecot
	# In the foreground (-F) under sb_daemon: its own session, no inherited descriptors, and the
	# pid file names the master that holds the listener.
	sb_daemon "$PID_FILE" "$LOG" dovecot -F -c "$CONF"
	for _ in $(seq 1 50); do
		if running; then
			log "listening on 127.0.0.1:$PORT (support@shop.test / secret)"
			return 0
		fi
		if [[ -s "$PID_FILE" ]] && ! sb_pid_alive "$PID_FILE"; then
			break
		fi
		sleep 0.1
	done
	log "dovecot did not listen on 127.0.0.1:$PORT; last log lines:"
	tail -n 20 "$LOG" >&2
	return 1
}

stop() {
	mail_stop_pidfile "$PID_FILE" dovecot
	return 0
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) running ;;
reset) stop && rm -rf "$ROOT/mail" && start ;;
*)
	echo "usage: $0 start|stop|status|reset" >&2
	exit 2
	;;
esac
