# shellcheck shell=bash
#
# nginx + PHP-FPM (Debian's nginx and php8.2-fpm) in front of a runtime site, for the benches:
# the PHP built-in server has 4 workers, so 50 polling chat visitors measure its queue, not
# Switchboard. Used by bin/bench.sh only (the dev/test sites keep the built-in server).
# Sourced after common.sh and site.sh, with sb_env_config/bench_env_config applied.
#
# Everything lives in $SB_RUNTIME_DIR/<env>-fpm/ (config, sockets, pids, logs, temp dirs): never
# the system's nginx or php-fpm service, never a port other than $SB_PORT.

SB_FPM_CHILDREN="${SWITCHBOARD_BENCH_FPM_CHILDREN:-16}"

sb_fpm_dir() {
	echo "$SB_RUNTIME_DIR/$SB_ENV-fpm"
}

sb_fpm_bin() {
	command -v php-fpm8.2 2>/dev/null || command -v php-fpm 2>/dev/null || { [[ -x /usr/sbin/php-fpm8.2 ]] && echo /usr/sbin/php-fpm8.2; }
}

sb_nginx_bin() {
	command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }
}

# sb_fpm_available: both programs are installed (apt-get install nginx-light php8.2-fpm).
sb_fpm_available() {
	[[ -n "$(sb_fpm_bin)" && -n "$(sb_nginx_bin)" ]]
}

sb_fpm_write_config() {
	local dir="$1" listen6="" ini key value
	mkdir -p "$dir/tmp"
	# The runtime's PHP settings (opcache on, limits) as pool values.
	ini=""
	for ((i = 1; i < ${#SB_PHP_INI[@]}; i += 2)); do
		key="${SB_PHP_INI[$i]%%=*}"
		value="${SB_PHP_INI[$i]#*=}"
		ini+="php_admin_value[$key] = $value"$'\n'
	done
	cat >"$dir/php-fpm.conf" <<EOF
; Written by bin/lib/fpm.sh for the $SB_ENV site.
[global]
pid = $dir/php-fpm.pid
error_log = $dir/php-fpm.log
daemonize = yes

[switchboard]
listen = $dir/php-fpm.sock
listen.mode = 0600
pm = static
pm.max_children = $SB_FPM_CHILDREN
pm.max_requests = 0
clear_env = no
catch_workers_output = yes
$ini
EOF
	if sb_localhost_has_ipv6; then
		listen6="listen [::1]:$SB_PORT;"
	fi
	cat >"$dir/nginx.conf" <<EOF
# Written by bin/lib/fpm.sh for the $SB_ENV site.
$( ((EUID == 0)) && echo 'user root;')
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 2048; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	sendfile on;
	keepalive_timeout 65;
	client_max_body_size 40m;
	client_body_temp_path $dir/tmp/body;
	fastcgi_temp_path $dir/tmp/fastcgi;
	proxy_temp_path $dir/tmp/proxy;
	uwsgi_temp_path $dir/tmp/uwsgi;
	scgi_temp_path $dir/tmp/scgi;
	server {
		listen 127.0.0.1:$SB_PORT;
		$listen6
		server_name localhost;
		root $SB_SITE_DIR;
		index index.php;
		# The runtime's bookkeeping and dotfiles are never served (as bin/router.php).
		location ~ /\\. { deny all; }
		location ~ ^/(debug\\.log|server(-ipv6)?\\.(log|pid)|server\\.log\\.\\d+|env\\.(sh|json)|wp-config-local\\.php)$ { deny all; }
		location = /wp-content/debug.log { deny all; }
		# The MTA pipe's spool of raw mail (bin/mail-pipe.php); ^~ wins over the .php location.
		location ^~ /wp-content/switchboard-spool/ { deny all; }
		# Switchboard's private files (attachments, raw mail): only ever through the REST API.
		location ~* /wp-content/uploads/switchboard-private { deny all; }
		location / { try_files \$uri \$uri/ /index.php?\$args; }
		location ~ [^/]\\.php(/|$) {
			fastcgi_split_path_info ^(.+?\\.php)(/.*)$;
			if (!-f \$document_root\$fastcgi_script_name) { return 404; }
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
			fastcgi_param PATH_INFO \$fastcgi_path_info;
			fastcgi_param HTTP_PROXY "";
			fastcgi_read_timeout 300;
			fastcgi_pass unix:$dir/php-fpm.sock;
		}
	}
}
EOF
}

# sb_fpm_start: PHP-FPM and nginx on $SB_PORT for $SB_SITE_DIR (restarts them if running).
sb_fpm_start() {
	local dir fpm nginx code i
	dir="$(sb_fpm_dir)"
	fpm="$(sb_fpm_bin)"
	nginx="$(sb_nginx_bin)"
	sb_fpm_stop
	if sb_port_busy 127.0.0.1 "$SB_PORT"; then
		sb_die "port $SB_PORT is in use: stop what listens there (bash bin/runtime.sh down) and try again"
	fi
	sb_fpm_write_config "$dir"
	"$fpm" --allow-to-run-as-root -y "$dir/php-fpm.conf" -c /etc/php/8.2/fpm/php.ini ||
		sb_die "php-fpm did not start (see ${dir#"$SB_REPO_DIR"/}/php-fpm.log)"
	"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" ||
		sb_die "nginx did not start (see ${dir#"$SB_REPO_DIR"/}/nginx-error.log)"
	for ((i = 0; i < 60; i++)); do
		code="$(sb_http_code "$SB_URL/wp-login.php")"
		if [[ "$code" == 200 ]]; then
			sb_log "nginx + PHP-FPM ($SB_FPM_CHILDREN workers) serving $SB_URL"
			return 0
		fi
		sleep 0.5
	done
	tail -n 20 "$dir/nginx-error.log" "$dir/php-fpm.log" >&2 2>/dev/null
	sb_die "$SB_URL/wp-login.php answers '$code' behind nginx + PHP-FPM"
}

# sb_fpm_stop_pid <pidfile> <program name>: stops a daemon we started (checks its name first).
sb_fpm_stop_pid() {
	local pidfile="$1" name="$2" pid i
	sb_pid_alive "$pidfile" || {
		rm -f "$pidfile"
		return 0
	}
	pid="$(<"$pidfile")"
	if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$name"; then
		rm -f "$pidfile"
		return 0
	fi
	kill -QUIT "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
	rm -f "$pidfile"
}

# sb_fpm_stop: stops this site's nginx and PHP-FPM (idempotent).
sb_fpm_stop() {
	local dir
	dir="$(sb_fpm_dir)"
	sb_fpm_stop_pid "$dir/nginx.pid" nginx
	sb_fpm_stop_pid "$dir/php-fpm.pid" php-fpm
}
